// The room service's RoomDirectory (server/control/room-directory.ts): what user,
// admin and problem routes ask of rooms — force close, leave/kick everywhere, listings and counts.
import { AppError, type RoomStatus } from '../../protocol/index.ts';
import { isUuid } from '../../protocol/api/common.ts';
import type { FinishedSessionFact, RoomDirectory } from '../room-directory.ts';
import { toPageAsync } from '../../pagination.ts';
import type { RoomDeps } from './room-deps.ts';
import { leaveInQueue } from './room-lifecycle.ts';
import { kickInQueue } from './room-participants.ts';
import { adminRoomEntry, roomSummary } from './room-views.ts';

/** A finished-session listing large enough for stats over any allowed range (≤ 366 buckets). */
const ALL_SESSIONS = 100_000;

/** `scoreOf`: the user's training-report score for a session, null without a ready report. */
export function createRoomDirectory(d: RoomDeps, scoreOf: (roomId: string, userId: string) => Promise<number | null>): RoomDirectory {
  const { engine } = d;
  const store = engine.store;

  /** Runs `fn` for each room id under that room's queue; one failing room does not stop the others. */
  const eachRoom = async (roomIds: string[], what: string, fn: (roomId: string) => Promise<void>): Promise<void> => {
    for (const roomId of roomIds) {
      try {
        await engine.exclusive(roomId, () => fn(roomId));
      } catch (error) {
        engine.log.warn(`${what} failed for a room`, { roomId, error: String(error) });
      }
    }
  };

  return {
    hasRoom: async (roomId) => isUuid(roomId) && (await store.rooms.getRoom(roomId)) !== undefined,

    async listForAdmin(filter, page) {
      const after = page.cursor ? d.control.cursors.decode('admin.rooms', page.cursor) : undefined;
      const rows = await store.rooms.listAllRooms({
        ...filter,
        limit: page.limit,
        after: after ? [Number(after[0]), String(after[1])] : undefined,
      });
      return toPageAsync(rows, page.limit, d.control.cursors, 'admin.rooms', (r) => [r.createdAt, r.id], (r) => adminRoomEntry(store, r));
    },

    async forceClose(roomId, input) {
      if (!isUuid(roomId)) throw new AppError('ROOM_NOT_FOUND', 'No such room.');
      await engine.requireRoom(roomId);
      await engine.exclusive(roomId, async () => {
        const room = await engine.requireRoom(roomId);
        if (room.status === 'finished') throw new AppError('ROOM_CLOSED', 'This room has already finished.');
        await engine.finishInQueue(room, 'force-closed', input.actorId);
        await d.control.audit.record('admin.room-closed', {
          actorId: input.actorId,
          actorType: 'admin',
          targetType: 'room',
          targetId: roomId,
          ip: input.ip,
          details: { reason: input.reason },
        });
      });
    },

    leaveAllRooms: async (userId) =>
      eachRoom(await store.rooms.listOpenRoomIdsWhereActive(userId), 'leave on account deletion', async (roomId) => {
        const room = await engine.requireRoom(roomId);
        const me = await store.rooms.getParticipant(roomId, userId);
        if (room.status !== 'finished' && me?.state === 'active') await leaveInQueue(d, room, me);
      }),

    kickFromAllRooms: async (userId, byAdminId) =>
      eachRoom(await store.rooms.listOpenRoomIdsOfUser(userId), 'kick on ban', async (roomId) => {
        const room = await engine.requireRoom(roomId);
        const target = await store.rooms.getParticipant(roomId, userId);
        if (room.status !== 'finished' && target && target.state !== 'kicked') await kickInQueue(d, room, target, byAdminId, 'banned');
      }),

    async activeRoomOf(userId) {
      const roomId = (await store.rooms.listOpenRoomIdsWhereActive(userId))[0];
      const room = roomId ? await store.rooms.getRoom(roomId) : undefined;
      return room ? roomSummary(store, d.problems, room, userId) : null;
    },

    isProblemInUse: (problemId) => store.rooms.isProblemInUse(problemId),

    async finishedSessionsOf(userId, fromMs, toMs): Promise<FinishedSessionFact[]> {
      const rooms = await store.sessions.listFinishedSessionsOf(userId, { from: fromMs, to: toMs - 1, limit: ALL_SESSIONS });
      return Promise.all(
        rooms.map(async (r) => ({
          finishedAt: r.finishedAt!,
          durationMs: r.startedAt === null ? null : r.finishedAt! - r.startedAt,
          mode: r.mode,
          overallScore: await scoreOf(r.id, userId),
        })),
      );
    },

    sessionsCompleted: (userId) => store.sessions.countFinishedSessionsOf(userId),

    async dashboard(now) {
      const byStatus = await store.rooms.countRoomsByStatus();
      const active = (Object.keys(byStatus) as RoomStatus[]).filter((s) => s !== 'finished').reduce((n, s) => n + byStatus[s], 0);
      return { active, createdLast24h: await store.rooms.countRoomsCreatedSince(now - 24 * 60 * 60 * 1000), byStatus };
    },
  };
}
