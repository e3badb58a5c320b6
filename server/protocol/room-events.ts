// Room events: what the collab plane tells every connection of a room besides the documents (phase,
// lock, participants, timer, …), carried as message type 100 with one JSON object of at most 64 KiB.
// writeRoomEvent/readRoomEvent are the one codec of that frame, used by the server and the renderer.
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as z from 'zod';
import { COLLAB_DOCS, MessageType, type CollabDoc } from './collab-messages.ts';
import { JOB_STATUSES, LOCK_REASONS, ROOM_ROLES, ROOM_STATUSES, SNAPSHOT_TRIGGERS, SUPPORTED_LANGUAGES, VERDICTS } from './enums.ts';
import type { JobStatus, LockReason, RoomRole, RoomStatus, SnapshotTrigger, SupportedLanguage, Verdict } from './enums.ts';
import type { RoleSwapRequest, RoomConfig, TimerState, Timestamp } from './room-types.ts';

interface EventBase {
  roomId: string;
  at: Timestamp;
}

export interface RoomStateEvent extends EventBase {
  type: 'room-state';
  phase: RoomStatus;
  editorLocked: boolean;
  lockReason: LockReason | null;
  /** The recipient's effective role. */
  role: RoomRole;
  problemId: string | null;
  language: SupportedLanguage;
  timer: TimerState | null;
  recording: boolean;
}
export interface PhaseChangedEvent extends EventBase {
  type: 'phase-changed';
  from: RoomStatus;
  to: RoomStatus;
  by: string | null;
}
export interface EditorLockEvent extends EventBase {
  type: 'editor-lock';
  locked: boolean;
  reason: LockReason | null;
  by: string | null;
}
export interface ParticipantJoinedEvent extends EventBase {
  type: 'participant-joined';
  participant: { userId: string; displayName: string; role: RoomRole; color: string };
}
export interface ParticipantLeftEvent extends EventBase {
  type: 'participant-left';
  userId: string;
}
export interface ParticipantKickedEvent extends EventBase {
  type: 'participant-kicked';
  userId: string;
  by: string;
}
export interface ParticipantUpdatedEvent extends EventBase {
  type: 'participant-updated';
  userId: string;
  role: RoomRole;
  muted: boolean;
}
export interface ProblemChangedEvent extends EventBase {
  type: 'problem-changed';
  problemId: string | null;
  language: SupportedLanguage;
  by: string | null;
  codeReset: boolean;
  /** Only on the control → collab push: the new code text. Never relayed to clients. */
  resetTo?: string;
}
export interface SettingsChangedEvent extends EventBase {
  type: 'settings-changed';
  name: string;
  config: RoomConfig;
}
export interface TimerEvent extends EventBase {
  type: 'timer';
  action: 'started' | 'paused' | 'resumed' | 'expired' | 'adjusted';
  timer: TimerState;
}
export interface RoleSwapEvent extends EventBase {
  type: 'role-swap';
  action: 'requested' | 'accepted' | 'declined' | 'expired';
  request: RoleSwapRequest;
  roles: Record<string, RoomRole> | null;
}
export type UpdateRejectedReason =
  | 'editor-locked'
  | 'read-only-role'
  | 'meta-readonly'
  | 'banned-client'
  | 'foreign-client'
  | 'resync-required'
  | 'invalid-update'
  | 'document-too-large';
export interface UpdateRejectedEvent extends EventBase {
  type: 'update-rejected';
  doc: CollabDoc;
  reason: UpdateRejectedReason;
  resync: true;
}
/** To the room's host and interviewers, at most once a minute per document. */
export interface RoomWarningEvent extends EventBase {
  type: 'room-warning';
  doc: CollabDoc;
  reason: 'document-too-large';
}
export type RoomClosedReason = 'finished' | 'destroyed' | 'force-closed';
export interface RoomClosedEvent extends EventBase {
  type: 'room-closed';
  reason: RoomClosedReason;
}
export interface SnapshotTakenEvent extends EventBase {
  type: 'snapshot-taken';
  snapshotId: string;
  trigger: SnapshotTrigger;
  takenAt: Timestamp;
  sizeBytes: number;
}
export interface ExecutionFinishedEvent extends EventBase {
  type: 'execution-finished';
  kind: 'run' | 'submission';
  id: string;
  userId: string;
  status: JobStatus;
  verdict: Verdict | null;
}
export interface RecordingChangedEvent extends EventBase {
  type: 'recording-changed';
  recording: boolean;
  reason: 'started' | 'stopped' | 'consent-withdrawn';
  by: string | null;
}

export type RoomEvent =
  | RoomStateEvent
  | PhaseChangedEvent
  | EditorLockEvent
  | ParticipantJoinedEvent
  | ParticipantLeftEvent
  | ParticipantKickedEvent
  | ParticipantUpdatedEvent
  | ProblemChangedEvent
  | SettingsChangedEvent
  | TimerEvent
  | RoleSwapEvent
  | UpdateRejectedEvent
  | RoomWarningEvent
  | RoomClosedEvent
  | SnapshotTakenEvent
  | ExecutionFinishedEvent
  | RecordingChangedEvent;

/** Events only the collab plane generates; the control plane may not push them. */
export const COLLAB_ONLY_EVENT_TYPES = ['room-state', 'update-rejected', 'room-warning', 'room-closed', 'snapshot-taken'] as const;
type CollabOnlyEventType = (typeof COLLAB_ONLY_EVENT_TYPES)[number];

/** An event the control plane pushes; `roomId` and `at` are filled in by the collab plane when absent. */
export type PushableRoomEvent = Exclude<RoomEvent, { type: CollabOnlyEventType }> extends infer E
  ? E extends RoomEvent
    ? Omit<E, 'roomId' | 'at'> & Partial<EventBase>
    : never
  : never;

/** Room events are at most 64 KiB of JSON. */
export const MAX_ROOM_EVENT_BYTES = 64 * 1024;


/**
 * Every event with the fields a receiver reads; nested records (timer, config, swap request) as objects.
 * Built on first use, not at import: the renderer configures zod (no eval under its CSP) at start-up.
 */
function buildRoomEventSchema() {
  const zRole = z.enum(ROOM_ROLES);
  const zPhase = z.enum(ROOM_STATUSES);
  const zLanguage = z.enum(SUPPORTED_LANGUAGES);
  const zLockReason = z.enum(LOCK_REASONS).nullable();
  const zBy = z.string().nullable();
  const zObject = z.looseObject({});
  const zEvent = <T extends z.ZodRawShape>(type: string, shape: T) =>
    z.looseObject({ type: z.literal(type), roomId: z.string(), at: z.string(), ...shape });
  return z.discriminatedUnion('type', [
    zEvent('room-state', {
      phase: zPhase,
      editorLocked: z.boolean(),
      lockReason: zLockReason,
      role: zRole,
      problemId: z.string().nullable(),
      language: zLanguage,
      timer: zObject.nullable(),
      recording: z.boolean(),
    }),
    zEvent('phase-changed', { from: zPhase, to: zPhase, by: zBy }),
    zEvent('editor-lock', { locked: z.boolean(), reason: zLockReason, by: zBy }),
    zEvent('participant-joined', { participant: z.looseObject({ userId: z.string(), displayName: z.string(), role: zRole, color: z.string() }) }),
    zEvent('participant-left', { userId: z.string() }),
    zEvent('participant-kicked', { userId: z.string(), by: z.string() }),
    zEvent('participant-updated', { userId: z.string(), role: zRole, muted: z.boolean() }),
    zEvent('problem-changed', { problemId: z.string().nullable(), language: zLanguage, by: zBy, codeReset: z.boolean().optional() }),
    zEvent('settings-changed', { name: z.string(), config: zObject }),
    zEvent('timer', { action: z.enum(['started', 'paused', 'resumed', 'expired', 'adjusted']), timer: zObject }),
    zEvent('role-swap', {
      action: z.enum(['requested', 'accepted', 'declined', 'expired']),
      request: zObject,
      roles: z.record(z.string(), zRole).nullable(),
    }),
    zEvent('update-rejected', { doc: z.enum(COLLAB_DOCS), reason: z.string(), resync: z.literal(true) }),
    zEvent('room-warning', { doc: z.enum(COLLAB_DOCS), reason: z.literal('document-too-large') }),
    zEvent('room-closed', { reason: z.enum(['finished', 'destroyed', 'force-closed']) }),
    zEvent('snapshot-taken', { snapshotId: z.string(), trigger: z.enum(SNAPSHOT_TRIGGERS), takenAt: z.string(), sizeBytes: z.number() }),
    zEvent('execution-finished', {
      kind: z.enum(['run', 'submission']),
      id: z.string(),
      userId: z.string(),
      status: z.enum(JOB_STATUSES),
      verdict: z.enum(VERDICTS).nullable(),
    }),
    zEvent('recording-changed', { recording: z.boolean(), reason: z.string(), by: zBy }),
  ]);
}
let roomEventSchema: ReturnType<typeof buildRoomEventSchema> | undefined;

/** Writes the payload of a room-event frame (after its message type). */
export function writeRoomEvent(encoder: encoding.Encoder, event: RoomEvent): void {
  encoding.writeVarString(encoder, JSON.stringify(event));
}

/** A whole room-event frame: message type 100, then the event. Encoded once, sent to many connections. */
export function encodeRoomEvent(event: RoomEvent): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.ROOM_EVENT);
  writeRoomEvent(encoder, event);
  return encoding.toUint8Array(encoder);
}

export type RoomEventReading = { ok: true; event: RoomEvent } | { ok: false; error: string };

/**
 * Reads the payload of a room-event frame (the message type already read). Never throws: a truncated
 * frame, bad JSON or an object that is not a known event comes back as `ok: false` with the reason, for
 * the receiver to ignore and report.
 */
export function readRoomEvent(decoder: decoding.Decoder): RoomEventReading {
  let value: unknown;
  try {
    value = JSON.parse(decoding.readVarString(decoder));
  } catch (error) {
    return { ok: false, error: `unreadable room event: ${String(error)}` };
  }
  roomEventSchema ??= buildRoomEventSchema();
  const parsed = roomEventSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, error: `invalid room event: ${issue?.path.join('.') || '(root)'} ${issue?.message ?? ''}`.trim() };
  }
  // Checked on every field a receiver reads; nested records are relayed as the server built them.
  return { ok: true, event: parsed.data as unknown as RoomEvent };
}
