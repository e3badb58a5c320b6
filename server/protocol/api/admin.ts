// Admin schemas: the /v1/admin endpoints (users, rooms, audit log) and their entries.
import * as z from 'zod';
import { zLimit, zQueryBoolean, zRoomMode, zRoomStatus, zTimestamp, zUserRole, zUuid } from './common.ts';
import { zQuotaInfo } from './users.ts';

const count = z.number().int();

export const zAdminDashboard = z.object({
  generatedAt: zTimestamp,
  users: z.object({ total: count, banned: count, activeLast24h: count, newLast7d: count }),
  rooms: z.object({
    active: count,
    createdLast24h: count,
    byStatus: z.object({ waiting: count, warmup: count, coding: count, wrapup: count, finished: count }),
  }),
  executions: z.object({ runsLast24h: count, submissionsLast24h: count, averageQueueMs: count }),
  ai: z.object({ requestsLast24h: count, failuresLast24h: count }),
  collab: z.object({ documents: count, connections: count }),
});
export type AdminDashboard = z.infer<typeof zAdminDashboard>;

export const zAuditLogEntry = z.object({
  id: zUuid,
  at: zTimestamp,
  actorId: zUuid.nullable(),
  actorType: z.enum(['user', 'admin', 'system']),
  action: z.string(),
  targetType: z.enum(['user', 'room', 'problem', 'session']).nullable(),
  targetId: z.string().nullable(),
  ip: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
});
export type AuditLogEntry = z.infer<typeof zAuditLogEntry>;

export const zAdminUserEntry = z.object({
  id: zUuid,
  email: z.email(),
  displayName: z.string(),
  role: zUserRole,
  banned: z.boolean(),
  createdAt: zTimestamp,
  lastLoginAt: zTimestamp.nullable(),
  deletedAt: zTimestamp.nullable(),
});
export type AdminUserEntry = z.infer<typeof zAdminUserEntry>;

export const zAdminUserDetail = zAdminUserEntry.extend({
  banReason: z.string().nullable(),
  bannedAt: zTimestamp.nullable(),
  sessionCount: count,
  activeRoomId: zUuid.nullable(),
  quotas: zQuotaInfo,
  recentAudit: z.array(zAuditLogEntry),
});
export type AdminUserDetail = z.infer<typeof zAdminUserDetail>;

export const zAdminUsersQuery = z.object({
  q: z.string().optional(),
  role: zUserRole.optional(),
  banned: zQueryBoolean.optional(),
  deleted: zQueryBoolean.optional(),
  limit: zLimit(),
  cursor: z.string().min(1).optional(),
});

export const zAdminUserPatch = z
  .object({
    role: zUserRole.optional(),
    banned: z.boolean().optional(),
    banReason: z.string().min(1).max(500).optional(),
  })
  .refine((b) => b.banned !== true || b.banReason !== undefined, { path: ['banReason'], message: 'is required when banned is true' });

export const zAdminRoomsQuery = z.object({
  status: zRoomStatus.optional(),
  mode: zRoomMode.optional(),
  limit: zLimit(),
  cursor: z.string().min(1).optional(),
});

export const zAdminCloseRoomBody = z.object({ reason: z.string().min(1).max(500) });

export const zAuditLogQuery = z.object({
  actorId: zUuid.optional(),
  action: z.string().optional(),
  targetType: z.string().optional(),
  targetId: z.string().optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  limit: zLimit(),
  cursor: z.string().min(1).optional(),
});
