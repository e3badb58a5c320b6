import type { IncomingMessage, ServerResponse } from 'node:http';
import { AppError, decodeUriOrNull, REQUEST_ID_HEADER } from '../protocol/index.ts';
import type { ApiContext, ApiHandler, ApiMiddleware, MatchedRoute } from './api-context.ts';
import { peerAddress, type ClientIpResolver } from './client-ip.ts';
import { readJsonBody } from './json-body.ts';
import { currentRequest, requestIdOf, setRequestRoute } from './request-scope.ts';
import { sendError, sendJson } from './respond.ts';

interface Route extends MatchedRoute {
  segments: string[];
  handler: ApiHandler;
}

export interface RouteInfo {
  method: string;
  pattern: string;
}

/**
 * The /v1 router: transport checks (body size, content type, malformed JSON, then unknown route), request
 * ids, literal-before-parameter matching, 404 VALIDATION_UNKNOWN_ROUTE / 405 VALIDATION_METHOD_NOT_ALLOWED,
 * and the single AppError → HTTP conversion.
 */
export class ApiRouter {
  readonly #routes: Route[] = [];
  readonly #middleware: ApiMiddleware[] = [];
  readonly #log: (error: unknown) => void;
  readonly #clientIp: ClientIpResolver;

  /** `clientIp` gives ApiContext.ip (rate limits, audit log): by default the socket's peer address. */
  constructor(log: (error: unknown) => void, clientIp: ClientIpResolver = peerAddress) {
    this.#log = log;
    this.#clientIp = clientIp;
  }

  add(method: string, pattern: string, handler: ApiHandler): void {
    this.#routes.push({ method: method.toUpperCase(), pattern, segments: pattern.split('/').filter(Boolean), handler });
  }

  use(middleware: ApiMiddleware): void {
    this.#middleware.push(middleware);
  }

  /** Every registered route, for the OpenAPI document and its completeness test. */
  routes(): RouteInfo[] {
    return this.#routes.map(({ method, pattern }) => ({ method, pattern }));
  }

  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // Inside a server's request scope the id is already chosen (and on the response); a router used on its
    // own (the collab process's /internal API) chooses it here.
    const requestId = currentRequest()?.requestId ?? requestIdOf(req);
    res.setHeader(REQUEST_ID_HEADER, requestId);
    const url = new URL(req.url ?? '/', 'http://localhost');
    const method = (req.method ?? 'GET').toUpperCase();
    try {
      const body = await readJsonBody(req);
      const { route, params } = this.#match(method, url.pathname);
      setRequestRoute(route.pattern);
      const ctx: ApiContext = {
        req,
        res,
        method,
        path: url.pathname,
        params,
        query: url.searchParams,
        body,
        requestId,
        ip: this.#clientIp(req),
        state: {},
      };
      for (const middleware of this.#middleware) await middleware(ctx, route);
      const result = await route.handler(ctx);
      if (!res.writableEnded) sendJson(res, result.status, result.body, result.headers);
    } catch (error) {
      sendError(res, error, requestId, this.#log);
    }
  }

  #match(method: string, pathname: string): { route: Route; params: Record<string, string> } {
    const parts = pathname.split('/').filter(Boolean).map(safeDecode);
    let best: { route: Route; params: Record<string, string>; literals: number } | undefined;
    const allowed = new Set<string>();
    for (const route of this.#routes) {
      const params = matchSegments(route.segments, parts);
      if (!params) continue;
      if (route.method !== method && !(method === 'HEAD' && route.method === 'GET')) {
        allowed.add(route.method);
        continue;
      }
      const literals = route.segments.filter((s) => !s.startsWith(':')).length;
      if (!best || literals > best.literals) best = { route, params, literals };
    }
    if (best) return best;
    if (allowed.size > 0) {
      throw new AppError('VALIDATION_METHOD_NOT_ALLOWED', `Method ${method} is not allowed here.`, {
        allow: [...allowed].sort(),
      });
    }
    throw new AppError('VALIDATION_UNKNOWN_ROUTE', `No route for ${method} ${pathname}.`);
  }
}

function matchSegments(pattern: string[], parts: string[]): Record<string, string> | undefined {
  if (pattern.length !== parts.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < pattern.length; i++) {
    const p = pattern[i]!;
    const v = parts[i]!;
    if (p.startsWith(':')) params[p.slice(1)] = v;
    else if (p !== v) return undefined;
  }
  return params;
}

/**
 * A path segment percent-decoded; one that does not decode, or decodes to a NUL character (which no id holds and
 * PostgreSQL cannot compare), stays as it came, so the handler answers its resource's 404.
 */
function safeDecode(segment: string): string {
  const decoded = decodeUriOrNull(segment);
  return decoded === null || decoded.includes('\0') ? segment : decoded;
}
