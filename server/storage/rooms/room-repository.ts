// SQL for rooms and their participants. Pages are keyset pages: callers pass the sort key of the last row
// they returned (`after`) and fetch `limit + 1` rows to learn whether another page exists.
import type { SqliteDatabase } from '../database.ts';
import type { RoomMode, RoomRole, RoomStatus } from '../../protocol/index.ts';
import type { ParticipantRecord, RoomRecord, TimerRecord } from './room-records.ts';

interface RoomRow {
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

function toRoom(r: RoomRow): RoomRecord {
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
  readonly #db: SqliteDatabase;

  constructor(db: SqliteDatabase) {
    this.#db = db;
  }

  insertRoom(room: RoomRecord): void {
    this.#db
      .prepare(
        `INSERT INTO rooms (id, code, name, mode, status, host_id, owner_id, problem_id, language, config,
           editor_locked, lock_reason, created_at, updated_at, started_at, finished_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
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
      );
  }

  /** Writes every mutable column of the room (the service reads, changes and saves whole rooms). */
  saveRoom(room: RoomRecord): void {
    const t = room.timer;
    this.#db
      .prepare(
        `UPDATE rooms SET name = ?, status = ?, host_id = ?, problem_id = ?, language = ?, config = ?,
           editor_locked = ?, lock_reason = ?, timer_duration_ms = ?, timer_elapsed_ms = ?, timer_started_at = ?,
           timer_resumed_at = ?, timer_paused_at = ?, updated_at = ?, started_at = ?, finished_at = ?
         WHERE id = ?`,
      )
      .run(
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
      );
  }

  getRoom(id: string): RoomRecord | undefined {
    const row = this.#db.prepare('SELECT * FROM rooms WHERE id = ?').get(id) as RoomRow | undefined;
    return row && toRoom(row);
  }

  /** The open (not finished) room with this invite code. */
  findOpenRoomByCode(code: string): RoomRecord | undefined {
    const row = this.#db.prepare("SELECT * FROM rooms WHERE code = ? AND status != 'finished'").get(code) as
      | RoomRow
      | undefined;
    return row && toRoom(row);
  }

  codeExists(code: string): boolean {
    return this.#db.prepare('SELECT 1 FROM rooms WHERE code = ?').get(code) !== undefined;
  }

  /** Rooms not yet finished, for timers and sweeps after a restart. */
  listOpenRooms(): RoomRecord[] {
    return (this.#db.prepare("SELECT * FROM rooms WHERE status != 'finished'").all() as RoomRow[]).map(toRoom);
  }

  isProblemInUse(problemId: string): boolean {
    return (
      this.#db.prepare("SELECT 1 FROM rooms WHERE problem_id = ? AND status != 'finished' LIMIT 1").get(problemId) !==
      undefined
    );
  }

  /** Rooms the user is or was a participant of, newest `createdAt` first. */
  listRoomsOfUser(userId: string, filter: RoomListFilter): RoomRecord[] {
    return this.#listRooms('r.id IN (SELECT room_id FROM participants WHERE user_id = ?)', [userId], filter);
  }

  /** Every room, newest `createdAt` first (admin listing). */
  listAllRooms(filter: RoomListFilter): RoomRecord[] {
    return this.#listRooms('1 = 1', [], filter);
  }

  countRoomsByStatus(): Record<RoomStatus, number> {
    const counts: Record<RoomStatus, number> = { waiting: 0, warmup: 0, coding: 0, wrapup: 0, finished: 0 };
    const rows = this.#db.prepare('SELECT status, COUNT(*) AS n FROM rooms GROUP BY status').all() as {
      status: RoomStatus;
      n: number;
    }[];
    for (const r of rows) counts[r.status] = r.n;
    return counts;
  }

  countRoomsCreatedSince(since: number): number {
    return (this.#db.prepare('SELECT COUNT(*) AS n FROM rooms WHERE created_at >= ?').get(since) as { n: number }).n;
  }

  #listRooms(where: string, params: (string | number)[], filter: RoomListFilter): RoomRecord[] {
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
    return (this.#db.prepare(sql).all(...args, filter.limit + 1) as RoomRow[]).map(toRoom);
  }

  // ---- participants ----

  insertParticipant(p: Omit<ParticipantRecord, 'displayName' | 'avatarUrl'>): void {
    const seq = (
      this.#db.prepare('SELECT COALESCE(MAX(join_seq), 0) + 1 AS n FROM participants WHERE room_id = ?').get(p.roomId) as {
        n: number;
      }
    ).n;
    this.#db
      .prepare(
        `INSERT INTO participants (room_id, user_id, role, state, color, muted, recording_consent, join_seq,
           joined_at, last_joined_at, left_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        p.roomId,
        p.userId,
        p.role,
        p.state,
        p.color,
        p.muted ? 1 : 0,
        p.recordingConsent === null ? null : p.recordingConsent ? 1 : 0,
        seq,
        p.joinedAt,
        p.lastJoinedAt,
        p.leftAt,
      );
  }

  saveParticipant(p: ParticipantRecord): void {
    this.#db
      .prepare(
        `UPDATE participants SET role = ?, state = ?, muted = ?, last_joined_at = ?, left_at = ?
         WHERE room_id = ? AND user_id = ?`,
      )
      .run(p.role, p.state, p.muted ? 1 : 0, p.lastJoinedAt, p.leftAt, p.roomId, p.userId);
  }

  getParticipant(roomId: string, userId: string): ParticipantRecord | undefined {
    const row = this.#db.prepare(`${PARTICIPANT_SELECT} WHERE p.room_id = ? AND p.user_id = ?`).get(roomId, userId) as
      | ParticipantRow
      | undefined;
    return row && toParticipant(row);
  }

  /** Every participant of the room (any state), in join order. */
  listParticipants(roomId: string): ParticipantRecord[] {
    return (this.#db.prepare(`${PARTICIPANT_SELECT} WHERE p.room_id = ? ORDER BY p.join_seq`).all(roomId) as ParticipantRow[]).map(
      toParticipant,
    );
  }

  /** Open rooms in which the user is active, most recently joined first. */
  listOpenRoomIdsWhereActive(userId: string): string[] {
    return (
      this.#db
        .prepare(
          `SELECT p.room_id FROM participants p JOIN rooms r ON r.id = p.room_id
           WHERE p.user_id = ? AND p.state = 'active' AND r.status != 'finished' ORDER BY p.last_joined_at DESC`,
        )
        .all(userId) as { room_id: string }[]
    ).map((r) => r.room_id);
  }

  /** Open rooms in which the user is active or left (not kicked): the rooms a ban or deletion must act on. */
  listOpenRoomIdsOfUser(userId: string): string[] {
    return (
      this.#db
        .prepare(
          `SELECT p.room_id FROM participants p JOIN rooms r ON r.id = p.room_id
           WHERE p.user_id = ? AND p.state != 'kicked' AND r.status != 'finished'`,
        )
        .all(userId) as { room_id: string }[]
    ).map((r) => r.room_id);
  }

  displayNameOf(userId: string): string {
    const row = this.#db.prepare('SELECT display_name, deleted_at FROM users WHERE id = ?').get(userId) as
      | { display_name: string; deleted_at: number | null }
      | undefined;
    return !row || row.deleted_at !== null ? DELETED_USER_NAME : row.display_name;
  }
}
