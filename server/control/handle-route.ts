// Registers a /v1 route from its entry in the route map (server/protocol/api/routes/): method and path
// come from the key, and the handler's input is validated through the entry's schemas. The query and body
// are parsed when the handler asks for them, so each handler keeps the error order authentication →
// not found → permission → validation → conflict: an unauthenticated request with a bad body is a 401.
// The handler's result is type-checked against the entry's success status and response schema; a streaming
// entry's handler returns its events instead, written as server-sent events (server/http/event-stream.ts).
import type * as z from 'zod';
import type { ApiContext, ApiResult } from '../http/api-context.ts';
import type { ApiRouter } from '../http/api-router.ts';
import { sendEventStream } from '../http/event-stream.ts';
import {
  apiRoutes,
  type ParsedRouteBody,
  type ParsedRouteQuery,
  type RouteEvent,
  type RouteKey,
  type RouteParams,
  type RouteResponse,
  type RouteSpec,
  type RouteStatus,
} from '../protocol/api/routes/index.ts';
import { parseBody, parseQuery } from '../protocol/validation.ts';

export interface RouteInput<K extends RouteKey> {
  params: RouteParams<K>;
  /** The query parsed through the route's schema (400 VALIDATION_FAILED with `details.fields`); parsed once. */
  query: () => ParsedRouteQuery<K>;
  /** The body parsed through the route's schema (a missing body counts as `{}`); parsed once. */
  body: () => ParsedRouteBody<K>;
  /** Aborts when the client goes away before the response is complete (streaming routes stop on it). */
  signal: AbortSignal;
}

interface ResultBase<K extends RouteKey> {
  status: RouteStatus<K>;
  headers?: Record<string, string>;
}

export type RouteResult<K extends RouteKey> = [RouteEvent<K>] extends [never]
  ? RouteResponse<K> extends undefined
    ? ResultBase<K>
    : ResultBase<K> & { body: RouteResponse<K> }
  : ResultBase<K> & { events: AsyncIterable<RouteEvent<K>> };

export type RouteHandler<K extends RouteKey> = (req: ApiContext, input: RouteInput<K>) => Promise<RouteResult<K>> | RouteResult<K>;

type Entry = RouteSpec & { method: string; path: string; params: z.ZodType };

/**
 * `onStreamFailure` logs an error thrown while a streaming route's events are produced (the response has
 * started, so the client only gets an `error` event).
 */
export function handle<K extends RouteKey>(router: ApiRouter, key: K, handler: RouteHandler<K>, onStreamFailure: (error: unknown) => void = () => {}): void {
  const route: Entry = apiRoutes[key];
  router.add(route.method, route.path, async (req) => {
    const gone = new AbortController();
    req.res.once('close', () => gone.abort());
    const input: RouteInput<K> = {
      params: route.params.parse(req.params) as RouteParams<K>,
      query: once(() => (route.query ? parseQuery(route.query, req.query) : undefined) as ParsedRouteQuery<K>),
      body: once(() => (route.body ? parseBody(route.body, req.body) : undefined) as ParsedRouteBody<K>),
      signal: gone.signal,
    };
    const result = (await handler(req, input)) as ApiResult & { events?: AsyncIterable<{ event: string; data: unknown }> };
    if (route.stream && result.events) await sendEventStream(req.res, result.status, result.events, onStreamFailure);
    return result;
  });
}

function once<T>(fn: () => T): () => T {
  let done: { value: T } | undefined;
  return () => (done ??= { value: fn() }).value;
}
