// SQL for peer-mode role-swap requests (requested, then accepted, declined or expired).
import type { SqlExecutor } from '../sql/index.ts';
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
  readonly #db: SqlExecutor;

  constructor(db: SqlExecutor) {
    this.#db = db;
  }

  async insert(s: RoleSwapRecord): Promise<void> {
    await this.#db.run(
      `INSERT INTO role_swaps (id, room_id, requested_by, counterpart_id, status, created_at, expires_at, resolved_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      [s.id, s.roomId, s.requestedBy, s.counterpartId, s.status, s.createdAt, s.expiresAt, s.resolvedAt],
    );
  }

  async get(id: string): Promise<RoleSwapRecord | undefined> {
    const row = await this.#db.get<SwapRow>('SELECT * FROM role_swaps WHERE id = ?', [id]);
    return row && toSwap(row);
  }

  async pendingOf(roomId: string): Promise<RoleSwapRecord | undefined> {
    const row = await this.#db.get<SwapRow>(
      "SELECT * FROM role_swaps WHERE room_id = ? AND status = 'pending' ORDER BY created_at DESC LIMIT 1",
      [roomId],
    );
    return row && toSwap(row);
  }

  async resolve(id: string, status: Exclude<RoleSwapStatus, 'pending'>, at: number): Promise<void> {
    await this.#db.run("UPDATE role_swaps SET status = ?, resolved_at = ? WHERE id = ? AND status = 'pending'", [status, at, id]);
  }
}
