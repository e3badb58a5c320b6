// RoomSummary: used by GET /v1/rooms (rooms routes) and by
// GET /v1/users/me/active-room, so it lives on its own; import it rather than redefining it.
import * as z from 'zod';
import { zRoomMode, zRoomRole, zRoomStatus, zTimestamp, zUuid } from './common.ts';

export const zRoomSummary = z.object({
  id: zUuid,
  name: z.string(),
  mode: zRoomMode,
  status: zRoomStatus,
  hostId: zUuid,
  participantCount: z.number().int(),
  problemTitle: z.string().nullable(),
  myRole: zRoomRole.nullable(),
  createdAt: zTimestamp,
  updatedAt: zTimestamp,
});
export type RoomSummary = z.infer<typeof zRoomSummary>;

/** AdminRoomEntry (GET /v1/admin/rooms). */
export const zAdminRoomEntry = z.object({
  id: zUuid,
  name: z.string(),
  mode: zRoomMode,
  status: zRoomStatus,
  hostId: zUuid,
  hostName: z.string(),
  participantCount: z.number().int(),
  createdAt: zTimestamp,
  lastActivityAt: zTimestamp,
});
export type AdminRoomEntry = z.infer<typeof zAdminRoomEntry>;
