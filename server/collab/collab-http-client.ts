import { AppError, ERROR_STATUS, INTERNAL_SECRET_HEADER, type CollabControl, type ErrorCode } from '../protocol/index.ts';

const REQUEST_TIMEOUT_MS = 30_000;

/**
 * The control plane's CollabControl in a split deployment: the §12 internal HTTP API. Error bodies become
 * AppErrors with their codes; an unreachable or failing collab process becomes ROOM_COLLAB_UNAVAILABLE.
 */
export function createCollabHttpClient(baseUrl: string, internalSecret: string): CollabControl {
  async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
    let res: Response;
    try {
      res = await fetch(new URL(path, baseUrl), {
        method,
        headers: {
          [INTERNAL_SECRET_HEADER]: internalSecret,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
    } catch (error) {
      throw new AppError('ROOM_COLLAB_UNAVAILABLE', `The collab plane is unreachable: ${String(error)}`);
    }
    const text = await res.text();
    let parsed: unknown;
    try {
      parsed = text === '' ? undefined : JSON.parse(text);
    } catch {
      parsed = undefined;
    }
    if (res.ok) return parsed as T;
    const err = parsed as { code?: string; message?: string; details?: Record<string, unknown> } | undefined;
    if (res.status < 500 && err?.code && err.code in ERROR_STATUS) {
      throw new AppError(err.code as ErrorCode, err.message ?? 'Collab request failed.', err.details);
    }
    throw new AppError('ROOM_COLLAB_UNAVAILABLE', `The collab plane failed (HTTP ${res.status}).`);
  }
  const doc = (roomId: string): string => `/internal/documents/${encodeURIComponent(roomId)}`;
  return {
    createDocument: (req) => call('POST', '/internal/documents', req),
    destroyDocument: (roomId, reason) => call('DELETE', `${doc(roomId)}?reason=${encodeURIComponent(reason)}`),
    kickUser: (roomId, req) => call('POST', `${doc(roomId)}/kick`, req),
    lockEditor: (roomId, req) => call('POST', `${doc(roomId)}/lock`, req),
    pushEvent: (roomId, event) => call('POST', `${doc(roomId)}/events`, { event }),
    takeSnapshot: (roomId, trigger) => call('POST', `${doc(roomId)}/snapshots`, { trigger }),
    readWhiteboard: (roomId) => call('GET', `${doc(roomId)}/whiteboard`),
    health: () => call('GET', '/internal/health'),
  };
}
