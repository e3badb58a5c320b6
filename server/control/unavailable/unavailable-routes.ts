// Routes of areas whose backing service this deployment does not have: when a feature's backing service is
// not configured, its endpoints answer 503 with that area's *_UNAVAILABLE code. They authenticate first and
// check the room exists (not found before unavailable), so the API surface is complete
// and honest: every endpoint exists and says why it cannot serve.
import { AppError, type ErrorCode } from '../../protocol/index.ts';
import { isUuid } from '../../protocol/api/common.ts';
import type { ApiContext } from '../../http/api-context.ts';
import type { UnavailableRouteDeps } from '../context.ts';
import { defineRoute, type RouteDoc } from '../route-docs.ts';

type Method = 'GET' | 'POST' | 'DELETE';

const AI: [Method, string, string][] = [
  ['POST', '/v1/rooms/:roomId/ai/messages', 'Message the AI interviewer'],
  ['GET', '/v1/rooms/:roomId/ai/messages', 'AI conversation history'],
  ['GET', '/v1/rooms/:roomId/ai/messages/:jobId', 'Poll an AI message job'],
  ['POST', '/v1/rooms/:roomId/ai/hints', 'Request a hint'],
  ['GET', '/v1/rooms/:roomId/ai/hints/:jobId', 'Poll a hint job'],
  ['POST', '/v1/rooms/:roomId/ai/reviews', 'Request a code review'],
  ['GET', '/v1/rooms/:roomId/ai/reviews/:jobId', 'Poll a review job'],
  ['GET', '/v1/rooms/:roomId/ai/weaknesses', 'Cross-session weaknesses'],
];
const ANALYSIS: [Method, string, string][] = [
  ['POST', '/v1/rooms/:roomId/analysis', 'Start static analysis'],
  ['GET', '/v1/rooms/:roomId/analysis/:jobId', 'Poll static analysis'],
];
const MEDIA: [Method, string, string][] = [
  ['POST', '/v1/rooms/:roomId/media/consent', 'Recording consent'],
  ['POST', '/v1/rooms/:roomId/media/recording/start', 'Start recording'],
  ['POST', '/v1/rooms/:roomId/media/recording/stop', 'Stop recording'],
];
const MATCHMAKING: [Method, string, string][] = [
  ['POST', '/v1/matchmaking/queue', 'Enter the matchmaking queue'],
  ['DELETE', '/v1/matchmaking/queue', 'Leave the matchmaking queue'],
  ['GET', '/v1/matchmaking/status', 'Matchmaking status'],
  ['POST', '/v1/matchmaking/matches/:matchId/accept', 'Accept a match'],
  ['POST', '/v1/matchmaking/matches/:matchId/decline', 'Decline a match'],
];

const MESSAGES: Partial<Record<ErrorCode, string>> = {
  AI_UNAVAILABLE: 'No AI provider is configured on this server.',
  EXEC_UNAVAILABLE: 'No static analyzer is available on this server.',
  ROOM_MEDIA_UNAVAILABLE: 'Recording needs LiveKit, which this server does not have.',
  MATCH_UNAVAILABLE: 'Matchmaking is not offered by this server.',
};

export function registerUnavailableRoutes(ctx: UnavailableRouteDeps): void {
  const register = (routes: [Method, string, string][], tag: string, code: ErrorCode): void => {
    for (const [method, pattern, summary] of routes) {
      const doc: RouteDoc = { summary: `${summary} (503 ${code} in this deployment)`, tag, status: 503, errors: [code] };
      defineRoute(ctx.router, ctx.docs, method, pattern, doc, async (req: ApiContext) => {
        await ctx.auth.requireUser(req);
        const roomId = req.params.roomId;
        if (roomId !== undefined && !(isUuid(roomId) && ctx.rooms.hasRoom(roomId))) {
          throw new AppError('ROOM_NOT_FOUND', 'No such room.');
        }
        throw new AppError(code, MESSAGES[code] ?? 'This feature is not available on this server.');
      });
    }
  };
  register(AI, 'ai', 'AI_UNAVAILABLE');
  register(ANALYSIS, 'analysis', 'EXEC_UNAVAILABLE');
  register(MEDIA, 'media', 'ROOM_MEDIA_UNAVAILABLE');
  register(MATCHMAKING, 'matchmaking', 'MATCH_UNAVAILABLE');
}
