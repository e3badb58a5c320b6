// SQL for rooms and their participants. Pages are keyset pages: callers pass the sort key of the last row
// they returned (`after`) and fetch `limit + 1` rows to learn whether another page exists.
import type { SqlExecutor } from '../sql/index.ts';
import type { RoomMode, RoomRole, RoomStatus } from '../../protocol/index.ts';
import type { ParticipantRecord, RoomRecord, TimerRecord } from './room-records.ts';

export interface RoomRow {
  id: string;
  code: string;
  name: string;
  mode: string;
  status: string;
  host_id: string;
  owner_id: string;
  problem_id: string | null;
  language: string;
  config: string;
  editor_locked: number;
  lock_reason: string | null;
  timer_duration_ms: number | null;
  timer_elapsed_ms: number | null;
  timer_started_at: number | null;
  timer_resumed_at: number | null;
  timer_paused_at: number | null;
  created_at: number;
  updated_at: number;
  started_at: number | null;
  finished_at: number | null;
}

interface ParticipantRow {
  room_id: string;
  user_id: string;
  display_name: string | null;
  deleted_at: number | null;
  avatar_url: string | null;
  role: string;
  state: string;
  color: string;
  muted: number;
  recording_consent: number | null;
  joined_at: number;
  last_joined_at: number;
  left_at: number | null;
}

/** Accounts deleted since keep their place in past sessions under this name (DELETE /v1/users/me is a soft delete). */
export const DELETED_USER_NAME = 'Deleted user';

export function toRoom(r: RoomRow): RoomRecord {
  const timer: TimerRecord | null =
    r.timer_duration_ms === null
      ? null
      : {
          durationMs: r.timer_duration_ms,
          elapsedMs: r.timer_elapsed_ms ?? 0,
          startedAt: r.timer_started_at ?? r.updated_at,
          resumedAt: r.timer_resumed_at,
          pausedAt: r.timer_paused_at,
        };
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    mode: r.mode as RoomRecord['mode'],
    status: r.status as RoomRecord['status'],
    hostId: r.host_id,
    ownerId: r.owner_id,
    problemId: r.problem_id,
    language: r.language as RoomRecord['language'],
    config: JSON.parse(r.config) as RoomRecord['config'],
    editorLocked: r.editor_locked === 1,
    lockReason: r.lock_reason as RoomRecord['lockReason'],
    timer,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    startedAt: r.started_at,
    finishedAt: r.finished_at,
  };
}

function toParticipant(r: ParticipantRow): ParticipantRecord {
  return {
    roomId: r.room_id,
    userId: r.user_id,
    displayName: r.deleted_at !== null ? DELETED_USER_NAME : (r.display_name ?? DELETED_USER_NAME),
    avatarUrl: r.deleted_at !== null ? null : r.avatar_url,
    role: r.role as RoomRole,
    state: r.state as ParticipantRecord['state'],
    color: r.color,
    muted: r.muted === 1,
    recordingConsent: r.recording_consent === null ? null : r.recording_consent === 1,
    joinedAt: r.joined_at,
    lastJoinedAt: r.last_joined_at,
    leftAt: r.left_at,
  };
}

const PARTICIPANT_SELECT = `SELECT p.*, u.display_name, u.avatar_url, u.deleted_at
  FROM participants p LEFT JOIN users u ON u.id = p.user_id`;

export interface RoomListFilter {
  status?: RoomStatus;
  mode?: RoomMode;
  limit: number;
  /** Sort key `[createdAt, id]` of the previous page's last row. */
  after?: readonly [number, string];
}

export class RoomRepository {
  readonly #db: SqlExecutor;

  constructor(db: SqlExecutor) {
    this.#db = db;
  }

  async insertRoom(room: RoomRecord): Promise<void> {
    await this.#db.run(
      `INSERT INTO rooms (id, code, name, mode, status, host_id, owner_id, problem_id, language, config,
         editor_locked, lock_reason, created_at, updated_at, started_at, finished_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        room.id,
        room.code,
        room.name,
        room.mode,
        room.status,
        room.hostId,
        room.ownerId,
        room.problemId,
        room.language,
        JSON.stringify(room.config),
        room.editorLocked ? 1 : 0,
        room.lockReason,
        room.createdAt,
        room.updatedAt,
        room.startedAt,
        room.finishedAt,
      ],
    );
  }

  /** Writes every mutable column of the room (the service reads, changes and saves whole rooms). */
  async saveRoom(room: RoomRecord): Promise<void> {
    const t = room.timer;
    await this.#db.run(
      `UPDATE rooms SET name = ?, status = ?, host_id = ?, problem_id = ?, language = ?, config = ?,
         editor_locked = ?, lock_reason = ?, timer_duration_ms = ?, timer_elapsed_ms = ?, timer_started_at = ?,
         timer_resumed_at = ?, timer_paused_at = ?, updated_at = ?, started_at = ?, finished_at = ?
       WHERE id = ?`,
      [
        room.name,
        room.status,
        room.hostId,
        room.problemId,
        room.language,
        JSON.stringify(room.config),
        room.editorLocked ? 1 : 0,
        room.lockReason,
        t?.durationMs ?? null,
        t?.elapsedMs ?? null,
        t?.startedAt ?? null,
        t?.resumedAt ?? null,
        t?.pausedAt ?? null,
        room.updatedAt,
        room.startedAt,
        room.finishedAt,
        room.id,
      ],
    );
  }

  async getRoom(id: string): Promise<RoomRecord | undefined> {
    const row = await this.#db.get<RoomRow>('SELECT * FROM rooms WHERE id = ?', [id]);
    return row && toRoom(row);
  }

  /** The open (not finished) room with this invite code. */
  async findOpenRoomByCode(code: string): Promise<RoomRecord | undefined> {
    const row = await this.#db.get<RoomRow>("SELECT * FROM rooms WHERE code = ? AND status != 'finished'", [code]);
    return row && toRoom(row);
  }

  async codeExists(code: string): Promise<boolean> {
    return (await this.#db.get('SELECT 1 AS found FROM rooms WHERE code = ?', [code])) !== undefined;
  }

  /** Rooms not yet finished, for timers and sweeps after a restart. */
  async listOpenRooms(): Promise<RoomRecord[]> {
    return (await this.#db.all<RoomRow>("SELECT * FROM rooms WHERE status != 'finished'")).map(toRoom);
  }

  async isProblemInUse(problemId: string): Promise<boolean> {
    const row = await this.#db.get("SELECT 1 AS found FROM rooms WHERE problem_id = ? AND status != 'finished' LIMIT 1", [problemId]);
    return row !== undefined;
  }

  /** Rooms the user is or was a participant of, newest `createdAt` first. */
  listRoomsOfUser(userId: string, filter: RoomListFilter): Promise<RoomRecord[]> {
    return this.#listRooms('r.id IN (SELECT room_id FROM participants WHERE user_id = ?)', [userId], filter);
  }

  /** Every room, newest `createdAt` first (admin listing). */
  listAllRooms(filter: RoomListFilter): Promise<RoomRecord[]> {
    return this.#listRooms('1 = 1', [], filter);
  }

  async countRoomsByStatus(): Promise<Record<RoomStatus, number>> {
    const counts: Record<RoomStatus, number> = { waiting: 0, warmup: 0, coding: 0, wrapup: 0, finished: 0 };
    const rows = await this.#db.all<{ status: RoomStatus; n: number }>('SELECT status, COUNT(*) AS n FROM rooms GROUP BY status');
    for (const r of rows) counts[r.status] = r.n;
    return counts;
  }

  async countRoomsCreatedSince(since: number): Promise<number> {
    return (await this.#db.get<{ n: number }>('SELECT COUNT(*) AS n FROM rooms WHERE created_at >= ?', [since]))!.n;
  }

  async #listRooms(where: string, params: (string | number)[], filter: RoomListFilter): Promise<RoomRecord[]> {
    const clauses = [where];
    const args = [...params];
    if (filter.status) {
      clauses.push('r.status = ?');
      args.push(filter.status);
    }
    if (filter.mode) {
      clauses.push('r.mode = ?');
      args.push(filter.mode);
    }
    if (filter.after) {
      clauses.push('(r.created_at < ? OR (r.created_at = ? AND r.id < ?))');
      args.push(filter.after[0], filter.after[0], filter.after[1]);
    }
    const sql = `SELECT r.* FROM rooms r WHERE ${clauses.join(' AND ')} ORDER BY r.created_at DESC, r.id DESC LIMIT ?`;
    return (await this.#db.all<RoomRow>(sql, [...args, filter.limit + 1])).map(toRoom);
  }

  // ---- participants ----

  /** The join order (`join_seq`) is the next in the room, taken in the same statement as the insert. */
  async insertParticipant(p: Omit<ParticipantRecord, 'displayName' | 'avatarUrl'>): Promise<void> {
    await this.#db.run(
      `INSERT INTO participants (room_id, user_id, role, state, color, muted, recording_consent, join_seq,
         joined_at, last_joined_at, left_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, (SELECT COALESCE(MAX(join_seq), 0) + 1 FROM participants WHERE room_id = ?), ?, ?, ?)`,
      [
        p.roomId,
        p.userId,
        p.role,
        p.state,
        p.color,
        p.muted ? 1 : 0,
        p.recordingConsent === null ? null : p.recordingConsent ? 1 : 0,
        p.roomId,
        p.joinedAt,
        p.lastJoinedAt,
        p.leftAt,
      ],
    );
  }

  async saveParticipant(p: ParticipantRecord): Promise<void> {
    await this.#db.run(
      `UPDATE participants SET role = ?, state = ?, muted = ?, last_joined_at = ?, left_at = ?
       WHERE room_id = ? AND user_id = ?`,
      [p.role, p.state, p.muted ? 1 : 0, p.lastJoinedAt, p.leftAt, p.roomId, p.userId],
    );
  }

  async getParticipant(roomId: string, userId: string): Promise<ParticipantRecord | undefined> {
    const row = await this.#db.get<ParticipantRow>(`${PARTICIPANT_SELECT} WHERE p.room_id = ? AND p.user_id = ?`, [roomId, userId]);
    return row && toParticipant(row);
  }

  /** Every participant of the room (any state), in join order. */
  async listParticipants(roomId: string): Promise<ParticipantRecord[]> {
    return (await this.#db.all<ParticipantRow>(`${PARTICIPANT_SELECT} WHERE p.room_id = ? ORDER BY p.join_seq`, [roomId])).map(toParticipant);
  }

  /** Open rooms in which the user is active, most recently joined first. */
  async listOpenRoomIdsWhereActive(userId: string): Promise<string[]> {
    const rows = await this.#db.all<{ room_id: string }>(
      `SELECT p.room_id FROM participants p JOIN rooms r ON r.id = p.room_id
       WHERE p.user_id = ? AND p.state = 'active' AND r.status != 'finished' ORDER BY p.last_joined_at DESC`,
      [userId],
    );
    return rows.map((r) => r.room_id);
  }

  /** Open rooms in which the user is active or left (not kicked): the rooms a ban or deletion must act on. */
  async listOpenRoomIdsOfUser(userId: string): Promise<string[]> {
    const rows = await this.#db.all<{ room_id: string }>(
      `SELECT p.room_id FROM participants p JOIN rooms r ON r.id = p.room_id
       WHERE p.user_id = ? AND p.state != 'kicked' AND r.status != 'finished'`,
      [userId],
    );
    return rows.map((r) => r.room_id);
  }

  async displayNameOf(userId: string): Promise<string> {
    const row = await this.#db.get<{ display_name: string; deleted_at: number | null }>(
      'SELECT display_name, deleted_at FROM users WHERE id = ?',
      [userId],
    );
    return !row || row.deleted_at !== null ? DELETED_USER_NAME : row.display_name;
  }
}
