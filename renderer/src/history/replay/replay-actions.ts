// Reads a session's replay log: every page of GET /v1/sessions/:id/replay/:doc, following `nextAfter` (in the
// desktop app also cached for offline reading).
import type { CollabDoc } from '../../../../server/protocol/index.ts';
import type { ApiClient } from '../../api/api-client.ts';
import type { ReplayUpdate } from '../../api/types.ts';
import { withHistoryCache } from '../history-cache.ts';

const PAGE = 5000;

/** Every accepted update of `doc`; `onPage` hears of each page's last update (progress through long sessions). */
export function readReplayLog(api: ApiClient, sessionId: string, doc: CollabDoc, onPage: (last: ReplayUpdate) => void, signal: AbortSignal): Promise<ReplayUpdate[]> {
  return withHistoryCache(api, sessionId, doc === 'code' ? 'replay-code' : 'replay-whiteboard', async () => {
    const items: ReplayUpdate[] = [];
    let after: number | null = 0;
    while (after !== null) {
      if (signal.aborted) throw signal.reason;
      const page: { items: ReplayUpdate[]; nextAfter: number | null } = await api.call('GET /v1/sessions/:sessionId/replay/:doc', { sessionId, doc }, { after, limit: PAGE });
      items.push(...page.items);
      if (page.items.length) onPage(page.items[page.items.length - 1]!);
      after = page.nextAfter;
    }
    return items;
  });
}
