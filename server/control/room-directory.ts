// What the user, problem and admin routes need from the rooms side. The room service implements it and is
// built before those routes, which receive it as a required dependency (`rooms`).
import type { RoomMode, RoomStatus } from '../protocol/index.ts';
import type { AdminRoomEntry, RoomSummary } from '../protocol/api/room-summary.ts';
import type { Page } from '../protocol/api/common.ts';

export interface FinishedSessionFact {
  /** Epoch ms. */
  finishedAt: number;
  /** Time spent in the session (startedAt → finishedAt), or null if it never started. */
  durationMs: number | null;
  mode: RoomMode;
  /** The caller's training-report score, null without a ready report. */
  overallScore: number | null;
}

export interface RoomDirectory {
  /** Whether a room with this id exists (any status): the 404 check of routes under /v1/rooms/:roomId owned elsewhere. */
  hasRoom(roomId: string): boolean;
  /** GET /v1/admin/rooms: newest `createdAt` first, cursor from the control plane's cursor codec (scope `admin.rooms`). */
  listForAdmin(filter: { status?: RoomStatus; mode?: RoomMode }, page: { limit: number; cursor?: string }): Page<AdminRoomEntry>;
  /**
   * POST /v1/admin/rooms/:roomId/close: finishes the room with `room-closed` reason `force-closed`
   * and writes the `admin.room-closed` audit entry. Throws ROOM_NOT_FOUND, ROOM_CLOSED.
   */
  forceClose(roomId: string, input: { actorId: string; reason: string; ip: string }): Promise<void>;
  /** DELETE /v1/users/me: the user leaves every non-finished room (as `POST .../leave` would). */
  leaveAllRooms(userId: string): Promise<void>;
  /** Admin ban: the user is kicked from every non-finished room (sockets close with 4002). */
  kickFromAllRooms(userId: string, byAdminId: string): Promise<void>;
  /** GET /v1/users/me/active-room: the most recently joined non-finished room where the user is `active`. */
  activeRoomOf(userId: string): Promise<RoomSummary | null>;
  /** PROBLEM_IN_USE: the problem is selected in a non-finished room. */
  isProblemInUse(problemId: string): boolean;
  /** Finished sessions of the user (not deleted from their history) with `finishedAt` in [fromMs, toMs). */
  finishedSessionsOf(userId: string, fromMs: number, toMs: number): FinishedSessionFact[];
  /** Number of finished sessions the user took part in (PublicProfile.stats.sessionsCompleted). */
  sessionsCompleted(userId: string): number;
  /** AdminDashboard.rooms. */
  dashboard(now: number): { active: number; createdLast24h: number; byStatus: Record<RoomStatus, number> };
}
