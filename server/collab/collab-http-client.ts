import type * as z from 'zod';
import { AppError, ERROR_STATUS, INTERNAL_SECRET_HEADER, type CollabControl, type ErrorCode } from '../protocol/index.ts';
import {
  zCollabHealth,
  zCreateDocumentResponse,
  zDestroyDocumentResponse,
  zKickUserResponse,
  zLockEditorResponse,
  zPushEventResponse,
  zReadReplayResponse,
  zReadWhiteboardResponse,
  zTakeSnapshotResponse,
} from '../protocol/collab-control.ts';

const REQUEST_TIMEOUT_MS = 30_000;

/**
 * The control plane's CollabControl in a split deployment: the internal HTTP API. Error bodies become
 * AppErrors with their codes; an unreachable or failing collab process, or a response that does not match
 * its schema, becomes ROOM_COLLAB_UNAVAILABLE.
 */
export function createCollabHttpClient(baseUrl: string, internalSecret: string): CollabControl {
  async function call<S extends z.ZodType>(schema: S, method: string, path: string, body?: unknown): Promise<z.output<S>> {
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
    if (res.ok) {
      const checked = schema.safeParse(parsed);
      if (checked.success) return checked.data;
      throw new AppError('ROOM_COLLAB_UNAVAILABLE', `The collab plane answered ${method} ${path} with an invalid body.`);
    }
    const err = parsed as { code?: string; message?: string; details?: Record<string, unknown> } | undefined;
    if (res.status < 500 && err?.code && err.code in ERROR_STATUS) {
      throw new AppError(err.code as ErrorCode, err.message ?? 'Collab request failed.', err.details);
    }
    throw new AppError('ROOM_COLLAB_UNAVAILABLE', `The collab plane failed (HTTP ${res.status}).`);
  }
  const doc = (roomId: string): string => `/internal/documents/${encodeURIComponent(roomId)}`;
  return {
    createDocument: (req) => call(zCreateDocumentResponse, 'POST', '/internal/documents', req),
    destroyDocument: (roomId, reason) => call(zDestroyDocumentResponse, 'DELETE', `${doc(roomId)}?reason=${encodeURIComponent(reason)}`),
    kickUser: (roomId, req) => call(zKickUserResponse, 'POST', `${doc(roomId)}/kick`, req),
    lockEditor: (roomId, req) => call(zLockEditorResponse, 'POST', `${doc(roomId)}/lock`, req),
    pushEvent: (roomId, event) => call(zPushEventResponse, 'POST', `${doc(roomId)}/events`, { event }),
    takeSnapshot: (roomId, trigger) => call(zTakeSnapshotResponse, 'POST', `${doc(roomId)}/snapshots`, { trigger }),
    readWhiteboard: (roomId) => call(zReadWhiteboardResponse, 'GET', `${doc(roomId)}/whiteboard`),
    readReplay: (roomId, req) =>
      call(zReadReplayResponse, 'GET', `${doc(roomId)}/replay/${encodeURIComponent(req.doc)}?after=${req.after}&limit=${req.limit}`),
    health: () => call(zCollabHealth, 'GET', '/internal/health'),
  };
}
