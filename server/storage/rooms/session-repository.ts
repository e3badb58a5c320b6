// SQL for the durable record of a room: session events, code snapshots, the final whiteboard state and
// per-user soft deletions. Snapshot and disconnect deliveries are at least once (collab callbacks are retried), so
// their inserts are idempotent and report whether anything new was stored.
import type { SqliteDatabase } from '../database.ts';
import type { RoomMode, SnapshotTrigger } from '../../protocol/index.ts';
import type { RoomRecord, SessionEventRecord, SnapshotRecord } from './room-records.ts';
import { RoomRepository } from './room-repository.ts';

interface EventRow {
  seq: number;
  id: string;
  room_id: string;
  at: number;
  type: string;
  actor_id: string | null;
  data: string;
}

interface SnapshotRow {
  id: string;
  room_id: string;
  taken_at: number;
  trigger: string;
  bytes: Buffer;
}

function toEvent(r: EventRow): SessionEventRecord {
  return {
    id: r.id,
    roomId: r.room_id,
    seq: r.seq,
    at: r.at,
    type: r.type,
    actorId: r.actor_id,
    data: JSON.parse(r.data) as Record<string, unknown>,
  };
}

function toSnapshot(r: SnapshotRow): SnapshotRecord {
  return { id: r.id, roomId: r.room_id, takenAt: r.taken_at, trigger: r.trigger as SnapshotTrigger, bytes: new Uint8Array(r.bytes) };
}

export interface SessionListFilter {
  mode?: RoomMode;
  /** Range on `finishedAt`, inclusive. */
  from?: number;
  to?: number;
  limit: number;
  /** Sort key `[finishedAt, id]` of the previous page's last row. */
  after?: readonly [number, string];
}

export class SessionRepository {
  readonly #db: SqliteDatabase;

  constructor(db: SqliteDatabase) {
    this.#db = db;
  }

  // ---- events ----

  /** Appends an event; with a `dedupeKey` a repeat delivery is ignored (returns false). */
  appendEvent(e: Omit<SessionEventRecord, 'seq'>, dedupeKey?: string): boolean {
    const result = this.#db
      .prepare(
        `INSERT OR IGNORE INTO session_events (id, room_id, at, type, actor_id, data, dedupe_key) VALUES (?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(e.id, e.roomId, e.at, e.type, e.actorId, JSON.stringify(e.data), dedupeKey ?? null);
    return result.changes === 1;
  }

  /** Ascending `at`, then insertion order; `after` is the previous page's last `[at, seq]`. */
  listEvents(roomId: string, limit: number, after?: readonly [number, number]): SessionEventRecord[] {
    const [at, seq] = after ?? [-1, 0];
    return (
      this.#db
        .prepare('SELECT * FROM session_events WHERE room_id = ? AND (at > ? OR (at = ? AND seq > ?)) ORDER BY at, seq LIMIT ?')
        .all(roomId, at, at, seq, limit + 1) as EventRow[]
    ).map(toEvent);
  }

  // ---- snapshots ----

  /** Stores a code snapshot once per id; returns false for a repeat delivery. */
  insertSnapshot(s: SnapshotRecord): boolean {
    const result = this.#db
      .prepare('INSERT OR IGNORE INTO code_snapshots (id, room_id, taken_at, trigger, bytes) VALUES (?, ?, ?, ?, ?)')
      .run(s.id, s.roomId, s.takenAt, s.trigger, Buffer.from(s.bytes));
    return result.changes === 1;
  }

  /** Ascending `takenAt`; `after` is the previous page's last `[takenAt, id]`. */
  listSnapshots(roomId: string, trigger: SnapshotTrigger | undefined, limit: number, after?: readonly [number, string]): SnapshotRecord[] {
    const clauses = ['room_id = ?'];
    const args: (string | number)[] = [roomId];
    if (trigger) {
      clauses.push('trigger = ?');
      args.push(trigger);
    }
    if (after) {
      clauses.push('(taken_at > ? OR (taken_at = ? AND id > ?))');
      args.push(after[0], after[0], after[1]);
    }
    const sql = `SELECT * FROM code_snapshots WHERE ${clauses.join(' AND ')} ORDER BY taken_at, id LIMIT ?`;
    return (this.#db.prepare(sql).all(...args, limit + 1) as SnapshotRow[]).map(toSnapshot);
  }

  /** The room's most recent snapshot (the AI's view of the code when a request carries none). */
  latestSnapshot(roomId: string): SnapshotRecord | undefined {
    const row = this.#db.prepare('SELECT * FROM code_snapshots WHERE room_id = ? ORDER BY taken_at DESC, id DESC LIMIT 1').get(roomId) as
      | SnapshotRow
      | undefined;
    return row && toSnapshot(row);
  }

  countSnapshots(roomId: string): number {
    return (this.#db.prepare('SELECT COUNT(*) AS n FROM code_snapshots WHERE room_id = ?').get(roomId) as { n: number }).n;
  }

  // ---- whiteboard ----

  /** Keeps the first final whiteboard state per room (a session ends once); returns false for a repeat. */
  saveWhiteboard(roomId: string, snapshotId: string, takenAt: number, bytes: Uint8Array): boolean {
    const result = this.#db
      .prepare('INSERT OR IGNORE INTO whiteboard_states (room_id, snapshot_id, taken_at, bytes) VALUES (?, ?, ?, ?)')
      .run(roomId, snapshotId, takenAt, Buffer.from(bytes));
    return result.changes === 1;
  }

  getWhiteboard(roomId: string): { snapshotId: string; takenAt: number; bytes: Uint8Array } | undefined {
    const row = this.#db.prepare('SELECT * FROM whiteboard_states WHERE room_id = ?').get(roomId) as
      | { snapshot_id: string; taken_at: number; bytes: Buffer }
      | undefined;
    return row && { snapshotId: row.snapshot_id, takenAt: row.taken_at, bytes: new Uint8Array(row.bytes) };
  }

  // ---- per-user history ----

  markDeleted(roomId: string, userId: string, at: number): void {
    this.#db.prepare('INSERT OR IGNORE INTO session_deletions (room_id, user_id, deleted_at) VALUES (?, ?, ?)').run(roomId, userId, at);
  }

  isDeletedFor(roomId: string, userId: string): boolean {
    return this.#db.prepare('SELECT 1 FROM session_deletions WHERE room_id = ? AND user_id = ?').get(roomId, userId) !== undefined;
  }

  /** Finished sessions the user took part in (not kicked), deleted from their history or not. */
  countFinishedSessionsOf(userId: string): number {
    return (
      this.#db
        .prepare(
          `SELECT COUNT(*) AS n FROM rooms r JOIN participants p ON p.room_id = r.id
           WHERE r.status = 'finished' AND p.user_id = ? AND p.state != 'kicked'`,
        )
        .get(userId) as { n: number }
    ).n;
  }

  /** Finished rooms the user took part in (not kicked) and has not deleted, newest `finishedAt` first. */
  listFinishedSessionsOf(userId: string, filter: SessionListFilter): RoomRecord[] {
    const clauses = [
      "r.status = 'finished'",
      "r.id IN (SELECT room_id FROM participants WHERE user_id = ? AND state != 'kicked')",
      'r.id NOT IN (SELECT room_id FROM session_deletions WHERE user_id = ?)',
    ];
    const args: (string | number)[] = [userId, userId];
    if (filter.mode) {
      clauses.push('r.mode = ?');
      args.push(filter.mode);
    }
    if (filter.from !== undefined) {
      clauses.push('r.finished_at >= ?');
      args.push(filter.from);
    }
    if (filter.to !== undefined) {
      clauses.push('r.finished_at <= ?');
      args.push(filter.to);
    }
    if (filter.after) {
      clauses.push('(r.finished_at < ? OR (r.finished_at = ? AND r.id < ?))');
      args.push(filter.after[0], filter.after[0], filter.after[1]);
    }
    const ids = (
      this.#db
        .prepare(`SELECT r.id FROM rooms r WHERE ${clauses.join(' AND ')} ORDER BY r.finished_at DESC, r.id DESC LIMIT ?`)
        .all(...args, filter.limit + 1) as { id: string }[]
    ).map((r) => r.id);
    const rooms = new RoomRepository(this.#db);
    return ids.map((id) => rooms.getRoom(id)!);
  }
}
