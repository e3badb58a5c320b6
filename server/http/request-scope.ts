// What is known about the HTTP request being handled, carried through its async work by AsyncLocalStorage:
// log lines pick up its id from here, so no handler passes ids around, and the access line and metrics read
// the matched route's pattern and the caller. Once the response is over the scope is ended: work that outlives
// the request (a queued job, a timer, whatever a pool runs next from that job's continuation) is not
// attributed to it.
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { REQUEST_ID_HEADER } from '../protocol/index.ts';

/** control-plane.md "Request id": a supplied `X-Request-Id` is echoed only when it matches this. */
const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

export interface RequestScope {
  readonly requestId: string;
  /** The route's pattern as registered (`/v1/rooms/:roomId/join`), or a fixed name outside /v1; set once known. */
  route?: string;
  /** The authenticated caller, once authentication succeeded. */
  userId?: string;
  /** Set when the response is over. */
  ended?: boolean;
}

const scopes = new AsyncLocalStorage<RequestScope>();

/** The request's own valid `X-Request-Id`, or a fresh one. */
export function requestIdOf(req: IncomingMessage): string {
  const supplied = req.headers[REQUEST_ID_HEADER];
  return typeof supplied === 'string' && REQUEST_ID.test(supplied) ? supplied : randomUUID();
}

export function runInRequestScope<T>(scope: RequestScope, handle: () => T): T {
  return scopes.run(scope, handle);
}

/** The scope of the request being handled; undefined outside one (sockets, start-up) and after its response. */
export function currentRequest(): RequestScope | undefined {
  const scope = scopes.getStore();
  return scope?.ended ? undefined : scope;
}

/** Names the route the current request reached (its pattern, never the raw path: metrics labels stay few). */
export function setRequestRoute(route: string): void {
  const scope = currentRequest();
  if (scope) scope.route = route;
}

/** Records the authenticated caller of the current request for its access line. */
export function setRequestUser(userId: string): void {
  const scope = currentRequest();
  if (scope) scope.userId = userId;
}
