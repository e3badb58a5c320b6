import type { CollabDoc, RoomRole, RoomStatus, SnapshotReadyItem, SnapshotTrigger } from '../../protocol/index.ts';
import { migrateSql, openServerDatabase, type SqlDatabase, type SqlValue } from '../sql/index.ts';
import { insertRows, marks } from './bulk-sql.ts';
import { COLLAB_MIGRATIONS } from './collab-migrations.ts';
import { JournaledLog, type UnnumberedRow } from './journaled-log.ts';
import { LogKeys } from './log-keys.ts';
import type { ClientClaim, CollabStore, LoggedUpdate, NewUpdate, ParticipantRecord, RoomPatch, RoomRecord, StoredDocument } from './collab-store.ts';

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

const ROOM_COLUMNS: Record<keyof RoomPatch, { column: string; toDb: (v: never) => SqlValue }> = {
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

const INSERT_LOG = 'INSERT INTO collab_log (doc_key, author_key, accepted_at, bytes)';

/**
 * Opens the collab store: `collab.sqlite` in the data directory (WAL), separate from the control plane's file, with
 * its journal of recent commits (journaled-log.ts), or the PostgreSQL database of `databaseUrl`
 * (SYNCODE_DATABASE_URL), and brings its schema up to date.
 */
export async function openCollabStore(options: { dataDir: string; databaseUrl?: string }): Promise<CollabStore> {
  const db = openServerDatabase(options.databaseUrl, options.dataDir, 'collab.sqlite');
  try {
    await migrateSql(db, 'collab', COLLAB_MIGRATIONS);
    return new SqlCollabStore(db, db.dialect === 'sqlite' ? await JournaledLog.open(db, options.dataDir) : null);
  } catch (error) {
    await db.close();
    throw error;
  }
}

/**
 * One implementation for both backends: the SQL is what both accept; statements over a variable number of rows run
 * the way each backend does them best (bulk-sql.ts), and `logStats` branches on the dialect.
 */
class SqlCollabStore implements CollabStore {
  readonly #db: SqlDatabase;
  readonly #keys: LogKeys;
  /** SQLite's log (journal first); null on PostgreSQL, where a commit is one multi-row insert. */
  readonly #journaled: JournaledLog | null;

  constructor(db: SqlDatabase, journaled: JournaledLog | null) {
    this.#db = db;
    this.#keys = new LogKeys(db);
    this.#journaled = journaled;
  }

  get spacesCommits(): boolean {
    return this.#journaled === null;
  }

  async createRoom(room: RoomRecord, participants: { userId: string; role: RoomRole }[], initial: NewUpdate[]): Promise<boolean> {
    // Keys first, outside the transaction: a key cached from a transaction that rolled back would not exist.
    const keys = await this.#keys.of(initial);
    return this.#db.transaction(async () => {
      const inserted = await this.#db.run(
        `INSERT INTO collab_rooms (room_id, mode, phase, language, problem_id, editor_locked, lock_reason,
           timer_json, recording, created_at, destroyed_at, last_snapshot_update_id)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, 0)
         ON CONFLICT DO NOTHING`,
        [
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
        ],
      );
      if (inserted.changes === 0) return false;
      for (const p of participants) await this.setRole(room.roomId, p.userId, p.role);
      await this.#insertLog(initial, keys);
      return true;
    });
  }

  async getRoom(roomId: string): Promise<RoomRecord | undefined> {
    const row = await this.#db.get<RoomRow>('SELECT * FROM collab_rooms WHERE room_id = ?', [roomId]);
    return row ? toRoom(row) : undefined;
  }

  async updateRoom(roomId: string, patch: RoomPatch): Promise<void> {
    const entries = Object.entries(patch) as [keyof RoomPatch, never][];
    if (entries.length === 0) return;
    const sets = entries.map(([k]) => `${ROOM_COLUMNS[k].column} = ?`).join(', ');
    const values = entries.map(([k, v]) => ROOM_COLUMNS[k].toDb(v));
    await this.#db.run(`UPDATE collab_rooms SET ${sets} WHERE room_id = ?`, [...values, roomId]);
  }

  async listLiveRooms(phases: readonly RoomStatus[]): Promise<RoomRecord[]> {
    const rows = await this.#db.all<RoomRow>(`SELECT * FROM collab_rooms WHERE destroyed_at IS NULL AND phase IN (${marks(phases.length)})`, phases);
    return rows.map(toRoom);
  }

  async participants(roomId: string): Promise<ParticipantRecord[]> {
    const rows = await this.#db.all<{ user_id: string; role: RoomRole | null; left_at: number | null; kicked: number }>(
      'SELECT user_id, role, left_at, kicked FROM collab_participants WHERE room_id = ?',
      [roomId],
    );
    return rows.map((r) => ({ userId: r.user_id, role: r.role, leftAt: r.left_at, kicked: r.kicked === 1 }));
  }

  async setRole(roomId: string, userId: string, role: RoomRole): Promise<void> {
    await this.#db.run(
      `INSERT INTO collab_participants (room_id, user_id, role) VALUES (?, ?, ?)
       ON CONFLICT (room_id, user_id) DO UPDATE SET role = excluded.role`,
      [roomId, userId, role],
    );
  }

  async setLeftAt(roomId: string, userId: string, leftAt: number | null): Promise<void> {
    await this.#db.run(
      `INSERT INTO collab_participants (room_id, user_id, left_at) VALUES (?, ?, ?)
       ON CONFLICT (room_id, user_id) DO UPDATE SET left_at = excluded.left_at`,
      [roomId, userId, leftAt],
    );
  }

  async setKicked(roomId: string, userId: string): Promise<void> {
    await this.#db.run(
      `INSERT INTO collab_participants (room_id, user_id, kicked) VALUES (?, ?, 1)
       ON CONFLICT (room_id, user_id) DO UPDATE SET kicked = 1`,
      [roomId, userId],
    );
  }

  async appendUpdates(batch: readonly NewUpdate[]): Promise<number[]> {
    if (batch.length === 0) return [];
    const keys = await this.#keys.of(batch);
    return this.#journaled ? this.#journaled.append(unnumbered(batch, keys)) : this.#insertLog(batch, keys);
  }

  async loadDocument(roomId: string, doc: CollabDoc): Promise<StoredDocument> {
    await this.#journaled?.settle();
    const [checkpoint, key] = await Promise.all([
      this.#db.get<{ upto_update_id: number; state: Uint8Array }>(
        `SELECT upto_update_id, state FROM collab_checkpoints WHERE room_id = ? AND doc = ?
         ORDER BY upto_update_id DESC LIMIT 1`,
        [roomId, doc],
      ),
      this.#keys.doc(roomId, doc),
    ]);
    const after = checkpoint?.upto_update_id ?? 0;
    const rows =
      key === undefined
        ? []
        : await this.#db.all<{ id: number; bytes: Uint8Array }>('SELECT id, bytes FROM collab_log WHERE doc_key = ? AND id > ? ORDER BY id', [key, after]);
    return {
      checkpoint: checkpoint ? new Uint8Array(checkpoint.state) : null,
      updates: rows.map((r) => new Uint8Array(r.bytes)),
      lastUpdateId: rows.length > 0 ? rows[rows.length - 1]!.id : after,
    };
  }

  async latestUpdateId(roomId: string, doc: CollabDoc): Promise<number> {
    await this.#journaled?.settle();
    const key = await this.#keys.doc(roomId, doc);
    if (key === undefined) return 0;
    const row = await this.#db.get<{ id: number | null }>('SELECT MAX(id) AS id FROM collab_log WHERE doc_key = ?', [key]);
    return row?.id ?? 0;
  }

  async readLog(roomId: string, doc: CollabDoc, after: number, limit: number): Promise<LoggedUpdate[]> {
    await this.#journaled?.settle();
    const key = await this.#keys.doc(roomId, doc);
    if (key === undefined) return [];
    const rows = await this.#db.all<{ id: number; accepted_at: number; user_id: string | null; bytes: Uint8Array }>(
      `SELECT l.id, l.accepted_at, a.user_id, l.bytes FROM collab_log l LEFT JOIN collab_authors a ON a.author_key = l.author_key
       WHERE l.doc_key = ? AND l.id > ? ORDER BY l.id LIMIT ?`,
      [key, after, limit],
    );
    return rows.map((r) => ({ id: r.id, acceptedAt: r.accepted_at, userId: r.user_id, update: new Uint8Array(r.bytes) }));
  }

  async writeCheckpoint(roomId: string, doc: CollabDoc, uptoId: number, state: Uint8Array): Promise<void> {
    // Only the newest checkpoint is needed for loading; older ones are superseded (the log stays).
    await this.#db.transaction(async () => {
      await this.#db.run(
        `INSERT INTO collab_checkpoints (room_id, doc, upto_update_id, created_at, state) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (room_id, doc, upto_update_id) DO UPDATE SET created_at = excluded.created_at, state = excluded.state`,
        [roomId, doc, uptoId, Date.now(), state],
      );
      await this.#db.run('DELETE FROM collab_checkpoints WHERE room_id = ? AND doc = ? AND upto_update_id < ?', [roomId, doc, uptoId]);
    });
  }

  async bannedClients(roomId: string, doc: CollabDoc): Promise<number[]> {
    const rows = await this.#db.all<{ client_id: number }>('SELECT client_id FROM collab_banned_clients WHERE room_id = ? AND doc = ?', [roomId, doc]);
    return rows.map((r) => r.client_id);
  }

  async clientOwners(roomId: string, doc: CollabDoc): Promise<Map<number, string>> {
    const rows = await this.#db.all<{ client_id: number; user_id: string }>(
      'SELECT client_id, user_id FROM collab_client_owners WHERE room_id = ? AND doc = ?',
      [roomId, doc],
    );
    return new Map(rows.map((r) => [r.client_id, r.user_id]));
  }

  async claimClients(claims: readonly ClientClaim[]): Promise<void> {
    await insertRows(
      this.#db,
      'INSERT INTO collab_client_owners (room_id, doc, client_id, user_id)',
      claims.map((c) => [c.roomId, c.doc, c.clientId, c.owner]),
      'ON CONFLICT DO NOTHING',
    );
  }

  async recordRejection(roomId: string, doc: CollabDoc, userId: string, bannedClientIds: readonly number[]): Promise<void> {
    const now = Date.now();
    await this.#db.transaction(async () => {
      await insertRows(
        this.#db,
        'INSERT INTO collab_banned_clients (room_id, doc, client_id, banned_at)',
        bannedClientIds.map((id) => [roomId, doc, id, now]),
        'ON CONFLICT DO NOTHING',
      );
      await this.#db.run('INSERT INTO collab_resync_flags (room_id, user_id, doc, flagged_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING', [
        roomId,
        userId,
        doc,
        now,
      ]);
    });
  }

  async resyncFlags(roomId: string, doc: CollabDoc): Promise<string[]> {
    const rows = await this.#db.all<{ user_id: string }>('SELECT user_id FROM collab_resync_flags WHERE room_id = ? AND doc = ?', [roomId, doc]);
    return rows.map((r) => r.user_id);
  }

  async clearResyncFlag(roomId: string, userId: string, doc: CollabDoc): Promise<void> {
    await this.#db.run('DELETE FROM collab_resync_flags WHERE room_id = ? AND user_id = ? AND doc = ?', [roomId, userId, doc]);
  }

  async addPendingSnapshots(items: readonly SnapshotReadyItem[]): Promise<void> {
    await insertRows(
      this.#db,
      'INSERT INTO collab_pending_snapshots (id, room_id, doc, trigger, taken_at, bytes)',
      items.map((i) => [i.id, i.roomId, i.doc, i.trigger, i.takenAt, Buffer.from(i.bytes, 'base64')]),
      'ON CONFLICT DO NOTHING',
    );
  }

  async removePendingSnapshots(ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    await this.#db.run(`DELETE FROM collab_pending_snapshots WHERE id IN (${marks(ids.length)})`, ids);
  }

  async listPendingSnapshots(): Promise<SnapshotReadyItem[]> {
    const rows = await this.#db.all<{ id: string; room_id: string; doc: CollabDoc; trigger: SnapshotTrigger; taken_at: string; bytes: Uint8Array }>(
      'SELECT * FROM collab_pending_snapshots ORDER BY taken_at',
    );
    return rows.map((r) => ({
      id: r.id,
      roomId: r.room_id,
      doc: r.doc,
      trigger: r.trigger,
      takenAt: r.taken_at,
      bytes: Buffer.from(r.bytes).toString('base64'),
      sizeBytes: r.bytes.length,
    }));
  }

  async logStats(): Promise<{ updates: number; bytes: number; storedBytes: number | null }> {
    await this.#journaled?.settle();
    const row = await this.#db.get<{ n: number; b: number }>('SELECT COUNT(*) AS n, COALESCE(SUM(LENGTH(bytes)), 0) AS b FROM collab_log');
    return { updates: row?.n ?? 0, bytes: row?.b ?? 0, storedBytes: await this.#logStoredBytes() };
  }

  async close(): Promise<void> {
    try {
      await this.#journaled?.close();
    } finally {
      await this.#db.close();
    }
  }

  /** Bytes on disk of the log table and its index: SQLite's dbstat pages (null when this build lacks dbstat), PostgreSQL's relation size. */
  async #logStoredBytes(): Promise<number | null> {
    if (this.#db.dialect === 'postgres') {
      return (await this.#db.get<{ s: number }>(`SELECT pg_total_relation_size('collab_log') AS s`))?.s ?? null;
    }
    try {
      return (await this.#db.get<{ s: number | null }>(`SELECT SUM(pgsize) AS s FROM dbstat WHERE name IN ('collab_log', 'collab_log_by_doc')`))?.s ?? 0;
    } catch {
      return null;
    }
  }

  /**
   * Log rows straight into collab_log, and their ids in row order: on SQLite with the ids the journaled log assigns;
   * on PostgreSQL one multi-row INSERT … RETURNING id (bulk-sql.ts).
   */
  async #insertLog(batch: readonly NewUpdate[], keys: [number, number | null][]): Promise<number[]> {
    if (this.#journaled) return this.#journaled.insert(unnumbered(batch, keys));
    const rows = batch.map((u, i): SqlValue[] => [keys[i]![0], keys[i]![1], u.acceptedAt, u.update]);
    const returned = await insertRows<{ id: number }>(this.#db, INSERT_LOG, rows, 'RETURNING id');
    // Ids are assigned in row order; PostgreSQL does not promise RETURNING's order, so they are sorted.
    return returned.map((r) => r.id).sort((a, b) => a - b);
  }
}

function unnumbered(batch: readonly NewUpdate[], keys: readonly [number, number | null][]): UnnumberedRow[] {
  return batch.map((u, i) => ({ docKey: keys[i]![0], authorKey: keys[i]![1], acceptedAt: u.acceptedAt, bytes: u.update }));
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
