// Room events, carried as message type 100 with one JSON object.

import type { JobStatus, LockReason, RoomRole, RoomStatus, SnapshotTrigger, SupportedLanguage, Verdict } from './enums.ts';
import type { CollabDoc } from './collab-messages.ts';
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

export type RoomEventType = RoomEvent['type'];

/** Events only the collab plane generates; the control plane may not push them through the internal API. */
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
