import type { IncomingMessage, ServerResponse } from 'node:http';
import { REQUEST_ID_HEADER } from '../protocol/index.ts';
import { requestIdOf, runInRequestScope, type RequestScope } from '../http/request-scope.ts';
import type { Logger } from '../server-options.ts';
import type { ServerMetrics } from './server-metrics.ts';

/** The status of a request whose client went away before any response: nginx's "client closed request". */
const CLIENT_CLOSED = 499;

/**
 * Wraps a server's request handler: every request gets its id (the client's valid `X-Request-Id` or a new one,
 * on the response too) and runs in its request scope; when the response is over, one access line is logged
 * and the HTTP metrics observe it. The access line names the path without its query string and the caller's
 * user id, never a token, a password or a body.
 */
export function observeRequests(
  handle: (req: IncomingMessage, res: ServerResponse) => void,
  deps: { log: Logger; metrics: ServerMetrics },
): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    const started = performance.now();
    const scope: RequestScope = { requestId: requestIdOf(req) };
    res.setHeader(REQUEST_ID_HEADER, scope.requestId);
    res.once('close', () => {
      scope.ended = true;
      const seconds = (performance.now() - started) / 1000;
      const method = req.method ?? 'GET';
      const route = scope.route ?? 'unmatched';
      const status = res.headersSent ? res.statusCode : CLIENT_CLOSED;
      deps.metrics.observeRequest(route, method, status, seconds);
      deps.log.info('http request', {
        requestId: scope.requestId,
        method,
        path: (req.url ?? '/').split('?')[0],
        route,
        status,
        durationMs: Math.round(seconds * 10_000) / 10,
        ...(scope.userId ? { userId: scope.userId } : {}),
      });
    });
    runInRequestScope(scope, () => handle(req, res));
  };
}
