// Admin routes. The whole /v1/admin area is the protected resource: ADMIN_FORBIDDEN is checked
// before any path lookup, so non-admins cannot probe which user or room ids exist.
import { AppError, ROOM_STATUSES, type RoomStatus } from '../../protocol/index.ts';
import { isUuid } from '../../protocol/api/common.ts';
import type { AdminDashboard, AdminUserDetail } from '../../protocol/api/admin.ts';
import type { OutcomesRepository } from '../../storage/control/outcomes-repository.ts';
import type { UserRecord } from '../../storage/control/users-repository.ts';
import type { AuthService } from '../auth/auth-service.ts';
import type { AdminRouteDeps } from '../context.ts';
import { toTimestamp, toTimestampOrNull } from '../../protocol/timestamps.ts';
import { handle } from '../handle-route.ts';
import { quotaInfo } from '../users/quotas.ts';
import { listAdminUsers, listAuditLog, toAdminUserEntry, toAuditLogEntry } from './admin-lists.ts';

const DAY = 24 * 3600 * 1000;

export function registerAdminRoutes(ctx: AdminRouteDeps, auth: AuthService, outcomes: OutcomesRepository): void {
  const { router } = ctx;
  const loadUser = async (id: string): Promise<UserRecord> => {
    const user = isUuid(id) ? await ctx.users.findById(id) : undefined;
    if (!user) throw new AppError('USER_NOT_FOUND', 'No such user.');
    return user;
  };
  const detail = async (user: UserRecord): Promise<AdminUserDetail> => ({
    ...toAdminUserEntry(user),
    banReason: user.banReason,
    bannedAt: toTimestampOrNull(user.bannedAt),
    sessionCount: await ctx.rooms.sessionsCompleted(user.id),
    activeRoomId: (await ctx.rooms.activeRoomOf(user.id))?.id ?? null,
    quotas: await quotaInfo(ctx.mode, user.id, ctx.audit, outcomes, ctx.ai),
    recentAudit: (await ctx.audit.recentForUser(user.id, 20)).map(toAuditLogEntry),
  });

  handle(router, 'GET /v1/admin/stats', async (req) => {
    await ctx.auth.requireAdmin(req);
    const now = Date.now();
    const executions = await outcomes.countSince(now - DAY);
    const collab = await ctx.collab.health().catch(() => undefined);
    const body: AdminDashboard = {
      generatedAt: toTimestamp(now),
      users: await ctx.users.counts(now),
      rooms: await ctx.rooms.dashboard(now),
      executions: {
        runsLast24h: executions.runs,
        submissionsLast24h: executions.submissions,
        averageQueueMs: (await ctx.execution.queueStats(now - DAY)).averageQueueMs,
      },
      ai: aiStats(await ctx.ai.statsSince(now - DAY)),
      collab: { documents: collab?.documentsLoaded ?? 0, connections: collab?.connections ?? 0 },
    };
    return { status: 200, body };
  });

  handle(router, 'GET /v1/admin/users', async (req, { query }) => {
    await ctx.auth.requireAdmin(req);
    return { status: 200, body: await listAdminUsers(ctx.sql, ctx.cursors, query()) };
  });

  handle(router, 'GET /v1/admin/users/:userId', async (req, { params }) => {
    await ctx.auth.requireAdmin(req);
    return { status: 200, body: await detail(await loadUser(params.userId)) };
  });

  handle(router, 'PATCH /v1/admin/users/:userId', async (req, { params, body }) => {
    const admin = await ctx.auth.requireAdmin(req);
    const target = await loadUser(params.userId);
    const patch = body();
    const changesRole = patch.role !== undefined && patch.role !== target.role;
    if (target.id === admin.id && (changesRole || patch.banned === true)) {
      throw new AppError('ADMIN_SELF_MODIFICATION', 'Administrators cannot ban themselves or change their own role.');
    }
    const now = Date.now();
    if (changesRole) await ctx.users.setRole(target.id, patch.role!, now);
    if (patch.banned === true) {
      await ctx.users.setBan(target.id, patch.banReason!, now);
      await auth.revokeAllSessions(target.id, 'banned');
      await ctx.rooms.kickFromAllRooms(target.id, admin.id);
    } else if (patch.banned === false && target.bannedAt !== null) {
      await ctx.users.setBan(target.id, null, now);
    }
    await ctx.audit.record('admin.user-updated', {
      actorId: admin.id, actorType: 'admin', targetType: 'user', targetId: target.id, ip: req.ip, details: { ...patch },
    });
    return { status: 200, body: await detail((await ctx.users.findById(target.id))!) };
  });

  handle(router, 'GET /v1/admin/rooms', async (req, { query }) => {
    await ctx.auth.requireAdmin(req);
    const { limit, cursor, status, mode } = query();
    const page = await ctx.rooms.listForAdmin({ status, mode }, { limit, cursor });
    return { status: 200, body: page };
  });

  handle(router, 'POST /v1/admin/rooms/:roomId/close', async (req, { params, body }) => {
    const admin = await ctx.auth.requireAdmin(req);
    const roomId = params.roomId;
    if (!isUuid(roomId) || !(await ctx.rooms.hasRoom(roomId))) throw new AppError('ROOM_NOT_FOUND', 'No such room.');
    const { reason } = body();
    await ctx.rooms.forceClose(roomId, { actorId: admin.id, reason, ip: req.ip });
    return { status: 204 };
  });

  handle(router, 'GET /v1/admin/audit-logs', async (req, { query }) => {
    await ctx.auth.requireAdmin(req);
    return { status: 200, body: await listAuditLog(ctx.sql, ctx.cursors, query()) };
  });
}

function aiStats(stats: { requests: number; failures: number }): AdminDashboard['ai'] {
  return { requestsLast24h: stats.requests, failuresLast24h: stats.failures };
}
