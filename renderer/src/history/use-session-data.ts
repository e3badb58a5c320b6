import { useEffect, useState } from 'react';
import type { CodeSnapshot } from '../../../server/protocol/index.ts';
import type { ApiClient } from '../api/api-client.ts';
import type { SessionDetail, SessionEvent } from '../api/types.ts';
import { loadSession } from './session-actions.ts';

export interface SessionData {
  detail: SessionDetail;
  timeline: SessionEvent[];
  snapshots: CodeSnapshot[];
}

export function useSessionData(api: ApiClient, sessionId: string) {
  const [data, setData] = useState<SessionData | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    let live = true;
    loadSession(api, sessionId)
      .then((loaded) => live && setData(loaded))
      .catch((e: unknown) => live && setError(e));
    return () => {
      live = false;
    };
  }, [api, sessionId]);
  return { data, error };
}
