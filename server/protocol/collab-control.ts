// The control plane → collab plane interface (collab-plane.md §12–§14). One TypeScript interface with
// two implementations: in-process function calls (embedded, default) and the internal HTTP API with
// `X-Internal-Secret` (split deployment). Request/response shapes are the §12 schemas, and errors are
// AppErrors with the same codes (ROOM_NOT_FOUND, ROOM_DOCUMENT_EXISTS, ROOM_CLOSED, VALIDATION_FAILED).

import type { LockReason, RoomMode, RoomRole, RoomStatus, SnapshotTrigger, SupportedLanguage } from './enums.ts';
import type { CollabDoc } from './collab-messages.ts';
import type { PushableRoomEvent, RoomClosedReason } from './room-events.ts';
import type { CodeSnapshot, Timestamp } from './room-types.ts';

export interface CreateDocumentRequest {
  roomId: string;
  mode: RoomMode;
  phase: RoomStatus;
  language: SupportedLanguage;
  problemId: string | null;
  initialCode: string;
  editorLocked: boolean;
  participants: { userId: string; role: RoomRole }[];
}
export interface CreateDocumentResponse {
  roomId: string;
  docs: ['code', 'whiteboard'];
  createdAt: Timestamp;
}
export interface DestroyDocumentResponse {
  roomId: string;
  closedConnections: number;
  finalSnapshots: { code: string; whiteboard: string };
}
export interface KickUserRequest {
  userId: string;
  reason?: string;
}
export interface KickUserResponse {
  roomId: string;
  userId: string;
  closedConnections: number;
}
export interface LockEditorRequest {
  locked: boolean;
  reason: LockReason | null;
  by: string | null;
  /** Take a `submit` snapshot once the lock is in force. */
  snapshot?: boolean;
}
export interface LockEditorResponse {
  roomId: string;
  locked: boolean;
  snapshot: CodeSnapshot | null;
}
/**
 * The live whiteboard document as tldraw records (additive to §12, for control-plane.md §9.13's export of a
 * room that has not finished): the current value of every key of the YKeyValue over `getArray('tldraw')`.
 */
export interface ReadWhiteboardResponse {
  roomId: string;
  records: Record<string, unknown>[];
  takenAt: Timestamp;
}
export interface CollabHealth {
  status: 'ok';
  uptimeMs: number;
  documentsLoaded: number;
  connections: number;
  pendingCallbacks: number;
}

/** What the control plane may ask of the collab plane. Every method rejects with AppError. */
export interface CollabControl {
  createDocument(req: CreateDocumentRequest): Promise<CreateDocumentResponse>;
  destroyDocument(roomId: string, reason: RoomClosedReason): Promise<DestroyDocumentResponse>;
  kickUser(roomId: string, req: KickUserRequest): Promise<KickUserResponse>;
  lockEditor(roomId: string, req: LockEditorRequest): Promise<LockEditorResponse>;
  /** Applies the event's side effects (§12 table), then relays it. Resolves to the number of connections reached. */
  pushEvent(roomId: string, event: PushableRoomEvent): Promise<{ delivered: number }>;
  takeSnapshot(roomId: string, trigger: 'manual'): Promise<{ snapshot: CodeSnapshot }>;
  /** The whiteboard's committed records; loads a stored document only for the read. ROOM_NOT_FOUND, ROOM_CLOSED. */
  readWhiteboard(roomId: string): Promise<ReadWhiteboardResponse>;
  health(): Promise<CollabHealth>;
}

/** One snapshot as delivered by the `snapshot-ready` callback (§13). `doc: "whiteboard"` only at session end. */
export interface SnapshotReadyItem {
  id: string;
  roomId: string;
  doc: CollabDoc;
  takenAt: Timestamp;
  trigger: SnapshotTrigger;
  bytes: string;
  sizeBytes: number;
}
export interface SnapshotReadyPayload {
  snapshots: SnapshotReadyItem[];
}
export interface UserDisconnectedPayload {
  roomId: string;
  userId: string;
  doc: CollabDoc;
  closeCode: number;
  disconnectedAt: Timestamp;
}
export interface CallbackAckResponse {
  received: number;
}

/**
 * What the collab plane tells the control plane (§13). In-process these are direct calls that persist
 * synchronously; in a split deployment they are HTTP callbacks with retry and buffering. Receivers are
 * idempotent (by snapshot id; by roomId + userId + disconnectedAt).
 */
export interface CollabCallbacks {
  snapshotReady(payload: SnapshotReadyPayload): Promise<CallbackAckResponse>;
  userDisconnected(payload: UserDisconnectedPayload): Promise<CallbackAckResponse>;
}

export const INTERNAL_SECRET_HEADER = 'x-internal-secret';
