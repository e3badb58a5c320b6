// Routes of areas whose backing service this deployment does not have. When a feature's backing service
// is not configured, its endpoints answer 503 with that area's *_UNAVAILABLE code. They authenticate first
// and check the room exists (authentication → not found → the rest), so the API surface is complete and
// honest: every endpoint exists and says why it cannot serve. Their request and response schemas are in
// the route map, for the implementations that will replace these handlers.
import { AppError, type ErrorCode } from '../../protocol/index.ts';
import { isUuid } from '../../protocol/api/common.ts';
import type { RouteKey } from '../../protocol/api/routes/index.ts';
import type { UnavailableRouteDeps } from '../context.ts';
import { handle } from '../handle-route.ts';

const UNAVAILABLE: [ErrorCode, string, RouteKey[]][] = [
  ['ROOM_MEDIA_UNAVAILABLE', 'Recording needs LiveKit, which this server does not have.', [
    'POST /v1/rooms/:roomId/media/consent',
    'POST /v1/rooms/:roomId/media/recording/start',
    'POST /v1/rooms/:roomId/media/recording/stop',
  ]],
  ['MATCH_UNAVAILABLE', 'Matchmaking is not offered by this server.', [
    'POST /v1/matchmaking/queue',
    'DELETE /v1/matchmaking/queue',
    'GET /v1/matchmaking/status',
    'POST /v1/matchmaking/matches/:matchId/accept',
    'POST /v1/matchmaking/matches/:matchId/decline',
  ]],
];

export function registerUnavailableRoutes(ctx: UnavailableRouteDeps): void {
  for (const [code, message, keys] of UNAVAILABLE) {
    for (const key of keys) {
      handle(ctx.router, key, async (req) => {
        await ctx.auth.requireUser(req);
        const roomId = req.params.roomId;
        if (roomId !== undefined && !(isUuid(roomId) && (await ctx.rooms.hasRoom(roomId)))) {
          throw new AppError('ROOM_NOT_FOUND', 'No such room.');
        }
        throw new AppError(code, message);
      });
    }
  }
}
