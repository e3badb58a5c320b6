// Room lifecycle: create, get, delete (destroy), join (and collab-token renewal), leave.
import { randomUUID } from 'node:crypto';
import { AppError, type RoomMode, type SupportedLanguage } from '../../protocol/index.ts';
import type { JoinRoomResponse, RoomConfigPatch, RoomDetail } from '../../protocol/api/rooms.ts';
import type { ParticipantRecord, RoomRecord } from '../../storage/rooms/index.ts';
import type { AuthUser } from '../auth/authenticate.ts';
import { toTimestamp } from '../../protocol/timestamps.ts';
import { validationFailed } from '../../protocol/validation.ts';
import { ANY_ROLE, allow, requireOpen, roomAccess } from './room-access.ts';
import type { RoomDeps } from './room-deps.ts';
import {
  configViolations,
  defaultConfig,
  generateInviteCode,
  normalizeInviteCode,
  pickColor,
  previousSeatFree,
  seatForJoiner,
} from './room-model.ts';
import { selectableProblem } from './room-problems.ts';
import { participantView, roomDetail } from './room-views.ts';

export interface CreateRoomInput {
  mode: RoomMode;
  name?: string;
  problemId?: string;
  language?: SupportedLanguage;
  config?: RoomConfigPatch;
}

export async function createRoom(d: RoomDeps, user: AuthUser, input: CreateRoomInput, ip: string): Promise<RoomDetail> {
  const { engine } = d;
  const config = { ...defaultConfig(input.mode), ...input.config };
  const violations = configViolations(input.mode, config);
  if (violations.length > 0) throw validationFailed(violations);
  const problem = input.problemId === undefined ? undefined : await selectableProblem(d.problems, input.problemId);
  if (input.problemId !== undefined && !problem) throw new AppError('PROBLEM_NOT_FOUND', 'No such problem.');
  let language: SupportedLanguage = input.language ?? user.preferredLanguage ?? 'python';
  if (problem && !problem.languages.includes(language)) {
    if (input.language) throw new AppError('PROBLEM_LANGUAGE_UNSUPPORTED', `The problem does not support ${language}.`);
    // A defaulted language the problem lacks falls back to the problem's first language.
    language = problem.languages[0]!;
  }
  const now = engine.now();
  const room: RoomRecord = {
    id: randomUUID(),
    code: await generateInviteCode((c) => engine.store.rooms.codeExists(c)),
    name: input.name ?? `${user.displayName}'s room`,
    mode: input.mode,
    status: 'waiting',
    hostId: user.id,
    ownerId: user.id,
    problemId: problem?.id ?? null,
    language,
    config,
    editorLocked: false,
    lockReason: null,
    timer: null,
    createdAt: now,
    updatedAt: now,
    startedAt: null,
    finishedAt: null,
  };
  const color = pickColor([]);
  await engine.collab('createDocument', async (c) => {
    try {
      await c.createDocument({
        roomId: room.id,
        mode: room.mode,
        phase: room.status,
        language,
        problemId: room.problemId,
        initialCode: problem?.starterCode[language] ?? '',
        editorLocked: false,
        participants: [{ userId: user.id, role: 'host' }],
      });
    } catch (error) {
      // A retried CreateDocument that already succeeded (ROOM_DOCUMENT_EXISTS) is a success.
      if (!(error instanceof AppError && error.code === 'ROOM_DOCUMENT_EXISTS')) throw error;
    }
  });
  await engine.store.transaction(async () => {
    await engine.store.rooms.insertRoom(room);
    await engine.store.rooms.insertParticipant(newParticipant(room.id, user.id, 'host', color, now));
    await engine.record(room.id, 'room-created', user.id, { name: room.name, mode: room.mode, problemId: room.problemId, language });
    await engine.record(room.id, 'participant-joined', user.id, {
      participant: { userId: user.id, displayName: user.displayName, role: 'host', color },
    });
  });
  await engine.timers.roomChanged(room);
  await d.control.audit.record('room.created', { actorId: user.id, targetType: 'room', targetId: room.id, ip, details: { mode: room.mode } });
  return roomDetail(engine.store, d.problems, room, user.id, now);
}

export async function getRoom(d: RoomDeps, user: AuthUser, roomId: string | undefined): Promise<RoomDetail> {
  const access = await roomAccess(d.engine, roomId, user);
  allow(access, { roles: ANY_ROLE, admin: true });
  return roomDetail(d.engine.store, d.problems, access.room, user.id, d.engine.now());
}

/** DELETE /v1/rooms/:roomId: the host destroys the room (finished, `room-closed` reason `destroyed`). */
export async function destroyRoom(d: RoomDeps, user: AuthUser, roomId: string | undefined, ip: string): Promise<void> {
  const first = await roomAccess(d.engine, roomId, user);
  await d.engine.exclusive(first.room.id, async () => {
    const access = await roomAccess(d.engine, first.room.id, user);
    allow(access, { roles: ['host'] });
    if (access.room.status === 'finished') return;
    await d.engine.finishInQueue(access.room, 'destroyed', user.id);
    await d.control.audit.record('room.destroyed', { actorId: user.id, targetType: 'room', targetId: access.room.id, ip });
  });
}

export interface JoinInput {
  code?: string;
  role?: 'candidate' | 'spectator';
}

/**
 * POST /v1/rooms/:roomId/join. Checks in the error-precedence order: kicked, code, closed, then seats. An active participant
 * keeps their role and gets a fresh collab token (token renewal); a `left` participant whose seat is
 * still free comes back in it without a code; everyone else joins as a new joiner with a valid code.
 */
export async function joinRoom(
  d: RoomDeps,
  user: AuthUser,
  roomId: string | undefined,
  parse: () => JoinInput,
  collabUrl: string,
): Promise<JoinRoomResponse> {
  const { engine } = d;
  const first = await roomAccess(engine, roomId, user);
  const input = parse();
  return engine.exclusive(first.room.id, async () => {
    const room = await engine.requireRoom(first.room.id);
    const participants = await engine.store.rooms.listParticipants(room.id);
    let me = participants.find((p) => p.userId === user.id);
    if (me?.state === 'kicked') throw new AppError('ROOM_KICKED', 'You were removed from this room.');
    const rejoinsSeat = me?.state === 'left' && previousSeatFree(room.mode, room.config, participants, me);
    const needsCode = me?.state !== 'active' && !rejoinsSeat;
    if (needsCode && (input.code === undefined || normalizeInviteCode(input.code) !== room.code)) {
      throw new AppError('ROOM_CODE_INVALID', 'The invite code is missing or wrong.');
    }
    requireOpen(room);
    const now = engine.now();
    if (me?.state !== 'active') {
      const role = rejoinsSeat && me ? me.role : seatForJoiner(room.mode, room.config, participants, input.role);
      const color = me?.color ?? pickColor(participants);
      await engine.push(room.id, {
        type: 'participant-joined',
        participant: { userId: user.id, displayName: user.displayName, role, color },
      });
      me = await saveJoin(d, room, user, me, role, color, now);
      await engine.record(room.id, 'participant-joined', user.id, {
        participant: { userId: user.id, displayName: user.displayName, role, color },
      });
    }
    const token = await d.control.tokens.signCollab({
      userId: user.id,
      roomId: room.id,
      role: me.role,
      name: user.displayName,
      color: me.color,
    });
    return {
      room: await roomDetail(engine.store, d.problems, room, user.id, now),
      me: participantView(me),
      collabToken: token.token,
      collabTokenExpiresAt: toTimestamp(token.expiresAt),
      collabUrl,
      docs: { code: `${room.id}/code`, whiteboard: `${room.id}/whiteboard` },
    };
  });
}

async function saveJoin(
  d: RoomDeps,
  room: RoomRecord,
  user: AuthUser,
  previous: ParticipantRecord | undefined,
  role: ParticipantRecord['role'],
  color: string,
  now: number,
): Promise<ParticipantRecord> {
  const rooms = d.engine.store.rooms;
  if (previous) {
    await rooms.saveParticipant({ ...previous, role, state: 'active', lastJoinedAt: now, leftAt: null });
  } else {
    await rooms.insertParticipant(newParticipant(room.id, user.id, role, color, now));
  }
  await d.engine.save(room);
  return (await rooms.getParticipant(room.id, user.id))!;
}

/** A first-time participant (the creating host or a new joiner): active, unmuted, consent not asked yet. */
function newParticipant(
  roomId: string,
  userId: string,
  role: ParticipantRecord['role'],
  color: string,
  now: number,
): Omit<ParticipantRecord, 'displayName' | 'avatarUrl'> {
  return { roomId, userId, role, state: 'active', color, muted: false, recordingConsent: null, joinedAt: now, lastJoinedAt: now, leftAt: null };
}

/**
 * The caller leaves: the collab plane closes their sockets with 1000. A leaving host keeps the
 * host role for a rejoin. The last one out finishes the room (auto-finish).
 */
export async function leaveRoom(d: RoomDeps, user: AuthUser, roomId: string | undefined): Promise<void> {
  const first = await roomAccess(d.engine, roomId, user);
  await d.engine.exclusive(first.room.id, async () => {
    const access = await roomAccess(d.engine, first.room.id, user);
    allow(access, { roles: ANY_ROLE });
    requireOpen(access.room);
    await leaveInQueue(d, access.room, access.me!);
  });
}

export async function leaveInQueue(d: RoomDeps, room: RoomRecord, me: ParticipantRecord): Promise<void> {
  const { engine } = d;
  await engine.push(room.id, { type: 'participant-left', userId: me.userId });
  const now = engine.now();
  await engine.store.rooms.saveParticipant({ ...me, state: 'left', leftAt: now });
  await engine.save(room);
  await engine.record(room.id, 'participant-left', me.userId, { userId: me.userId });
  await engine.finishIfEmptyInQueue(room);
}
