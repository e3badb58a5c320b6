// Participants: list, PATCH role/mute (host transfer in interview mode), kick.
import { AppError, type RoomRole } from '../../protocol/index.ts';
import { isUuid } from '../../protocol/api/common.ts';
import type { RoomParticipantSummary } from '../../protocol/api/rooms.ts';
import type { ParticipantRecord, RoomRecord } from '../../storage/rooms/index.ts';
import type { AuthUser } from '../auth/authenticate.ts';
import { ANY_ROLE, allow, requireOpen, roomAccess, type RoomAccess } from './room-access.ts';
import type { RoomDeps } from './room-deps.ts';
import { candidateSeatFree } from './room-model.ts';
import { participantView } from './room-views.ts';

export async function listParticipants(
  d: RoomDeps,
  user: AuthUser,
  roomId: string | undefined,
  includeLeft: () => boolean,
): Promise<RoomParticipantSummary[]> {
  const access = await roomAccess(d.engine, roomId, user);
  allow(access, { roles: ANY_ROLE, admin: true });
  const withLeft = includeLeft();
  return (await d.engine.store.rooms.listParticipants(access.room.id))
    .filter((p) => p.state === 'active' || (withLeft && p.state === 'left'))
    .map(participantView);
}

/** The `:userId` of a participant path: must name a participant in one of `states`. */
async function targetOf(access: RoomAccess, d: RoomDeps, userId: string | undefined, states: readonly string[]): Promise<ParticipantRecord> {
  const target = isUuid(userId) ? await d.engine.store.rooms.getParticipant(access.room.id, userId) : undefined;
  if (!target || !states.includes(target.state)) {
    throw new AppError('ROOM_PARTICIPANT_NOT_FOUND', 'That user is not a participant of this room.');
  }
  return target;
}

export interface PatchInput {
  role?: RoomRole;
  muted?: boolean;
}

/**
 * PATCH a participant. The host may change anything; anyone may set `muted` on themself. Role changes
 * exist only in interview mode: `host` on another participant transfers hosting (the caller becomes
 * `interviewer`), and the host's own role changes only that way.
 *
 * A `muted` in the body is then mirrored on the media server. The response waits for that (each
 * LiveKit request is bounded by a short timeout, see media-control.ts), so that when the PATCH returns the
 * audio is muted too, but outside the room's queue, and a failure there never fails the PATCH.
 */
export async function patchParticipant(
  d: RoomDeps,
  user: AuthUser,
  roomId: string | undefined,
  userId: string | undefined,
  rawBody: unknown,
  parse: () => PatchInput,
): Promise<RoomParticipantSummary> {
  const first = await roomAccess(d.engine, roomId, user);
  let mirrorMute = false;
  const view = await d.engine.exclusive(first.room.id, async () => {
    const access = await roomAccess(d.engine, first.room.id, user);
    const target = await targetOf(access, d, userId, ['active']);
    const touchesRole = typeof rawBody === 'object' && rawBody !== null && 'role' in rawBody;
    if (access.role !== 'host') {
      allow(access, { roles: ANY_ROLE });
      if (target.userId !== user.id || touchesRole) throw new AppError('ROOM_FORBIDDEN', 'Only the host may change this.');
    }
    const input = parse();
    requireOpen(access.room);
    mirrorMute = input.muted !== undefined;
    const changed: ParticipantRecord[] = [];
    const next = { ...target, muted: input.muted ?? target.muted };
    if (input.role !== undefined && input.role !== target.role) {
      changed.push(...(await roleChange(d, access.room, access.me!, next, input.role)));
    }
    if (!changed.some((p) => p.userId === next.userId)) changed.push(next);
    for (const p of changed) {
      await d.engine.push(access.room.id, { type: 'participant-updated', userId: p.userId, role: p.role, muted: p.muted });
    }
    for (const p of changed) {
      await d.engine.store.rooms.saveParticipant(p);
      await d.engine.record(access.room.id, 'participant-updated', user.id, { userId: p.userId, role: p.role, muted: p.muted });
    }
    await d.engine.save(access.room);
    return participantView((await d.engine.store.rooms.getParticipant(access.room.id, next.userId))!);
  });
  if (mirrorMute) await d.media.setMuted(first.room.id, view.userId, view.muted);
  return view;
}

/** Validates a role change and returns the participants it changes (two on a host transfer). */
async function roleChange(
  d: RoomDeps,
  room: RoomRecord,
  host: ParticipantRecord,
  target: ParticipantRecord,
  role: RoomRole,
): Promise<ParticipantRecord[]> {
  if (room.mode !== 'interview') {
    throw new AppError('ROOM_MODE_UNSUPPORTED', `Roles change only by role swap in ${room.mode} mode.`);
  }
  if (target.userId === host.userId) {
    throw new AppError('ROOM_ROLE_UNAVAILABLE', 'The host hands over by giving another participant the host role.');
  }
  switch (role) {
    case 'host':
      room.hostId = target.userId;
      return [
        { ...target, role: 'host' },
        { ...host, role: 'interviewer' },
      ];
    case 'interviewer':
      return [{ ...target, role }];
    case 'candidate': {
      const participants = await d.engine.store.rooms.listParticipants(room.id);
      if (!candidateSeatFree(room.mode, participants, target.userId)) {
        throw new AppError('ROOM_ROLE_UNAVAILABLE', 'The candidate seat is taken.');
      }
      return [{ ...target, role }];
    }
    case 'spectator':
      if (!room.config.allowSpectators) throw new AppError('ROOM_ROLE_UNAVAILABLE', 'This room does not allow spectators.');
      return [{ ...target, role }];
  }
}

/** DELETE a participant (kick): sockets close with 4002, a rejoin gets ROOM_KICKED. */
export async function kickParticipant(
  d: RoomDeps,
  user: AuthUser,
  roomId: string | undefined,
  userId: string | undefined,
  parse: () => { reason?: string },
  ip: string,
): Promise<void> {
  const first = await roomAccess(d.engine, roomId, user);
  await d.engine.exclusive(first.room.id, async () => {
    const access = await roomAccess(d.engine, first.room.id, user);
    const target = await targetOf(access, d, userId, ['active', 'left']);
    allow(access, { roles: ['host'] });
    if (target.userId === user.id) throw new AppError('ROOM_FORBIDDEN', 'You cannot kick yourself.');
    const { reason } = parse();
    requireOpen(access.room);
    await kickInQueue(d, access.room, target, user.id, reason);
    await d.control.audit.record('room.participant-kicked', {
      actorId: user.id,
      targetType: 'room',
      targetId: access.room.id,
      ip,
      details: { userId: target.userId, reason: reason ?? null },
    });
  });
}

export async function kickInQueue(d: RoomDeps, room: RoomRecord, target: ParticipantRecord, by: string, reason?: string): Promise<void> {
  const { engine } = d;
  await engine.collab('kickUser', (c) => c.kickUser(room.id, reason === undefined ? { userId: target.userId } : { userId: target.userId, reason }));
  await engine.push(room.id, { type: 'participant-kicked', userId: target.userId, by });
  await engine.store.rooms.saveParticipant({ ...target, state: 'kicked', leftAt: target.leftAt ?? engine.now() });
  await engine.save(room);
  await engine.record(room.id, 'participant-kicked', by, { userId: target.userId, by, reason: reason ?? null });
  await engine.finishIfEmptyInQueue(room);
}
