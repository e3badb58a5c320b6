// The session history's REST calls: my sessions (and removing one from them), one session with its whole timeline
// and snapshots, the final whiteboard, and peer feedback.
import type { RouteBody } from '../../../server/protocol/api/routes/index.ts';
import type { ApiClient } from '../api/api-client.ts';
import { forgetCachedSession, withHistoryCache } from './history-cache.ts';

export function listSessions(api: ApiClient, cursor: string | null) {
  return api.call('GET /v1/sessions', { limit: 20, ...(cursor ? { cursor } : {}) });
}

/** Hides a finished session from my history (the other participants keep theirs), and drops its offline copy. */
export async function removeSession(api: ApiClient, sessionId: string): Promise<void> {
  await api.call('DELETE /v1/sessions/:sessionId', { sessionId });
  forgetCachedSession(api, sessionId);
}

/** Every page of a paged read (sessions are bounded: a few hundred events, tens of snapshots). */
async function allPages<T>(read: (cursor: string | undefined) => Promise<{ items: T[]; nextCursor: string | null }>): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | null = null;
  do {
    const page: { items: T[]; nextCursor: string | null } = await read(cursor ?? undefined);
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor && items.length < 2000);
  return items;
}

/** The session page's reads; in the desktop app cached for offline reading. */
export function loadSession(api: ApiClient, sessionId: string) {
  const session = { sessionId };
  return withHistoryCache(api, sessionId, 'session', async () => {
    const [detail, timeline, snapshots] = await Promise.all([
      api.call('GET /v1/sessions/:sessionId', session),
      allPages((cursor) => api.call('GET /v1/sessions/:sessionId/timeline', session, { limit: 500, cursor })),
      allPages((cursor) => api.call('GET /v1/sessions/:sessionId/snapshots', session, { limit: 50, cursor })),
    ]);
    return { detail, timeline, snapshots };
  });
}

export function getWhiteboard(api: ApiClient, sessionId: string) {
  return api.call('GET /v1/sessions/:sessionId/whiteboard', { sessionId }, { format: 'json' });
}

export function listSessionFeedback(api: ApiClient, sessionId: string) {
  return api.call('GET /v1/sessions/:sessionId/feedback', { sessionId });
}

export function giveFeedback(api: ApiClient, roomId: string, body: RouteBody<'POST /v1/rooms/:roomId/feedback'>) {
  return api.call('POST /v1/rooms/:roomId/feedback', { roomId }, body);
}

export function getReport(api: ApiClient, sessionId: string, userId?: string) {
  return api.call('GET /v1/sessions/:sessionId/report', { sessionId }, userId ? { userId } : {});
}

export function compareSessions(api: ApiClient, ids: readonly string[]) {
  return api.call('GET /v1/sessions/compare', { ids: ids.join(',') });
}

/** The whole AI conversation of one participant in a session (the caller's unless staff pass `userId`). */
export function loadAiHistory(api: ApiClient, sessionId: string, userId?: string) {
  return allPages((cursor) => api.call('GET /v1/sessions/:sessionId/ai-history', { sessionId }, { limit: 100, cursor, ...(userId ? { userId } : {}) }));
}

/** Practice over time, one point per day, week or month (UTC) from `from` until now. */
export function trainingStats(api: ApiClient, query: { from: string; bucket: 'day' | 'week' | 'month' }) {
  return api.call('GET /v1/users/me/stats', query);
}
