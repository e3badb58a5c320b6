// The control plane → collab plane interface and its internal HTTP API. One TypeScript interface with
// two implementations: in-process function calls (embedded, default) and the internal HTTP API guarded by
// `X-Internal-Secret` (split deployment). Both ends validate with the zod schemas below (the collab plane
// its requests, the HTTP client the responses, the control plane the callbacks), the types are their
// z.infer, and errors are AppErrors with the same codes (ROOM_NOT_FOUND, ROOM_DOCUMENT_EXISTS,
// ROOM_CLOSED, VALIDATION_FAILED) either way.
import * as z from 'zod';
import { LOCK_REASONS, ROOM_MODES, ROOM_ROLES, ROOM_STATUSES, SNAPSHOT_TRIGGERS, SUPPORTED_LANGUAGES } from './enums.ts';
import { COLLAB_DOCS } from './collab-messages.ts';
import { COLLAB_ONLY_EVENT_TYPES, type PushableRoomEvent, type RoomClosedReason } from './room-events.ts';
import type { CodeSnapshot } from './room-types.ts';
import { zTimestamp, zUuid } from './api/common.ts';
import { REPLAY_PAGE_MAX, zReplayPage, type ReplayPage } from './api/sessions.ts';

const zRole = z.enum(ROOM_ROLES);
const zText = z.string().max(1024 * 1024);

export const zCreateDocumentRequest = z.object({
  roomId: zUuid,
  mode: z.enum(ROOM_MODES),
  phase: z.enum(ROOM_STATUSES),
  language: z.enum(SUPPORTED_LANGUAGES),
  problemId: zUuid.nullable(),
  initialCode: zText,
  editorLocked: z.boolean(),
  participants: z.array(z.object({ userId: zUuid, role: zRole })).max(1000),
});
export type CreateDocumentRequest = z.infer<typeof zCreateDocumentRequest>;

export const zCreateDocumentResponse = z.object({
  roomId: z.string(),
  docs: z.tuple([z.literal('code'), z.literal('whiteboard')]),
  createdAt: z.string(),
});
export type CreateDocumentResponse = z.infer<typeof zCreateDocumentResponse>;

export const zRoomClosedReason: z.ZodType<RoomClosedReason> = z.enum(['finished', 'destroyed', 'force-closed']);

export const zDestroyDocumentResponse = z.object({
  roomId: z.string(),
  closedConnections: z.number(),
  finalSnapshots: z.object({ code: z.string(), whiteboard: z.string() }),
});
export type DestroyDocumentResponse = z.infer<typeof zDestroyDocumentResponse>;

export const zKickUserRequest = z.object({ userId: zUuid, reason: z.string().max(500).optional() });
export type KickUserRequest = z.infer<typeof zKickUserRequest>;

export const zKickUserResponse = z.object({ roomId: z.string(), userId: z.string(), closedConnections: z.number() });
export type KickUserResponse = z.infer<typeof zKickUserResponse>;

export const zLockEditorRequest = z.object({
  locked: z.boolean(),
  reason: z.enum(LOCK_REASONS).nullable(),
  by: zUuid.nullable(),
  /** Take a `submit` snapshot once the lock is in force. */
  snapshot: z.boolean().optional(),
});
export type LockEditorRequest = z.infer<typeof zLockEditorRequest>;

const zCodeSnapshot: z.ZodType<CodeSnapshot> = z.object({
  id: z.string(),
  roomId: z.string(),
  takenAt: z.string(),
  trigger: z.enum(SNAPSHOT_TRIGGERS),
  bytes: z.string(),
  sizeBytes: z.number(),
});

export const zLockEditorResponse = z.object({ roomId: z.string(), locked: z.boolean(), snapshot: zCodeSnapshot.nullable() });
export type LockEditorResponse = z.infer<typeof zLockEditorResponse>;

/** Only the fields the collab plane's side effects read are checked strictly; the rest is relayed as given. */
const zSideEffectEvent = z.discriminatedUnion('type', [
  z.looseObject({ type: z.literal('phase-changed'), from: z.enum(ROOM_STATUSES), to: z.enum(ROOM_STATUSES), by: zUuid.nullable() }),
  z.looseObject({
    type: z.literal('participant-joined'),
    participant: z.looseObject({ userId: zUuid, displayName: z.string(), role: zRole, color: z.string() }),
  }),
  z.looseObject({ type: z.literal('participant-updated'), userId: zUuid, role: zRole, muted: z.boolean() }),
  z.looseObject({ type: z.literal('participant-left'), userId: zUuid }),
  z.looseObject({ type: z.literal('participant-kicked'), userId: zUuid, by: zUuid }),
  z.looseObject({ type: z.literal('timer'), action: z.enum(['started', 'paused', 'resumed', 'expired', 'adjusted']), timer: z.looseObject({}) }),
  z.looseObject({ type: z.literal('recording-changed'), recording: z.boolean(), reason: z.string(), by: zUuid.nullable() }),
  z.looseObject({
    type: z.literal('role-swap'),
    action: z.enum(['requested', 'accepted', 'declined', 'expired']),
    request: z.looseObject({}),
    roles: z.record(z.string(), zRole).nullable(),
  }),
  z.looseObject({
    type: z.literal('problem-changed'),
    problemId: zUuid.nullable(),
    language: z.enum(SUPPORTED_LANGUAGES),
    by: zUuid.nullable(),
    codeReset: z.boolean().optional(),
    resetTo: zText.optional(),
  }),
  z.looseObject({ type: z.literal('editor-lock'), locked: z.boolean(), reason: z.enum(LOCK_REASONS).nullable(), by: zUuid.nullable() }),
  z.looseObject({ type: z.literal('settings-changed') }),
  z.looseObject({ type: z.literal('execution-finished') }),
]);

/** A pushed event: never one the collab plane generates itself, and valid where its side effects read it. */
export const zPushableEvent = z
  .looseObject({
    type: z.string().refine((t) => !(COLLAB_ONLY_EVENT_TYPES as readonly string[]).includes(t), 'this event type is generated by the collab plane only'),
  })
  .pipe(zSideEffectEvent)
  .transform((event) => event as unknown as PushableRoomEvent);

export const zPushEventResponse = z.object({ delivered: z.number() });

export const zManualSnapshotRequest = z.object({ trigger: z.literal('manual') });
export const zTakeSnapshotResponse = z.object({ snapshot: zCodeSnapshot });

/**
 * The live whiteboard document as tldraw records (for the JSON export of a room that has not finished):
 * the current value of every key of the YKeyValue over `getArray('tldraw')`.
 */
export const zReadWhiteboardResponse = z.object({
  roomId: z.string(),
  records: z.array(z.record(z.string(), z.unknown())),
  takenAt: z.string(),
});
export type ReadWhiteboardResponse = z.infer<typeof zReadWhiteboardResponse>;

/** A page of a document's accepted-update log (the session replay); served for live and destroyed rooms alike. */
export const zReadReplayRequest = z.object({
  doc: z.enum(COLLAB_DOCS),
  after: z.number().int().min(0),
  limit: z.number().int().min(1).max(REPLAY_PAGE_MAX),
});
export type ReadReplayRequest = z.infer<typeof zReadReplayRequest>;
export const zReadReplayResponse = zReplayPage;

export const zCollabHealth = z.object({
  status: z.literal('ok'),
  uptimeMs: z.number(),
  documentsLoaded: z.number(),
  connections: z.number(),
  pendingCallbacks: z.number(),
});
export type CollabHealth = z.infer<typeof zCollabHealth>;

/** What the control plane may ask of the collab plane. Every method rejects with AppError. */
export interface CollabControl {
  createDocument(req: CreateDocumentRequest): Promise<CreateDocumentResponse>;
  destroyDocument(roomId: string, reason: RoomClosedReason): Promise<DestroyDocumentResponse>;
  kickUser(roomId: string, req: KickUserRequest): Promise<KickUserResponse>;
  lockEditor(roomId: string, req: LockEditorRequest): Promise<LockEditorResponse>;
  /** Applies the event's side effects (phase, lock, roles, code reset…), then relays it. Resolves to the number of connections reached. */
  pushEvent(roomId: string, event: PushableRoomEvent): Promise<{ delivered: number }>;
  takeSnapshot(roomId: string, trigger: 'manual'): Promise<{ snapshot: CodeSnapshot }>;
  /** The whiteboard's committed records; loads a stored document only for the read. ROOM_NOT_FOUND, ROOM_CLOSED. */
  readWhiteboard(roomId: string): Promise<ReadWhiteboardResponse>;
  /** Accepted updates of one document after sequence `after`, ascending, with author and time. ROOM_NOT_FOUND. */
  readReplay(roomId: string, req: ReadReplayRequest): Promise<ReplayPage>;
  health(): Promise<CollabHealth>;
}

/** One snapshot as delivered by the `snapshot-ready` callback. `doc: "whiteboard"` only at session end. */
export const zSnapshotReadyItem = z.object({
  id: zUuid,
  roomId: zUuid,
  doc: z.enum(COLLAB_DOCS),
  takenAt: zTimestamp,
  trigger: z.enum(SNAPSHOT_TRIGGERS),
  bytes: z.base64(),
  sizeBytes: z.number().int().min(0),
});
export type SnapshotReadyItem = z.infer<typeof zSnapshotReadyItem>;

export const zSnapshotReadyPayload = z.object({ snapshots: z.array(zSnapshotReadyItem).min(1) });
export type SnapshotReadyPayload = z.infer<typeof zSnapshotReadyPayload>;

export const zUserDisconnectedPayload = z.object({
  roomId: zUuid,
  userId: zUuid,
  doc: z.enum(COLLAB_DOCS),
  closeCode: z.number().int(),
  disconnectedAt: zTimestamp,
});
export type UserDisconnectedPayload = z.infer<typeof zUserDisconnectedPayload>;

export const zCallbackAckResponse = z.object({ received: z.number() });
export type CallbackAckResponse = z.infer<typeof zCallbackAckResponse>;

/**
 * What the collab plane tells the control plane. In-process these are direct calls that persist
 * synchronously; in a split deployment they are HTTP callbacks with retry and buffering. Receivers are
 * idempotent (by snapshot id; by roomId + userId + disconnectedAt).
 */
export interface CollabCallbacks {
  snapshotReady(payload: SnapshotReadyPayload): Promise<CallbackAckResponse>;
  userDisconnected(payload: UserDisconnectedPayload): Promise<CallbackAckResponse>;
}
