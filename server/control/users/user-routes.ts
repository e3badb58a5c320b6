// Users routes (/v1/users).
import { AppError } from '../../protocol/index.ts';
import { isUuid } from '../../protocol/api/common.ts';
import { zUserProfile } from '../../protocol/api/auth.ts';
import {
  zActiveRoom,
  zAvatarUpload,
  zAvatarUploadBody,
  zDeleteMeBody,
  zPatchMeBody,
  zPublicProfile,
  zQuotaInfo,
  zStatsQuery,
  zTrainingStats,
} from '../../protocol/api/users.ts';
import type { OutcomesRepository } from '../../storage/control/outcomes-repository.ts';
import type { AuthService } from '../auth/auth-service.ts';
import type { UserRouteDeps } from '../context.ts';
import { toTimestamp } from '../../protocol/timestamps.ts';
import { parseBody, parseQuery, validationFailed } from '../../protocol/validation.ts';
import { defineRoute } from '../route-docs.ts';
import { quotaInfo } from './quotas.ts';
import { buildTrainingStats } from './training-stats.ts';
import { toUserProfile } from './user-views.ts';

const STATS_DEFAULT_RANGE_MS = 30 * 24 * 3600 * 1000;

export function registerUserRoutes(ctx: UserRouteDeps, auth: AuthService, outcomes: OutcomesRepository): void {
  const { router, docs } = ctx;
  const tag = 'users';
  defineRoute(router, docs, 'GET', '/v1/users/me', { summary: 'My profile', tag, response: zUserProfile }, async (req) => {
    const user = await ctx.auth.requireUser(req);
    return { status: 200, body: toUserProfile(ctx.users.findById(user.id)!) };
  });

  defineRoute(router, docs, 'PATCH', '/v1/users/me', {
    summary: 'Update my profile', tag, body: zPatchMeBody, response: zUserProfile, errors: ['VALIDATION_FAILED'],
  }, async (req) => {
    const user = await ctx.auth.requireUser(req);
    const patch = parseBody(zPatchMeBody, req.body);
    // Only URLs returned by the avatar upload are accepted, and this deployment has no upload storage.
    if (patch.avatarUrl !== undefined && patch.avatarUrl !== null) {
      throw validationFailed([{ path: 'avatarUrl', message: 'must be null or a URL returned by the avatar upload' }]);
    }
    ctx.users.updateProfile(user.id, patch, Date.now());
    return { status: 200, body: toUserProfile(ctx.users.findById(user.id)!) };
  });

  defineRoute(router, docs, 'DELETE', '/v1/users/me', {
    summary: 'Delete my account (soft delete)', tag, body: zDeleteMeBody, status: 204, errors: ['AUTH_WRONG_PASSWORD'],
  }, async (req) => {
    const user = await ctx.auth.requireUser(req);
    const { password } = parseBody(zDeleteMeBody, req.body);
    await auth.checkPassword(user.id, password);
    await ctx.rooms.leaveAllRooms(user.id);
    ctx.users.softDelete(user.id, Date.now());
    auth.revokeAllSessions(user.id, 'account-deleted');
    ctx.audit.record('user.deleted', { actorId: user.id, targetType: 'user', targetId: user.id, ip: req.ip });
    return { status: 204 };
  });

  defineRoute(router, docs, 'POST', '/v1/users/me/avatar', {
    summary: 'Presigned avatar upload (503 without object storage)', tag, body: zAvatarUploadBody, response: zAvatarUpload,
    errors: ['ROOM_MEDIA_UNAVAILABLE'],
  }, async (req) => {
    await ctx.auth.requireUser(req);
    parseBody(zAvatarUploadBody, req.body);
    // docs/spec-deviations.md: no storage service is configured; ROOM_MEDIA_UNAVAILABLE is the taxonomy's
    // code for the missing media/object-storage backend.
    throw new AppError('ROOM_MEDIA_UNAVAILABLE', 'Avatar uploads need object storage, which this deployment does not have.');
  });

  defineRoute(router, docs, 'GET', '/v1/users/me/quotas', { summary: 'My plan quotas and usage', tag, response: zQuotaInfo }, async (req) => {
    const user = await ctx.auth.requireUser(req);
    return { status: 200, body: quotaInfo(ctx.mode, user.id, ctx.db, outcomes) };
  });

  defineRoute(router, docs, 'GET', '/v1/users/me/active-room', {
    summary: 'The room to reconnect to', tag, response: zActiveRoom,
  }, async (req) => {
    const user = await ctx.auth.requireUser(req);
    return { status: 200, body: { room: ctx.rooms.activeRoomOf(user.id) } };
  });

  defineRoute(router, docs, 'GET', '/v1/users/me/stats', {
    summary: 'Training statistics time series', tag, query: zStatsQuery, response: zTrainingStats, errors: ['VALIDATION_FAILED'],
  }, async (req) => {
    const user = await ctx.auth.requireUser(req);
    const query = parseQuery(zStatsQuery, req.query);
    const now = Date.now();
    const to = query.to ? Date.parse(query.to) : now;
    const from = query.from ? Date.parse(query.from) : now - STATS_DEFAULT_RANGE_MS;
    const range = { from, to, bucket: query.bucket ?? 'day' };
    const sessions = ctx.rooms.finishedSessionsOf(user.id, from, to);
    return { status: 200, body: buildTrainingStats(range, sessions, outcomes.ofUser(user.id, from, to)) };
  });

  defineRoute(router, docs, 'GET', '/v1/users/:userId', {
    summary: 'Public profile', tag, response: zPublicProfile, errors: ['USER_NOT_FOUND'],
  }, async (req) => {
    const caller = await ctx.auth.requireUser(req);
    const id = req.params.userId!;
    const target = isUuid(id) ? ctx.users.findById(id) : undefined;
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
          sessionsCompleted: ctx.rooms.sessionsCompleted(target.id),
          problemsSolved: outcomes.problemsSolvedCount(target.id),
        },
      },
    };
  });
}
