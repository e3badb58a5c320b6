// In the desktop app, what a session page reads online is also kept in the local store (through the preload
// bridge), so the session's history still opens when its server cannot be reached. In a browser: online only.
// A session removed from my history, or one its server no longer has, is dropped from the local store too.
import type { HistoryPart } from '../../../preload/api.ts';
import { ErrorCode } from '../../../server/protocol/index.ts';
import { ClientErrorCode, isApiError, type ApiClient } from '../api/api-client.ts';
import { desktopBridge } from '../app/desktop-bridge.ts';

export async function withHistoryCache<T>(api: ApiClient, sessionId: string, part: HistoryPart, online: () => Promise<T>): Promise<T> {
  const bridge = desktopBridge();
  if (!bridge) return online();
  const key = { server: api.baseUrl, sessionId, part };
  try {
    const value = await online();
    // Best effort: a failed write only means this part will not read offline.
    bridge.historyPut(key, value).catch(() => {});
    return value;
  } catch (error) {
    if (isApiError(error) && error.code === ErrorCode.SESSION_NOT_FOUND) forgetCachedSession(api, sessionId);
    if (!isApiError(error) || error.code !== ClientErrorCode.NETWORK_UNREACHABLE) throw error;
    const cached = await bridge.historyGet(key).catch(() => null);
    if (cached === null) throw error;
    return cached as T;
  }
}

/** Drops the desktop's offline copy of a session (nothing to do in a browser). Best effort, like the writes. */
export function forgetCachedSession(api: ApiClient, sessionId: string): void {
  desktopBridge()?.historyForget({ server: api.baseUrl, sessionId }).catch(() => {});
}
