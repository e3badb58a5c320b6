import { join } from 'node:path';
import { migrate, openDatabase, type SqliteDatabase } from '../database.ts';
import type { CollabDoc, RoomRole, RoomStatus, SnapshotReadyItem, SnapshotTrigger } from '../../protocol/index.ts';
import { COLLAB_MIGRATIONS } from './collab-migrations.ts';
import type { CollabStore, LoggedUpdate, NewUpdate, ParticipantRecord, RoomPatch, RoomRecord, StoredDocument } from './collab-store.ts';

interface RoomRow {
  room_id: string;
  mode: string;
  phase: string;
  language: string;
  problem_id: string | null;
  editor_locked: number;
  lock_reason: string | null;
  timer_json: string | null;
  recording: number;
  created_at: number;
  destroyed_at: number | null;
  last_snapshot_update_id: number;
}

const ROOM_COLUMNS: Record<keyof RoomPatch, { column: string; toDb: (v: never) => unknown }> = {
  phase: { column: 'phase', toDb: (v: string) => v },
  language: { column: 'language', toDb: (v: string) => v },
  problemId: { column: 'problem_id', toDb: (v: string | null) => v },
  editorLocked: { column: 'editor_locked', toDb: (v: boolean) => (v ? 1 : 0) },
  lockReason: { column: 'lock_reason', toDb: (v: string | null) => v },
  timer: { column: 'timer_json', toDb: (v: unknown) => (v === null ? null : JSON.stringify(v)) },
  recording: { column: 'recording', toDb: (v: boolean) => (v ? 1 : 0) },
  destroyedAt: { column: 'destroyed_at', toDb: (v: number | null) => v },
  lastSnapshotUpdateId: { column: 'last_snapshot_update_id', toDb: (v: number) => v },
};

/** The embedded store: `collab.sqlite` in the data directory (WAL), separate from the control plane's file. */
export function openSqliteCollabStore(dataDir: string): CollabStore {
  const db = openDatabase(join(dataDir, 'collab.sqlite'));
  migrate(db, 'collab', COLLAB_MIGRATIONS);
  return new SqliteCollabStore(db);
}

class SqliteCollabStore implements CollabStore {
  readonly #db: SqliteDatabase;
  readonly #insertUpdate;
  readonly #getRoom;
  readonly #appendBatch;
  readonly #selectDocKey;
  readonly #insertDocKey;
  readonly #selectAuthorKey;
  readonly #insertAuthorKey;
  readonly #readLog;
  /** Integer keys of (room, doc) and of authors, resolved once per process: a logged row holds only the keys. */
  readonly #docKeys = new Map<string, number>();
  readonly #authorKeys = new Map<string, number>();

  constructor(db: SqliteDatabase) {
    this.#db = db;
    this.#insertUpdate = db.prepare('INSERT INTO collab_log (doc_key, author_key, accepted_at, bytes) VALUES (?, ?, ?, ?)');
    this.#getRoom = db.prepare('SELECT * FROM collab_rooms WHERE room_id = ?');
    this.#selectDocKey = db.prepare('SELECT doc_key FROM collab_doc_keys WHERE room_id = ? AND doc = ?').pluck();
    this.#insertDocKey = db.prepare('INSERT INTO collab_doc_keys (room_id, doc) VALUES (?, ?)');
    this.#selectAuthorKey = db.prepare('SELECT author_key FROM collab_authors WHERE user_id = ?').pluck();
    this.#insertAuthorKey = db.prepare('INSERT INTO collab_authors (user_id) VALUES (?)');
    this.#readLog = db.prepare(
      `SELECT l.id, l.accepted_at, a.user_id, l.bytes FROM collab_log l LEFT JOIN collab_authors a ON a.author_key = l.author_key
       WHERE l.doc_key = ? AND l.id > ? ORDER BY l.id LIMIT ?`,
    );
    this.#appendBatch = db.transaction((batch: readonly NewUpdate[]) =>
      batch.map((u) => {
        const author = u.userId === null ? null : this.#authorKey(u.userId);
        return Number(this.#insertUpdate.run(this.#docKey(u.roomId, u.doc, true), author, u.acceptedAt, u.update).lastInsertRowid);
      }),
    );
  }

  /** The document's key; undefined when nothing was ever logged for it and `create` is false. */
  #docKey(roomId: string, doc: CollabDoc, create: true): number;
  #docKey(roomId: string, doc: CollabDoc, create: false): number | undefined;
  #docKey(roomId: string, doc: CollabDoc, create: boolean): number | undefined {
    const id = `${roomId}/${doc}`;
    let key = this.#docKeys.get(id) ?? (this.#selectDocKey.get(roomId, doc) as number | undefined);
    if (key === undefined && create) key = Number(this.#insertDocKey.run(roomId, doc).lastInsertRowid);
    if (key !== undefined) this.#docKeys.set(id, key);
    return key;
  }

  #authorKey(userId: string): number {
    let key = this.#authorKeys.get(userId) ?? (this.#selectAuthorKey.get(userId) as number | undefined);
    key ??= Number(this.#insertAuthorKey.run(userId).lastInsertRowid);
    this.#authorKeys.set(userId, key);
    return key;
  }

  createRoom(room: RoomRecord, participants: { userId: string; role: RoomRole }[], initial: NewUpdate[]): boolean {
    return this.#db.transaction(() => {
      const inserted = this.#db
        .prepare(
          `INSERT OR IGNORE INTO collab_rooms (room_id, mode, phase, language, problem_id, editor_locked, lock_reason,
             timer_json, recording, created_at, destroyed_at, last_snapshot_update_id)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, 0)`,
        )
        .run(
          room.roomId,
          room.mode,
          room.phase,
          room.language,
          room.problemId,
          room.editorLocked ? 1 : 0,
          room.lockReason,
          room.timer === null ? null : JSON.stringify(room.timer),
          room.recording ? 1 : 0,
          room.createdAt,
        );
      if (inserted.changes === 0) return false;
      for (const p of participants) this.setRole(room.roomId, p.userId, p.role);
      this.#appendBatch(initial);
      return true;
    })();
  }

  getRoom(roomId: string): RoomRecord | undefined {
    const row = this.#getRoom.get(roomId) as RoomRow | undefined;
    return row ? toRoom(row) : undefined;
  }

  updateRoom(roomId: string, patch: RoomPatch): void {
    const entries = Object.entries(patch) as [keyof RoomPatch, never][];
    if (entries.length === 0) return;
    const sets = entries.map(([k]) => `${ROOM_COLUMNS[k].column} = ?`).join(', ');
    const values = entries.map(([k, v]) => ROOM_COLUMNS[k].toDb(v));
    this.#db.prepare(`UPDATE collab_rooms SET ${sets} WHERE room_id = ?`).run(...values, roomId);
  }

  listLiveRooms(phases: readonly RoomStatus[]): RoomRecord[] {
    const marks = phases.map(() => '?').join(', ');
    const rows = this.#db
      .prepare(`SELECT * FROM collab_rooms WHERE destroyed_at IS NULL AND phase IN (${marks})`)
      .all(...phases) as RoomRow[];
    return rows.map(toRoom);
  }

  participants(roomId: string): ParticipantRecord[] {
    const rows = this.#db
      .prepare('SELECT user_id, role, left_at, kicked FROM collab_participants WHERE room_id = ?')
      .all(roomId) as { user_id: string; role: RoomRole | null; left_at: number | null; kicked: number }[];
    return rows.map((r) => ({ userId: r.user_id, role: r.role, leftAt: r.left_at, kicked: r.kicked === 1 }));
  }

  setRole(roomId: string, userId: string, role: RoomRole): void {
    this.#db
      .prepare(
        `INSERT INTO collab_participants (room_id, user_id, role) VALUES (?, ?, ?)
         ON CONFLICT (room_id, user_id) DO UPDATE SET role = excluded.role`,
      )
      .run(roomId, userId, role);
  }

  setLeftAt(roomId: string, userId: string, leftAt: number | null): void {
    this.#db
      .prepare(
        `INSERT INTO collab_participants (room_id, user_id, left_at) VALUES (?, ?, ?)
         ON CONFLICT (room_id, user_id) DO UPDATE SET left_at = excluded.left_at`,
      )
      .run(roomId, userId, leftAt);
  }

  setKicked(roomId: string, userId: string): void {
    this.#db
      .prepare(
        `INSERT INTO collab_participants (room_id, user_id, kicked) VALUES (?, ?, 1)
         ON CONFLICT (room_id, user_id) DO UPDATE SET kicked = 1`,
      )
      .run(roomId, userId);
  }

  appendUpdates(batch: readonly NewUpdate[]): number[] {
    return this.#appendBatch(batch);
  }

  loadDocument(roomId: string, doc: CollabDoc): StoredDocument {
    const checkpoint = this.#db
      .prepare(
        `SELECT upto_update_id, state FROM collab_checkpoints WHERE room_id = ? AND doc = ?
         ORDER BY upto_update_id DESC LIMIT 1`,
      )
      .get(roomId, doc) as { upto_update_id: number; state: Buffer } | undefined;
    const after = checkpoint?.upto_update_id ?? 0;
    const key = this.#docKey(roomId, doc, false);
    const rows = key === undefined ? [] : (this.#db
      .prepare('SELECT id, bytes FROM collab_log WHERE doc_key = ? AND id > ? ORDER BY id')
      .all(key, after) as { id: number; bytes: Buffer }[]);
    return {
      checkpoint: checkpoint ? new Uint8Array(checkpoint.state) : null,
      updates: rows.map((r) => new Uint8Array(r.bytes)),
      lastUpdateId: rows.length > 0 ? rows[rows.length - 1]!.id : after,
    };
  }

  latestUpdateId(roomId: string, doc: CollabDoc): number {
    const key = this.#docKey(roomId, doc, false);
    if (key === undefined) return 0;
    const row = this.#db.prepare('SELECT MAX(id) AS id FROM collab_log WHERE doc_key = ?').get(key) as { id: number | null };
    return row.id ?? 0;
  }

  readLog(roomId: string, doc: CollabDoc, after: number, limit: number): LoggedUpdate[] {
    const key = this.#docKey(roomId, doc, false);
    if (key === undefined) return [];
    const rows = this.#readLog.all(key, after, limit) as { id: number; accepted_at: number; user_id: string | null; bytes: Buffer }[];
    return rows.map((r) => ({ id: r.id, acceptedAt: r.accepted_at, userId: r.user_id, update: new Uint8Array(r.bytes) }));
  }

  writeCheckpoint(roomId: string, doc: CollabDoc, uptoId: number, state: Uint8Array): void {
    // Only the newest checkpoint is needed for loading; older ones are superseded (the log stays).
    this.#db.transaction(() => {
      this.#db
        .prepare('INSERT OR REPLACE INTO collab_checkpoints (room_id, doc, upto_update_id, created_at, state) VALUES (?, ?, ?, ?, ?)')
        .run(roomId, doc, uptoId, Date.now(), state);
      this.#db
        .prepare('DELETE FROM collab_checkpoints WHERE room_id = ? AND doc = ? AND upto_update_id < ?')
        .run(roomId, doc, uptoId);
    })();
  }

  bannedClients(roomId: string, doc: CollabDoc): number[] {
    const rows = this.#db
      .prepare('SELECT client_id FROM collab_banned_clients WHERE room_id = ? AND doc = ?')
      .all(roomId, doc) as { client_id: number }[];
    return rows.map((r) => r.client_id);
  }

  clientOwners(roomId: string, doc: CollabDoc): Map<number, string> {
    const rows = this.#db
      .prepare('SELECT client_id, user_id FROM collab_client_owners WHERE room_id = ? AND doc = ?')
      .all(roomId, doc) as { client_id: number; user_id: string }[];
    return new Map(rows.map((r) => [r.client_id, r.user_id]));
  }

  claimClients(roomId: string, doc: CollabDoc, owner: string, clientIds: Iterable<number>): void {
    const claim = this.#db.prepare('INSERT OR IGNORE INTO collab_client_owners (room_id, doc, client_id, user_id) VALUES (?, ?, ?, ?)');
    this.#db.transaction(() => {
      for (const id of clientIds) claim.run(roomId, doc, id, owner);
    })();
  }

  recordRejection(roomId: string, doc: CollabDoc, userId: string, bannedClientIds: Iterable<number>): void {
    const now = Date.now();
    this.#db.transaction(() => {
      const ban = this.#db.prepare(
        'INSERT OR IGNORE INTO collab_banned_clients (room_id, doc, client_id, banned_at) VALUES (?, ?, ?, ?)',
      );
      for (const id of bannedClientIds) ban.run(roomId, doc, id, now);
      this.#db
        .prepare('INSERT OR IGNORE INTO collab_resync_flags (room_id, user_id, doc, flagged_at) VALUES (?, ?, ?, ?)')
        .run(roomId, userId, doc, now);
    })();
  }

  hasResyncFlag(roomId: string, userId: string, doc: CollabDoc): boolean {
    return (
      this.#db
        .prepare('SELECT 1 FROM collab_resync_flags WHERE room_id = ? AND user_id = ? AND doc = ?')
        .get(roomId, userId, doc) !== undefined
    );
  }

  clearResyncFlag(roomId: string, userId: string, doc: CollabDoc): void {
    this.#db.prepare('DELETE FROM collab_resync_flags WHERE room_id = ? AND user_id = ? AND doc = ?').run(roomId, userId, doc);
  }

  addPendingSnapshots(items: readonly SnapshotReadyItem[]): void {
    const insert = this.#db.prepare(
      'INSERT OR IGNORE INTO collab_pending_snapshots (id, room_id, doc, trigger, taken_at, bytes) VALUES (?, ?, ?, ?, ?, ?)',
    );
    this.#db.transaction(() => {
      for (const i of items) insert.run(i.id, i.roomId, i.doc, i.trigger, i.takenAt, Buffer.from(i.bytes, 'base64'));
    })();
  }

  removePendingSnapshots(ids: readonly string[]): void {
    const del = this.#db.prepare('DELETE FROM collab_pending_snapshots WHERE id = ?');
    this.#db.transaction(() => {
      for (const id of ids) del.run(id);
    })();
  }

  listPendingSnapshots(): SnapshotReadyItem[] {
    const rows = this.#db.prepare('SELECT * FROM collab_pending_snapshots ORDER BY taken_at').all() as {
      id: string;
      room_id: string;
      doc: CollabDoc;
      trigger: SnapshotTrigger;
      taken_at: string;
      bytes: Buffer;
    }[];
    return rows.map((r) => ({
      id: r.id,
      roomId: r.room_id,
      doc: r.doc,
      trigger: r.trigger,
      takenAt: r.taken_at,
      bytes: r.bytes.toString('base64'),
      sizeBytes: r.bytes.length,
    }));
  }

  logStats(): { updates: number; bytes: number; storedBytes: number | null } {
    const row = this.#db.prepare('SELECT COUNT(*) AS n, COALESCE(SUM(LENGTH(bytes)), 0) AS b FROM collab_log').get() as { n: number; b: number };
    // Bytes on disk of the log table and its index (dbstat), when this SQLite build has the dbstat table.
    let stored: number | null = null;
    try {
      stored = (this.#db.prepare(`SELECT SUM(pgsize) AS s FROM dbstat WHERE name IN ('collab_log', 'collab_log_by_doc')`).get() as { s: number | null }).s ?? 0;
    } catch {
      stored = null;
    }
    return { updates: row.n, bytes: row.b, storedBytes: stored };
  }

  close(): void {
    this.#db.close();
  }
}

function toRoom(row: RoomRow): RoomRecord {
  return {
    roomId: row.room_id,
    mode: row.mode as RoomRecord['mode'],
    phase: row.phase as RoomRecord['phase'],
    language: row.language as RoomRecord['language'],
    problemId: row.problem_id,
    editorLocked: row.editor_locked === 1,
    lockReason: row.lock_reason as RoomRecord['lockReason'],
    timer: row.timer_json === null ? null : (JSON.parse(row.timer_json) as RoomRecord['timer']),
    recording: row.recording === 1,
    createdAt: row.created_at,
    destroyedAt: row.destroyed_at,
    lastSnapshotUpdateId: row.last_snapshot_update_id,
  };
}
