// Admin routes (/v1/admin). The whole /v1/admin area is the protected resource: ADMIN_FORBIDDEN is checked
// before any path lookup, so non-admins cannot probe which user or room ids exist.
import { AppError } from '../../protocol/index.ts';
import { isUuid, zPage } from '../../protocol/api/common.ts';
import {
  zAdminCloseRoomBody,
  zAdminDashboard,
  zAdminRoomsQuery,
  zAdminUserDetail,
  zAdminUserEntry,
  zAdminUserPatch,
  zAdminUsersQuery,
  zAuditLogEntry,
  zAuditLogQuery,
  type AdminDashboard,
  type AdminUserDetail,
} from '../../protocol/api/admin.ts';
import { zAdminRoomEntry } from '../../protocol/api/room-summary.ts';
import type { OutcomesRepository } from '../../storage/control/outcomes-repository.ts';
import type { UserRecord } from '../../storage/control/users-repository.ts';
import type { AuthService } from '../auth/auth-service.ts';
import type { AdminRouteDeps } from '../context.ts';
import { toTimestamp, toTimestampOrNull } from '../../protocol/timestamps.ts';
import { parseBody, parseQuery } from '../../protocol/validation.ts';
import { defineRoute } from '../route-docs.ts';
import { quotaInfo } from '../users/quotas.ts';
import { listAdminUsers, listAuditLog, toAdminUserEntry, toAuditLogEntry } from './admin-lists.ts';

const DAY = 24 * 3600 * 1000;

export function registerAdminRoutes(ctx: AdminRouteDeps, auth: AuthService, outcomes: OutcomesRepository): void {
  const { router, docs } = ctx;
  const tag = 'admin';
  const loadUser = (id: string): UserRecord => {
    const user = isUuid(id) ? ctx.users.findById(id) : undefined;
    if (!user) throw new AppError('USER_NOT_FOUND', 'No such user.');
    return user;
  };
  const detail = (user: UserRecord): AdminUserDetail => ({
    ...toAdminUserEntry(user),
    banReason: user.banReason,
    bannedAt: toTimestampOrNull(user.bannedAt),
    sessionCount: ctx.rooms.sessionsCompleted(user.id),
    activeRoomId: ctx.rooms.activeRoomOf(user.id)?.id ?? null,
    quotas: quotaInfo(ctx.mode, user.id, ctx.db, outcomes),
    recentAudit: ctx.audit.recentForUser(user.id, 20).map(toAuditLogEntry),
  });

  defineRoute(router, docs, 'GET', '/v1/admin/stats', { summary: 'System overview', tag, response: zAdminDashboard }, async (req) => {
    await ctx.auth.requireAdmin(req);
    const now = Date.now();
    const executions = outcomes.countSince(now - DAY);
    const collab = await ctx.collab.health().catch(() => undefined);
    const body: AdminDashboard = {
      generatedAt: toTimestamp(now),
      users: ctx.users.counts(now),
      rooms: ctx.rooms.dashboard(now),
      executions: {
        runsLast24h: executions.runs,
        submissionsLast24h: executions.submissions,
        averageQueueMs: ctx.execution.queueStats(now - DAY).averageQueueMs,
      },
      ai: { requestsLast24h: 0, failuresLast24h: 0 },
      collab: { documents: collab?.documentsLoaded ?? 0, connections: collab?.connections ?? 0 },
    };
    return { status: 200, body };
  });

  defineRoute(router, docs, 'GET', '/v1/admin/users', {
    summary: 'Users, newest first', tag, query: zAdminUsersQuery, response: zPage(zAdminUserEntry),
  }, async (req) => {
    await ctx.auth.requireAdmin(req);
    return { status: 200, body: listAdminUsers(ctx.db, ctx.cursors, parseQuery(zAdminUsersQuery, req.query)) };
  });

  defineRoute(router, docs, 'GET', '/v1/admin/users/:userId', {
    summary: 'User detail', tag, response: zAdminUserDetail, errors: ['USER_NOT_FOUND'],
  }, async (req) => {
    await ctx.auth.requireAdmin(req);
    return { status: 200, body: detail(loadUser(req.params.userId!)) };
  });

  defineRoute(router, docs, 'PATCH', '/v1/admin/users/:userId', {
    summary: 'Ban, unban or change the role of a user', tag, body: zAdminUserPatch, response: zAdminUserDetail,
    errors: ['USER_NOT_FOUND', 'ADMIN_SELF_MODIFICATION'],
  }, async (req) => {
    const admin = await ctx.auth.requireAdmin(req);
    const target = loadUser(req.params.userId!);
    const patch = parseBody(zAdminUserPatch, req.body);
    const changesRole = patch.role !== undefined && patch.role !== target.role;
    if (target.id === admin.id && (changesRole || patch.banned === true)) {
      throw new AppError('ADMIN_SELF_MODIFICATION', 'Administrators cannot ban themselves or change their own role.');
    }
    const now = Date.now();
    if (changesRole) ctx.users.setRole(target.id, patch.role!, now);
    if (patch.banned === true) {
      ctx.users.setBan(target.id, patch.banReason!, now);
      auth.revokeAllSessions(target.id, 'banned');
      await ctx.rooms.kickFromAllRooms(target.id, admin.id);
    } else if (patch.banned === false && target.bannedAt !== null) {
      ctx.users.setBan(target.id, null, now);
    }
    ctx.audit.record('admin.user-updated', {
      actorId: admin.id, actorType: 'admin', targetType: 'user', targetId: target.id, ip: req.ip, details: { ...patch },
    });
    return { status: 200, body: detail(ctx.users.findById(target.id)!) };
  });

  defineRoute(router, docs, 'GET', '/v1/admin/rooms', {
    summary: 'Rooms, newest first', tag, query: zAdminRoomsQuery, response: zPage(zAdminRoomEntry),
  }, async (req) => {
    await ctx.auth.requireAdmin(req);
    const { limit, cursor, status, mode } = parseQuery(zAdminRoomsQuery, req.query);
    const page = ctx.rooms.listForAdmin({ status, mode }, { limit, cursor });
    return { status: 200, body: page };
  });

  defineRoute(router, docs, 'POST', '/v1/admin/rooms/:roomId/close', {
    summary: 'Force-close a room', tag, body: zAdminCloseRoomBody, status: 204, errors: ['ROOM_NOT_FOUND', 'ROOM_CLOSED'],
  }, async (req) => {
    const admin = await ctx.auth.requireAdmin(req);
    const roomId = req.params.roomId!;
    if (!isUuid(roomId) || !ctx.rooms.hasRoom(roomId)) throw new AppError('ROOM_NOT_FOUND', 'No such room.');
    const { reason } = parseBody(zAdminCloseRoomBody, req.body);
    await ctx.rooms.forceClose(roomId, { actorId: admin.id, reason, ip: req.ip });
    return { status: 204 };
  });

  defineRoute(router, docs, 'GET', '/v1/admin/audit-logs', {
    summary: 'Audit log, newest first', tag, query: zAuditLogQuery, response: zPage(zAuditLogEntry),
  }, async (req) => {
    await ctx.auth.requireAdmin(req);
    return { status: 200, body: listAuditLog(ctx.db, ctx.cursors, parseQuery(zAuditLogQuery, req.query)) };
  });
}
