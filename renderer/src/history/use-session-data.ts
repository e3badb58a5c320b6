import { useEffect, useState } from 'react';
import type { CodeSnapshot } from '../../../server/protocol/index.ts';
import type { ApiClient } from '../api/api-client.ts';
import type { Page, SessionDetail, SessionEvent } from '../api/types.ts';

export interface SessionData {
  detail: SessionDetail;
  timeline: SessionEvent[];
  snapshots: CodeSnapshot[];
}

/** Every page of a paged endpoint (sessions are bounded: a few hundred events, tens of snapshots). */
async function allPages<T>(api: ApiClient, path: string, limit: number): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | null = null;
  do {
    const sep = path.includes('?') ? '&' : '?';
    const page: Page<T> = await api.get<Page<T>>(`${path}${sep}limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor && items.length < 2000);
  return items;
}

export function useSessionData(api: ApiClient, sessionId: string) {
  const [data, setData] = useState<SessionData | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    let live = true;
    Promise.all([
      api.get<SessionDetail>(`/v1/sessions/${sessionId}`),
      allPages<SessionEvent>(api, `/v1/sessions/${sessionId}/timeline`, 500),
      allPages<CodeSnapshot>(api, `/v1/sessions/${sessionId}/snapshots`, 50),
    ])
      .then(([detail, timeline, snapshots]) => live && setData({ detail, timeline, snapshots }))
      .catch((e: unknown) => live && setError(e));
    return () => {
      live = false;
    };
  }, [api, sessionId]);
  return { data, error };
}
