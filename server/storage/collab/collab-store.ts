// The collab plane's repository interface (docs/collab-protocol.md, "Durability"). Everything the plane persists goes
// through here; the SQL implementation next to it (SQLite or PostgreSQL) is the only code that writes collab SQL.

import type { CollabDoc, LockReason, RoomMode, RoomRole, RoomStatus, SnapshotReadyItem, SupportedLanguage, TimerState } from '../../protocol/index.ts';

export interface RoomRecord {
  roomId: string;
  mode: RoomMode;
  phase: RoomStatus;
  language: SupportedLanguage;
  problemId: string | null;
  editorLocked: boolean;
  lockReason: LockReason | null;
  timer: TimerState | null;
  recording: boolean;
  createdAt: number;
  /** Tombstone: set when the documents were destroyed (close code 4003). */
  destroyedAt: number | null;
  /** Id of the last code update covered by a code snapshot; periodic snapshots skip when unchanged. */
  lastSnapshotUpdateId: number;
}

export interface ParticipantRecord {
  userId: string;
  /** Effective role; null when only a left/kicked marker exists. */
  role: RoomRole | null;
  leftAt: number | null;
  kicked: boolean;
}

export interface NewUpdate {
  roomId: string;
  doc: CollabDoc;
  update: Uint8Array;
  /** Author; null for server-origin writes. */
  userId: string | null;
  acceptedAt: number;
}

/** A Yjs clientID seen on a document, and the user (or SERVER_CLIENT_OWNER) whose message brought it. */
export interface ClientClaim {
  roomId: string;
  doc: CollabDoc;
  clientId: number;
  owner: string;
}

/** Owner of the clientIDs of server-origin writes; never a userId (those are UUIDs). */
export const SERVER_CLIENT_OWNER = '@server';

/** One row of a document's update log, as replay reads it. */
export interface LoggedUpdate {
  /** Log id: ascending in commit order within a document (the replay sequence number). */
  id: number;
  userId: string | null;
  acceptedAt: number;
  update: Uint8Array;
}

export interface StoredDocument {
  checkpoint: Uint8Array | null;
  /** Updates after the checkpoint, in commit order. */
  updates: Uint8Array[];
  lastUpdateId: number;
}

export type RoomPatch = Partial<Omit<RoomRecord, 'roomId' | 'createdAt' | 'mode'>>;

/**
 * Everything the collab plane persists. Every method is asynchronous (SQLite or PostgreSQL behind it); the plane
 * issues its writes one at a time in order (server/collab/plane-core.ts), so an implementation needs no ordering
 * of its own.
 */
export interface CollabStore {
  /**
   * Whether a busy plane should space its commits (server/collab/commit-pacer.ts): true where a commit has a fixed
   * cost that a larger batch shares (PostgreSQL's round trip), false where it is one system call (SQLite's journal).
   */
  readonly spacesCommits: boolean;
  /** Creates the room with its first updates in one transaction; false when the room already exists. */
  createRoom(room: RoomRecord, participants: { userId: string; role: RoomRole }[], initial: NewUpdate[]): Promise<boolean>;
  getRoom(roomId: string): Promise<RoomRecord | undefined>;
  updateRoom(roomId: string, patch: RoomPatch): Promise<void>;
  /** Rooms not destroyed whose phase is one of `phases` (the periodic scheduler after a restart). */
  listLiveRooms(phases: readonly RoomStatus[]): Promise<RoomRecord[]>;
  participants(roomId: string): Promise<ParticipantRecord[]>;
  setRole(roomId: string, userId: string, role: RoomRole): Promise<void>;
  /** `leftAt` null clears the marker. */
  setLeftAt(roomId: string, userId: string, leftAt: number | null): Promise<void>;
  setKicked(roomId: string, userId: string): Promise<void>;
  /**
   * Commits a batch in one transaction (group commit; on PostgreSQL one multi-row insert, one round trip) and
   * returns the log ids in batch order, ascending.
   */
  appendUpdates(batch: readonly NewUpdate[]): Promise<number[]>;
  loadDocument(roomId: string, doc: CollabDoc): Promise<StoredDocument>;
  latestUpdateId(roomId: string, doc: CollabDoc): Promise<number>;
  /** At most `limit` logged updates of the document with an id above `after`, ascending (replay). */
  readLog(roomId: string, doc: CollabDoc, after: number, limit: number): Promise<LoggedUpdate[]>;
  /** A compacted state covering the log up to `uptoId`. The per-update log itself is kept (replay). */
  writeCheckpoint(roomId: string, doc: CollabDoc, uptoId: number, state: Uint8Array): Promise<void>;
  bannedClients(roomId: string, doc: CollabDoc): Promise<number[]>;
  /** Owner (userId, or SERVER_CLIENT_OWNER) of every Yjs clientID seen on the document. */
  clientOwners(roomId: string, doc: CollabDoc): Promise<Map<number, string>>;
  /** Records each claim's owner as the owner of its clientID, unless the clientID has one already. */
  claimClients(claims: readonly ClientClaim[]): Promise<void>;
  /** Rejection bookkeeping in one transaction: bans plus the (userId, doc) resync flag (probation on reconnect). */
  recordRejection(roomId: string, doc: CollabDoc, userId: string, bannedClientIds: readonly number[]): Promise<void>;
  /** Users flagged resync-required on the document. */
  resyncFlags(roomId: string, doc: CollabDoc): Promise<string[]>;
  clearResyncFlag(roomId: string, userId: string, doc: CollabDoc): Promise<void>;
  /** Session-end snapshots waiting for their acknowledgement (never dropped, re-sent after a restart). */
  addPendingSnapshots(items: readonly SnapshotReadyItem[]): Promise<void>;
  removePendingSnapshots(ids: readonly string[]): Promise<void>;
  listPendingSnapshots(): Promise<SnapshotReadyItem[]>;
  /**
   * Size of the update log (benchmarks, health): rows, payload bytes, and bytes on disk of the table and its
   * index (SQLite pages from dbstat, null without it; PostgreSQL's relation size).
   */
  logStats(): Promise<{ updates: number; bytes: number; storedBytes: number | null }>;
  close(): Promise<void>;
}
