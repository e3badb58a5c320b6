import type { CodeSnapshot } from '../../../server/protocol/index.ts';
import type { ApiClient } from '../api/api-client.ts';
import type { SessionDetail, SessionEvent } from '../api/types.ts';
import { useLoaded } from '../ui/use-loaded.ts';
import { loadSession } from './session-actions.ts';

export interface SessionData {
  detail: SessionDetail;
  timeline: SessionEvent[];
  snapshots: CodeSnapshot[];
}

export function useSessionData(api: ApiClient, sessionId: string): { data: SessionData | null; error: unknown } {
  return useLoaded(() => loadSession(api, sessionId), [api, sessionId], { clear: true });
}
