// SQL for peer-mode role-swap requests (requested, then accepted, declined or expired).
import type { SqliteDatabase } from '../database.ts';
import type { RoleSwapRecord, RoleSwapStatus } from './room-records.ts';

interface SwapRow {
  id: string;
  room_id: string;
  requested_by: string;
  counterpart_id: string;
  status: string;
  created_at: number;
  expires_at: number;
  resolved_at: number | null;
}

function toSwap(r: SwapRow): RoleSwapRecord {
  return {
    id: r.id,
    roomId: r.room_id,
    requestedBy: r.requested_by,
    counterpartId: r.counterpart_id,
    status: r.status as RoleSwapStatus,
    createdAt: r.created_at,
    expiresAt: r.expires_at,
    resolvedAt: r.resolved_at,
  };
}

export class SwapRepository {
  readonly #db: SqliteDatabase;

  constructor(db: SqliteDatabase) {
    this.#db = db;
  }

  insert(s: RoleSwapRecord): void {
    this.#db
      .prepare(
        `INSERT INTO role_swaps (id, room_id, requested_by, counterpart_id, status, created_at, expires_at, resolved_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(s.id, s.roomId, s.requestedBy, s.counterpartId, s.status, s.createdAt, s.expiresAt, s.resolvedAt);
  }

  get(id: string): RoleSwapRecord | undefined {
    const row = this.#db.prepare('SELECT * FROM role_swaps WHERE id = ?').get(id) as SwapRow | undefined;
    return row && toSwap(row);
  }

  pendingOf(roomId: string): RoleSwapRecord | undefined {
    const row = this.#db
      .prepare("SELECT * FROM role_swaps WHERE room_id = ? AND status = 'pending' ORDER BY created_at DESC LIMIT 1")
      .get(roomId) as SwapRow | undefined;
    return row && toSwap(row);
  }

  listPending(): RoleSwapRecord[] {
    return (this.#db.prepare("SELECT * FROM role_swaps WHERE status = 'pending'").all() as SwapRow[]).map(toSwap);
  }

  resolve(id: string, status: Exclude<RoleSwapStatus, 'pending'>, at: number): void {
    this.#db.prepare("UPDATE role_swaps SET status = ?, resolved_at = ? WHERE id = ? AND status = 'pending'").run(status, at, id);
  }
}
