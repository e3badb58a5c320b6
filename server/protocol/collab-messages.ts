// Message types on the /collab wire: standard y-websocket framing plus type 100 (room events).

export const MessageType = {
  SYNC: 0,
  AWARENESS: 1,
  AUTH: 2,
  QUERY_AWARENESS: 3,
  ROOM_EVENT: 100,
} as const;
export type MessageType = (typeof MessageType)[keyof typeof MessageType];

export const SyncMessageType = {
  STEP1: 0,
  STEP2: 1,
  UPDATE: 2,
} as const;

export const COLLAB_DOCS = ['code', 'whiteboard'] as const;
export type CollabDoc = (typeof COLLAB_DOCS)[number];

/** Incoming frame limits per document kind (a bigger frame closes with 1009). Outgoing frames are not limited. */
export const MAX_INCOMING_FRAME_BYTES: Record<CollabDoc, number> = {
  code: 1024 * 1024,
  whiteboard: 8 * 1024 * 1024,
};

/** Root names of the shared types: the code text, its server-written meta map, the whiteboard records. */
export const CODE_TEXT = 'code';
export const CODE_META = 'meta';
export const WHITEBOARD_ARRAY = 'tldraw';

/** Awareness: client updates throttled to one per 50 ms, states dropped after 30 s silent, at most 16 KiB each. */
export const AWARENESS_THROTTLE_MS = 50;
export const AWARENESS_TIMEOUT_MS = 30_000;
export const MAX_AWARENESS_STATE_BYTES = 16 * 1024;
/** Awareness clientIDs one connection may announce; a message announcing one more closes it with 1008. */
export const MAX_AWARENESS_CLIENTS_PER_CONNECTION = 4;
/** Live awareness states per document; past it, new clientIDs are dropped. */
export const MAX_AWARENESS_STATES_PER_DOC = 64;
/** Awareness bytes a connection may send, averaged over the window; more closes it with 4029. */
export const AWARENESS_BYTE_RATE = { bytesPerSecond: 64 * 1024, windowMs: 5000 } as const;

/** Largest encoded state of each document; an update that would pass it is rejected (`document-too-large`). */
export const MAX_DOCUMENT_BYTES: Record<CollabDoc, number> = {
  code: 4 * 1024 * 1024,
  whiteboard: 32 * 1024 * 1024,
};
/** `room-warning` is sent to host and interviewers at most once per this interval per document. */
export const ROOM_WARNING_INTERVAL_MS = 60_000;

/** Per-connection message rate, per-IP connection attempts, ping interval, idle unload, periodic snapshots. */
export const MESSAGE_RATE_LIMIT = { messages: 1000, windowMs: 10_000 } as const;
export const CONNECTION_RATE_LIMIT = { attempts: 20, windowMs: 60_000 } as const;
export const PING_INTERVAL_MS = 30_000;
export const DOCUMENT_IDLE_TTL_MS = 300_000;
export const SNAPSHOT_INTERVAL_MS = 30_000;
/** `update-rejected` is sent for the first rejection on a connection, then at most once per this interval. */
export const REJECTION_NOTICE_INTERVAL_MS = 1000;
