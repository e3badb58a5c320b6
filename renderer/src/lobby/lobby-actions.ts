// The lobby's REST calls: my rooms, creating and ending a room, and the invite-code preview.
import type { RouteBody } from '../../../server/protocol/api/routes/index.ts';
import type { ApiClient } from '../api/api-client.ts';
import type { RoomDetail } from '../api/types.ts';
import { aiActions } from '../room/ai/ai-actions.ts';
import { roomActions } from '../room/room-actions.ts';

export function listMyRooms(api: ApiClient, cursor: string | null) {
  return api.call('GET /v1/rooms', { limit: 20, ...(cursor ? { cursor } : {}) });
}

/** Creates the room; a practice room has nobody to wait for, so it starts coding (and its timer) right away. */
export async function createRoom(api: ApiClient, body: RouteBody<'POST /v1/rooms'>): Promise<RoomDetail> {
  const room = await api.call('POST /v1/rooms', body);
  if (body.mode === 'practice') await roomActions(api, room.id).advancePhase('coding');
  return room;
}

/** The host ends a room for good: everyone is disconnected and it becomes a finished session. */
export function endRoom(api: ApiClient, roomId: string) {
  return api.call('DELETE /v1/rooms/:roomId', { roomId });
}

export function lookupRoom(api: ApiClient, code: string) {
  return api.call('GET /v1/rooms/lookup/:code', { code });
}

/**
 * My weak spots across all my sessions. The endpoint lives under a room the caller is in (it is always
 * about the caller), so it is asked through my most recent practice room; null when I have none.
 */
export async function myWeaknesses(api: ApiClient) {
  const rooms = await api.call('GET /v1/rooms', { mode: 'practice', limit: 20 });
  const room = rooms.items.find((r) => r.myRole !== null);
  return room ? aiActions(api, room.id).weaknesses() : null;
}

/** The unfinished room I joined last and have not left (to offer the way back after a closed tab or a crash). */
export function myActiveRoom(api: ApiClient) {
  return api.call('GET /v1/users/me/active-room');
}
