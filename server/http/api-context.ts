import type { IncomingMessage, ServerResponse } from 'node:http';

/** Everything a /v1 handler gets. The body is already read and parsed by the transport checks. */
export interface ApiContext {
  req: IncomingMessage;
  res: ServerResponse;
  method: string;
  path: string;
  params: Record<string, string>;
  query: URLSearchParams;
  /** Parsed JSON body, or `undefined` when the request had none. */
  body: unknown;
  requestId: string;
  /** Client address: the socket peer, or behind a trusted proxy the address it forwarded (http/client-ip.ts). */
  ip: string;
  /** Free slot for middleware (e.g. the authenticated user). */
  state: Record<string, unknown>;
}

export interface ApiResult {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export type ApiHandler = (ctx: ApiContext) => Promise<ApiResult> | ApiResult;

/** Runs after the transport checks and before the handler; throws AppError to refuse. */
export type ApiMiddleware = (ctx: ApiContext, route: MatchedRoute) => Promise<void> | void;

export interface MatchedRoute {
  method: string;
  /** The pattern as registered, e.g. `/v1/rooms/:roomId/join`. */
  pattern: string;
}
