// Admin routes (UserRole admin).
import { zPage } from '../common.ts';
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
} from '../admin.ts';
import { zAdminRoomEntry } from '../room-summary.ts';
import { defineRoutes } from './route-spec.ts';

const tag = 'admin';

export const adminRoutes = defineRoutes({
  'GET /v1/admin/stats': { tag, summary: 'System overview', status: 200, response: zAdminDashboard },
  'GET /v1/admin/users': { tag, summary: 'Users, newest first', query: zAdminUsersQuery, status: 200, response: zPage(zAdminUserEntry) },
  'GET /v1/admin/users/:userId': { tag, summary: 'User detail', status: 200, response: zAdminUserDetail, errors: ['USER_NOT_FOUND'] },
  'PATCH /v1/admin/users/:userId': {
    tag, summary: 'Ban, unban or change the role of a user', body: zAdminUserPatch, status: 200, response: zAdminUserDetail,
    errors: ['USER_NOT_FOUND', 'ADMIN_SELF_MODIFICATION'],
  },
  'GET /v1/admin/rooms': { tag, summary: 'Rooms, newest first', query: zAdminRoomsQuery, status: 200, response: zPage(zAdminRoomEntry) },
  'POST /v1/admin/rooms/:roomId/close': {
    tag, summary: 'Force-close a room', body: zAdminCloseRoomBody, status: 204, errors: ['ROOM_NOT_FOUND', 'ROOM_CLOSED'],
  },
  'GET /v1/admin/audit-logs': { tag, summary: 'Audit log, newest first', query: zAuditLogQuery, status: 200, response: zPage(zAuditLogEntry) },
});
