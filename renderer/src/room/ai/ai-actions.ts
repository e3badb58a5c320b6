// The room's AI calls: the conversation with the AI interviewer (history, send, the streamed reply, stop),
// hints, code reviews, and the caller's weaknesses across sessions.
import type { RouteBody } from '../../../../server/protocol/api/routes/index.ts';
import type { ApiClient } from '../../api/api-client.ts';

export type AiActions = ReturnType<typeof aiActions>;

export function aiActions(api: ApiClient, roomId: string) {
  const room = { roomId };
  const job = (jobId: string) => ({ roomId, jobId });
  return {
    history: (cursor?: string) => api.call('GET /v1/rooms/:roomId/ai/messages', room, { limit: 100, ...(cursor ? { cursor } : {}) }),
    send: (body: RouteBody<'POST /v1/rooms/:roomId/ai/messages'>) => api.call('POST /v1/rooms/:roomId/ai/messages', room, body),
    message: (jobId: string) => api.call('GET /v1/rooms/:roomId/ai/messages/:jobId', job(jobId)),
    /** The reply as it is generated (text/event-stream). */
    stream: (jobId: string, signal: AbortSignal) => api.stream(signal, 'GET /v1/rooms/:roomId/ai/messages/:jobId/stream', job(jobId)),
    cancel: (jobId: string) => api.call('POST /v1/rooms/:roomId/ai/messages/:jobId/cancel', job(jobId)),
    hint: (body: RouteBody<'POST /v1/rooms/:roomId/ai/hints'>) => api.call('POST /v1/rooms/:roomId/ai/hints', room, body),
    review: (body: RouteBody<'POST /v1/rooms/:roomId/ai/reviews'>) => api.call('POST /v1/rooms/:roomId/ai/reviews', room, body),
    weaknesses: () => api.call('GET /v1/rooms/:roomId/ai/weaknesses', room),
  };
}
