import type { ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import { AppError, type ErrorResponse } from '../protocol/index.ts';
import { currentRequest } from './request-scope.ts';

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  if (status === 204 || body === undefined) {
    res.writeHead(status, headers);
    res.end();
    return;
  }
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': String(Buffer.byteLength(text)),
    'cache-control': 'no-store',
    ...headers,
  });
  res.end(text);
}

/** The one place where an error becomes an HTTP ErrorResponse. Unknown errors leak nothing. */
export function sendError(res: ServerResponse, error: unknown, requestId: string, log: (e: unknown) => void): void {
  const appError = error instanceof AppError ? error : new AppError('INTERNAL', 'An unexpected error occurred.');
  if (!(error instanceof AppError)) log(error);
  const body: ErrorResponse = { code: appError.code, message: appError.message, requestId };
  if (appError.details !== undefined) body.details = appError.details;
  const headers: Record<string, string> = {};
  if (appError.code === 'RATE_LIMITED' && typeof appError.details?.retryAfterSeconds === 'number') {
    headers['retry-after'] = String(appError.details.retryAfterSeconds);
  }
  if (appError.code === 'VALIDATION_METHOD_NOT_ALLOWED' && Array.isArray(appError.details?.allow)) {
    headers.allow = (appError.details.allow as string[]).join(', ');
  }
  if (res.headersSent) {
    res.destroy();
    return;
  }
  sendJson(res, appError.status, body, headers);
}

/** An error answered outside any router: through the one conversion, with the request scope's id. */
export function sendErrorOutsideRouter(res: ServerResponse, error: unknown, log: (e: unknown) => void): void {
  sendError(res, error, currentRequest()?.requestId ?? randomUUID(), log);
}

/** A path outside any router (e.g. `/internal/...` in-process): the typed 404 through the one conversion. */
export function sendUnknownRoute(res: ServerResponse): void {
  // An AppError is never logged by sendError, so there is nothing to log here.
  sendErrorOutsideRouter(res, new AppError('VALIDATION_UNKNOWN_ROUTE', 'Not found.'), () => {});
}

/** A plain HTTP request under `/collab` (non-upgrade requests get 426; docs/collab-protocol.md, "Connection URL and token"). */
export function sendUpgradeRequired(res: ServerResponse): void {
  res.writeHead(426, { connection: 'Upgrade', upgrade: 'websocket', 'content-type': 'text/plain' });
  res.end('WebSocket upgrade required.\n');
}
