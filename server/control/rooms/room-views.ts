// Stored rooms → the room wire shapes of server/protocol/api/rooms.ts, as one viewer sees them.
import type { RoomRole } from '../../protocol/index.ts';
import type {
  RecordingState,
  RoomDetail,
  RoomParticipantSummary,
  RoomPreview,
} from '../../protocol/api/rooms.ts';
import type { AdminRoomEntry, RoomSummary } from '../../protocol/api/room-summary.ts';
import type { RoleSwapRequest } from '../../protocol/index.ts';
import type { ParticipantRecord, RoleSwapRecord, RoomRecord, RoomStore } from '../../storage/rooms/index.ts';
import { toTimestamp, toTimestampOrNull } from '../../protocol/timestamps.ts';
import { activeOf, candidateSeatFree } from './room-model.ts';
import { timerState } from './room-timer.ts';
import type { RoomProblems } from './room-problems.ts';

export function participantView(p: ParticipantRecord): RoomParticipantSummary {
  return {
    userId: p.userId,
    displayName: p.displayName,
    avatarUrl: p.avatarUrl,
    role: p.role,
    state: p.state,
    color: p.color,
    muted: p.muted,
    recordingConsent: p.recordingConsent,
    joinedAt: toTimestamp(p.joinedAt),
    leftAt: toTimestampOrNull(p.leftAt),
  };
}

export function swapView(s: RoleSwapRecord): RoleSwapRequest {
  return {
    id: s.id,
    roomId: s.roomId,
    requestedBy: s.requestedBy,
    counterpartId: s.counterpartId,
    status: s.status,
    createdAt: toTimestamp(s.createdAt),
    expiresAt: toTimestamp(s.expiresAt),
    resolvedAt: toTimestampOrNull(s.resolvedAt),
  };
}

/** No LiveKit recording exists in this deployment: never recording, consents not asked yet. */
function recordingView(active: ParticipantRecord[]): RecordingState {
  return {
    recording: false,
    recordingId: null,
    startedAt: null,
    stoppedAt: null,
    consents: active.filter((p) => p.role !== 'spectator').map((p) => ({ userId: p.userId, consent: p.recordingConsent })),
  };
}

export function timerView(room: RoomRecord, now: number): RoomDetail['timer'] {
  if (!room.timer || room.status === 'waiting' || room.status === 'finished') return null;
  return timerState(room.timer, room.status, now);
}

/** The role the viewer holds as an active participant, else null. */
export function activeRoleOf(participants: ParticipantRecord[], userId: string): RoomRole | null {
  const me = participants.find((p) => p.userId === userId);
  return me && me.state === 'active' ? me.role : null;
}

export async function roomDetail(store: RoomStore, problems: RoomProblems, room: RoomRecord, viewerId: string, now: number): Promise<RoomDetail> {
  const participants = await store.rooms.listParticipants(room.id);
  const active = activeOf(participants);
  const myRole = activeRoleOf(participants, viewerId);
  const pending = await store.swaps.pendingOf(room.id);
  return {
    id: room.id,
    // The invite code is shown to active participants only (`""` for admins who are not participants).
    code: myRole ? room.code : '',
    name: room.name,
    mode: room.mode,
    status: room.status,
    hostId: room.hostId,
    ownerId: room.ownerId,
    problem: room.problemId ? ((await problems.summary(room.problemId, viewerId)) ?? null) : null,
    language: room.language,
    config: room.config,
    editorLocked: room.editorLocked,
    lockReason: room.editorLocked ? room.lockReason : null,
    timer: timerView(room, now),
    recording: recordingView(active),
    participants: active.map(participantView),
    myRole,
    pendingRoleSwap: pending ? swapView(pending) : null,
    createdAt: toTimestamp(room.createdAt),
    startedAt: toTimestampOrNull(room.startedAt),
    finishedAt: toTimestampOrNull(room.finishedAt),
  };
}

export async function roomSummary(store: RoomStore, problems: RoomProblems, room: RoomRecord, viewerId: string): Promise<RoomSummary> {
  const participants = await store.rooms.listParticipants(room.id);
  const mine = participants.find((p) => p.userId === viewerId);
  return {
    id: room.id,
    name: room.name,
    mode: room.mode,
    status: room.status,
    hostId: room.hostId,
    participantCount: activeOf(participants).length,
    problemTitle: await problemTitle(problems, room),
    myRole: mine ? mine.role : null,
    createdAt: toTimestamp(room.createdAt),
    updatedAt: toTimestamp(room.updatedAt),
  };
}

export async function roomPreview(store: RoomStore, problems: RoomProblems, room: RoomRecord): Promise<RoomPreview> {
  const participants = await store.rooms.listParticipants(room.id);
  const count = activeOf(participants).length;
  return {
    id: room.id,
    name: room.name,
    mode: room.mode,
    status: room.status,
    hostName: await store.rooms.displayNameOf(room.hostId),
    participantCount: count,
    maxParticipants: room.config.maxParticipants,
    isFull: room.mode === 'practice' || count >= room.config.maxParticipants,
    candidateSeatFree: candidateSeatFree(room.mode, participants),
    allowSpectators: room.config.allowSpectators,
    problemTitle: await problemTitle(problems, room),
  };
}

async function problemTitle(problems: RoomProblems, room: RoomRecord): Promise<string | null> {
  return room.problemId ? ((await problems.get(room.problemId))?.title ?? null) : null;
}

export async function adminRoomEntry(store: RoomStore, room: RoomRecord): Promise<AdminRoomEntry> {
  const participants = await store.rooms.listParticipants(room.id);
  return {
    id: room.id,
    name: room.name,
    mode: room.mode,
    status: room.status,
    hostId: room.hostId,
    hostName: await store.rooms.displayNameOf(room.hostId),
    participantCount: activeOf(participants).length,
    createdAt: toTimestamp(room.createdAt),
    lastActivityAt: toTimestamp(room.updatedAt),
  };
}
