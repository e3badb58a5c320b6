// Users routes: my profile, account, quotas, active room and statistics; public profiles.
import { AppError } from '../../protocol/index.ts';
import { isUuid } from '../../protocol/api/common.ts';
import type { OutcomesRepository } from '../../storage/control/outcomes-repository.ts';
import type { AuthService } from '../auth/auth-service.ts';
import type { UserRouteDeps } from '../context.ts';
import { toTimestamp } from '../../protocol/timestamps.ts';
import { handle } from '../handle-route.ts';
import { validationFailed } from '../../protocol/validation.ts';
import { quotaInfo } from './quotas.ts';
import { buildTrainingStats } from './training-stats.ts';
import { toUserProfile } from './user-views.ts';

const STATS_DEFAULT_RANGE_MS = 30 * 24 * 3600 * 1000;

export function registerUserRoutes(ctx: UserRouteDeps, auth: AuthService, outcomes: OutcomesRepository): void {
  const { router } = ctx;
  handle(router, 'GET /v1/users/me', async (req) => {
    const user = await ctx.auth.requireUser(req);
    return { status: 200, body: toUserProfile((await ctx.users.findById(user.id))!) };
  });

  handle(router, 'PATCH /v1/users/me', async (req, { body }) => {
    const user = await ctx.auth.requireUser(req);
    const patch = body();
    // Only URLs returned by the avatar upload are accepted, and this deployment has no upload storage.
    if (patch.avatarUrl !== undefined && patch.avatarUrl !== null) {
      throw validationFailed([{ path: 'avatarUrl', message: 'must be null or a URL returned by the avatar upload' }]);
    }
    await ctx.users.updateProfile(user.id, patch, Date.now());
    return { status: 200, body: toUserProfile((await ctx.users.findById(user.id))!) };
  });

  handle(router, 'DELETE /v1/users/me', async (req, { body }) => {
    const user = await ctx.auth.requireUser(req);
    const { password } = body();
    await auth.checkPassword(user.id, password);
    await ctx.rooms.leaveAllRooms(user.id);
    await ctx.users.softDelete(user.id, Date.now());
    await auth.revokeAllSessions(user.id, 'account-deleted');
    await ctx.audit.record('user.deleted', { actorId: user.id, targetType: 'user', targetId: user.id, ip: req.ip });
    return { status: 204 };
  });

  handle(router, 'POST /v1/users/me/avatar', async (req, { body }) => {
    await ctx.auth.requireUser(req);
    body();
    // docs/spec-deviations.md: no storage service is configured; ROOM_MEDIA_UNAVAILABLE is the taxonomy's
    // code for the missing media/object-storage backend.
    throw new AppError('ROOM_MEDIA_UNAVAILABLE', 'Avatar uploads need object storage, which this deployment does not have.');
  });

  handle(router, 'GET /v1/users/me/quotas', async (req) => {
    const user = await ctx.auth.requireUser(req);
    return { status: 200, body: await quotaInfo(ctx.mode, user.id, ctx.audit, outcomes, ctx.ai) };
  });

  handle(router, 'GET /v1/users/me/active-room', async (req) => {
    const user = await ctx.auth.requireUser(req);
    return { status: 200, body: { room: await ctx.rooms.activeRoomOf(user.id) } };
  });

  handle(router, 'GET /v1/users/me/stats', async (req, input) => {
    const user = await ctx.auth.requireUser(req);
    const query = input.query();
    const now = Date.now();
    const to = query.to ? Date.parse(query.to) : now;
    const from = query.from ? Date.parse(query.from) : now - STATS_DEFAULT_RANGE_MS;
    const range = { from, to, bucket: query.bucket ?? 'day' };
    const sessions = await ctx.rooms.finishedSessionsOf(user.id, from, to);
    return { status: 200, body: buildTrainingStats(range, sessions, await outcomes.ofUser(user.id, from, to)) };
  });

  handle(router, 'GET /v1/users/:userId', async (req, { params }) => {
    const caller = await ctx.auth.requireUser(req);
    const id = params.userId;
    const target = isUuid(id) ? await ctx.users.findById(id) : undefined;
    if (!target || target.deletedAt !== null || (target.bannedAt !== null && caller.role !== 'admin')) {
      throw new AppError('USER_NOT_FOUND', 'No such user.');
    }
    return {
      status: 200,
      body: {
        id: target.id,
        displayName: target.displayName,
        avatarUrl: target.avatarUrl,
        bio: target.bio,
        createdAt: toTimestamp(target.createdAt),
        stats: {
          sessionsCompleted: await ctx.rooms.sessionsCompleted(target.id),
          problemsSolved: await outcomes.problemsSolvedCount(target.id),
        },
      },
    };
  });
}
