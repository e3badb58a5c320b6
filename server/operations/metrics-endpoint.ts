// GET /metrics, for operators (hosted mode only; startServer answers 404 in embedded mode). With a token
// configured, only a request carrying it is answered, from anywhere. Without one, only a scraper on this host
// or on the trusted proxies' networks is: a request that arrives through a proxy carries the address of the
// client it forwards, and one forwarded from the internet is refused — also when an unconfigured proxy on this
// host forwarded it (its X-Forwarded-For gives it away). docs/operations.md explains the choice.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { AppError } from '../protocol/index.ts';
import { constantTimeEqual } from '../http/access-guard.ts';
import { createClientIpResolver, createNetworkMatcher } from '../http/client-ip.ts';
import { sendErrorOutsideRouter } from '../http/respond.ts';
import type { ServerMetrics } from './server-metrics.ts';

const LOOPBACK_NETWORKS = ['127.0.0.0/8', '::1'];
const FORWARDING_HEADERS = ['x-forwarded-for', 'forwarded', 'x-real-ip'];
const BEARER = /^Bearer (\S+)$/;

export interface MetricsAccess {
  /** SYNCODE_METRICS_TOKEN. */
  token: string | undefined;
  /** SYNCODE_TRUSTED_PROXIES. */
  trustedProxies: readonly string[];
}

export function createMetricsEndpoint(
  metrics: ServerMetrics,
  access: MetricsAccess,
  log: (error: unknown) => void,
): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  const clientIp = createClientIpResolver(access.trustedProxies);
  const isTrustedProxy = createNetworkMatcher(access.trustedProxies);
  const isOperatorAddress = createNetworkMatcher([...LOOPBACK_NETWORKS, ...access.trustedProxies]);

  const refusal = (req: IncomingMessage): AppError | null => {
    if (access.token !== undefined) {
      const given = BEARER.exec(req.headers.authorization ?? '')?.[1];
      return given !== undefined && constantTimeEqual(given, access.token)
        ? null
        : new AppError('AUTH_UNAUTHENTICATED', 'GET /metrics requires the metrics bearer token.');
    }
    const forwardedByUnknownProxy = !isTrustedProxy(req.socket.remoteAddress ?? '') && FORWARDING_HEADERS.some((h) => req.headers[h] !== undefined);
    if (!forwardedByUnknownProxy && isOperatorAddress(clientIp(req))) return null;
    return new AppError('ADMIN_FORBIDDEN', 'GET /metrics answers loopback and trusted proxies only; set SYNCODE_METRICS_TOKEN to scrape from elsewhere.');
  };

  return async (req, res) => {
    try {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        throw new AppError('VALIDATION_METHOD_NOT_ALLOWED', `Method ${req.method} is not allowed here.`, { allow: ['GET', 'HEAD'] });
      }
      const refused = refusal(req);
      if (refused) throw refused;
      const text = await metrics.exposition();
      res.writeHead(200, { 'content-type': metrics.contentType, 'cache-control': 'no-store' });
      res.end(req.method === 'HEAD' ? undefined : text);
    } catch (error) {
      sendErrorOutsideRouter(res, error, log);
    }
  };
}
