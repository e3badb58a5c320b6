// POST /v1/rooms/:roomId/media/token: a LiveKit access token for the room (room name = roomId, identity = userId).
// Spectators subscribe only. Without LiveKit options the endpoint answers 503 ROOM_MEDIA_UNAVAILABLE.
import { AccessToken } from 'livekit-server-sdk';
import { AppError } from '../../protocol/index.ts';
import type { MediaToken } from '../../protocol/api/rooms.ts';
import type { AuthUser } from '../auth/authenticate.ts';
import { toTimestamp } from '../../protocol/timestamps.ts';
import { ANY_ROLE, allow, requireOpen, roomAccess } from './room-access.ts';
import type { RoomDeps } from './room-deps.ts';

const MEDIA_TOKEN_TTL_SECONDS = 60 * 60;

export async function mediaToken(d: RoomDeps, user: AuthUser, roomId: string | undefined): Promise<MediaToken> {
  const access = await roomAccess(d.engine, roomId, user);
  allow(access, { roles: ANY_ROLE });
  requireOpen(access.room);
  const livekit = d.livekit;
  if (!livekit) throw new AppError('ROOM_MEDIA_UNAVAILABLE', 'Audio and video are not configured on this server.');
  const canPublish = access.role !== 'spectator';
  const at = new AccessToken(livekit.apiKey, livekit.apiSecret, {
    identity: user.id,
    name: user.displayName,
    ttl: MEDIA_TOKEN_TTL_SECONDS,
  });
  at.addGrant({ room: access.room.id, roomJoin: true, canSubscribe: true, canPublish, canPublishData: canPublish });
  const token = await at.toJwt();
  return {
    token,
    url: livekit.url,
    roomName: access.room.id,
    identity: user.id,
    canPublish,
    expiresAt: toTimestamp(Date.now() + MEDIA_TOKEN_TTL_SECONDS * 1000),
  };
}
