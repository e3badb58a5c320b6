// SQL for the durable record of a room: session events, code snapshots, the final whiteboard state and
// per-user soft deletions. Snapshot and disconnect deliveries are at least once (collab callbacks are retried), so
// their inserts are idempotent and report whether anything new was stored.
import type { SqlExecutor } from '../sql/index.ts';
import type { RoomMode, SnapshotTrigger } from '../../protocol/index.ts';
import type { RoomRecord, SessionEventRecord, SnapshotRecord } from './room-records.ts';
import { toRoom, type RoomRow } from './room-repository.ts';

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
  bytes: Uint8Array;
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
  readonly #db: SqlExecutor;

  constructor(db: SqlExecutor) {
    this.#db = db;
  }

  // ---- events ----

  /** Appends an event; with a `dedupeKey` a repeat delivery is ignored (returns false). */
  async appendEvent(e: Omit<SessionEventRecord, 'seq'>, dedupeKey?: string): Promise<boolean> {
    const result = await this.#db.run(
      `INSERT INTO session_events (id, room_id, at, type, actor_id, data, dedupe_key) VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT DO NOTHING`,
      [e.id, e.roomId, e.at, e.type, e.actorId, JSON.stringify(e.data), dedupeKey ?? null],
    );
    return result.changes === 1;
  }

  /** Ascending `at`, then insertion order; `after` is the previous page's last `[at, seq]`. */
  async listEvents(roomId: string, limit: number, after?: readonly [number, number]): Promise<SessionEventRecord[]> {
    const [at, seq] = after ?? [-1, 0];
    const rows = await this.#db.all<EventRow>(
      'SELECT * FROM session_events WHERE room_id = ? AND (at > ? OR (at = ? AND seq > ?)) ORDER BY at, seq LIMIT ?',
      [roomId, at, at, seq, limit + 1],
    );
    return rows.map(toEvent);
  }

  // ---- snapshots ----

  /** Stores a code snapshot once per id; returns false for a repeat delivery. */
  async insertSnapshot(s: SnapshotRecord): Promise<boolean> {
    const result = await this.#db.run(
      'INSERT INTO code_snapshots (id, room_id, taken_at, trigger, bytes) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING',
      [s.id, s.roomId, s.takenAt, s.trigger, s.bytes],
    );
    return result.changes === 1;
  }

  /** Ascending `takenAt`; `after` is the previous page's last `[takenAt, id]`. */
  async listSnapshots(
    roomId: string,
    trigger: SnapshotTrigger | undefined,
    limit: number,
    after?: readonly [number, string],
  ): Promise<SnapshotRecord[]> {
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
    return (await this.#db.all<SnapshotRow>(sql, [...args, limit + 1])).map(toSnapshot);
  }

  /** The room's most recent snapshot (the AI's view of the code when a request carries none). */
  async latestSnapshot(roomId: string): Promise<SnapshotRecord | undefined> {
    const row = await this.#db.get<SnapshotRow>(
      'SELECT * FROM code_snapshots WHERE room_id = ? ORDER BY taken_at DESC, id DESC LIMIT 1',
      [roomId],
    );
    return row && toSnapshot(row);
  }

  async countSnapshots(roomId: string): Promise<number> {
    return (await this.#db.get<{ n: number }>('SELECT COUNT(*) AS n FROM code_snapshots WHERE room_id = ?', [roomId]))!.n;
  }

  // ---- whiteboard ----

  /** Keeps the first final whiteboard state per room (a session ends once); returns false for a repeat. */
  async saveWhiteboard(roomId: string, snapshotId: string, takenAt: number, bytes: Uint8Array): Promise<boolean> {
    const result = await this.#db.run(
      'INSERT INTO whiteboard_states (room_id, snapshot_id, taken_at, bytes) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING',
      [roomId, snapshotId, takenAt, bytes],
    );
    return result.changes === 1;
  }

  async getWhiteboard(roomId: string): Promise<{ snapshotId: string; takenAt: number; bytes: Uint8Array } | undefined> {
    const row = await this.#db.get<{ snapshot_id: string; taken_at: number; bytes: Uint8Array }>(
      'SELECT * FROM whiteboard_states WHERE room_id = ?',
      [roomId],
    );
    return row && { snapshotId: row.snapshot_id, takenAt: row.taken_at, bytes: new Uint8Array(row.bytes) };
  }

  // ---- per-user history ----

  async markDeleted(roomId: string, userId: string, at: number): Promise<void> {
    await this.#db.run('INSERT INTO session_deletions (room_id, user_id, deleted_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING', [
      roomId,
      userId,
      at,
    ]);
  }

  async isDeletedFor(roomId: string, userId: string): Promise<boolean> {
    const row = await this.#db.get('SELECT 1 AS found FROM session_deletions WHERE room_id = ? AND user_id = ?', [roomId, userId]);
    return row !== undefined;
  }

  /** Finished sessions the user took part in (not kicked), deleted from their history or not. */
  async countFinishedSessionsOf(userId: string): Promise<number> {
    const row = await this.#db.get<{ n: number }>(
      `SELECT COUNT(*) AS n FROM rooms r JOIN participants p ON p.room_id = r.id
       WHERE r.status = 'finished' AND p.user_id = ? AND p.state != 'kicked'`,
      [userId],
    );
    return row!.n;
  }

  /** Finished rooms the user took part in (not kicked) and has not deleted, newest `finishedAt` first. */
  async listFinishedSessionsOf(userId: string, filter: SessionListFilter): Promise<RoomRecord[]> {
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
    const sql = `SELECT r.* FROM rooms r WHERE ${clauses.join(' AND ')} ORDER BY r.finished_at DESC, r.id DESC LIMIT ?`;
    return (await this.#db.all<RoomRow>(sql, [...args, filter.limit + 1])).map(toRoom);
  }
}
