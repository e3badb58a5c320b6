// The lobby's REST calls: my rooms, creating a room, and the invite-code preview.
import type { RouteBody } from '../../../server/protocol/api/routes/index.ts';
import type { ApiClient } from '../api/api-client.ts';
import type { RoomDetail } from '../api/types.ts';
import { roomActions } from '../room/room-actions.ts';

export function listMyRooms(api: ApiClient) {
  return api.call('GET /v1/rooms', { limit: 20 });
}

/** Creates the room; a practice room has nobody to wait for, so it starts coding (and its timer) right away. */
export async function createRoom(api: ApiClient, body: RouteBody<'POST /v1/rooms'>): Promise<RoomDetail> {
  const room = await api.call('POST /v1/rooms', body);
  if (body.mode === 'practice') await roomActions(api, room.id).advancePhase('coding');
  return room;
}

export function lookupRoom(api: ApiClient, code: string) {
  return api.call('GET /v1/rooms/lookup/:code', { code });
}
