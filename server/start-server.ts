import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { refuseAccess, type AccessPolicy } from './http/access-guard.ts';
import { handleCors } from './http/cors.ts';
import { createHttpListener } from './http/http-listener.ts';
import { serveStatic, webClientConnectSources, webClientCsp } from './http/static-files.ts';
import { setRequestRoute } from './http/request-scope.ts';
import { sendJson, sendUnknownRoute, sendUpgradeRequired } from './http/respond.ts';
import { openOrUnwind } from './cleanup-stack.ts';
import { requireStrongSecret } from './config/secrets.ts';
import { secureDataDir } from './config/data-dir.ts';
import { defaultNodeId } from './config/node-id.ts';
import { openServerPlanes } from './server-planes.ts';
import { DEFAULT_WEB_ROOT } from './paths.ts';
import { createLogger } from './logger.ts';
import { createMetricsEndpoint } from './operations/metrics-endpoint.ts';
import { observeRequests } from './operations/request-observer.ts';
import { createServerMetrics } from './operations/server-metrics.ts';
import type { RunningServer, ServerOptions } from './server-options.ts';
import { errorFields } from './error-fields.ts';
import { CONNECT_SOURCES_HEADER } from './protocol/index.ts';

const LOOPBACK_HOSTS = new Set(['127.0.0.1', '::1', 'localhost']);

/**
 * Starts one SynCode server: REST at /v1, the collab WebSocket at /collab, the web client at /.
 * No globals: two servers can run in one process (tests do), and close() releases everything. The planes
 * are opened first, then the port is bound; when any step fails (e.g. the port is taken) everything opened
 * so far is closed again before the promise rejects, so a retry in the same process starts from nothing.
 */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const mode = options.mode ?? 'hosted';
  const host = options.host ?? '127.0.0.1';
  if (mode === 'embedded' && !LOOPBACK_HOSTS.has(host)) {
    throw new Error(`Embedded mode binds loopback only, not ${host}.`);
  }
  requireStrongSecret('SYNCODE_JWT_SECRET (jwtSecret)', options.jwtSecret);
  requireStrongSecret('SYNCODE_INTERNAL_SECRET (internalSecret)', options.internalSecret);
  const nodeId = options.nodeId ?? defaultNodeId(options.port ?? 3000);
  const log = options.log ?? createLogger({ nodeId, level: options.logLevel });
  secureDataDir(options.dataDir, log);
  const webRoot = options.webRoot === undefined ? DEFAULT_WEB_ROOT : options.webRoot;
  const access: AccessPolicy = {
    launchSecret: options.launchSecret,
    allowedOrigins: options.allowedOrigins ?? (mode === 'embedded' ? ['loopback'] : undefined),
  };

  return openOrUnwind(async (stack) => {
    const metrics = createServerMetrics();
    const { router, collabPlane, callbackRouter, cluster, collabUrl } = await openServerPlanes(
      options,
      // The bound address is only read while handling a request, which needs the listener to be listening.
      { mode, log, nodeId, metrics, startedAt: Date.now(), publicUrl: () => options.publicUrl ?? listener.url(), boundUrl: () => listener.url() },
      stack,
    );
    const serveMetrics =
      mode === 'hosted'
        ? createMetricsEndpoint(metrics, { token: options.metricsToken, trustedProxies: options.trustedProxies ?? [] }, (error) =>
            log.error('metrics exposition failed', errorFields(error)),
          )
        : undefined;

    // The collab socket's origin needs the bound port: the connect sources are made on the first request that needs them.
    let connectSources: string[] | undefined;
    const connectTo = (): string[] => (connectSources ??= webClientConnectSources(collabUrl(), options.livekit?.url));
    let csp: string | undefined;
    const onRequest = (req: IncomingMessage, res: ServerResponse): void => {
      const refused = refuseAccess(req, access);
      if (refused) {
        sendJson(res, 403, { code: 'AUTH_UNAUTHENTICATED', message: 'This server only accepts its own app.', requestId: '' });
        return;
      }
      const path = (req.url ?? '/').split('?')[0]!;
      if (path === '/v1' || path.startsWith('/v1/')) {
        if (handleCors(req, res, options.corsOrigins ?? [])) return;
        res.setHeader(CONNECT_SOURCES_HEADER, connectTo().join(' '));
        void router.handle(req, res);
      } else if (path === '/collab' || path.startsWith('/collab/')) {
        setRequestRoute('/collab');
        sendUpgradeRequired(res);
      } else if (callbackRouter && path.startsWith('/internal/callbacks/')) {
        void callbackRouter.handle(req, res);
      } else if (cluster && path.startsWith('/internal/')) {
        void cluster.peerRouter.handle(req, res);
      } else if (path === '/internal' || path.startsWith('/internal/')) {
        sendUnknownRoute(res);
      } else if (path === '/metrics' && serveMetrics) {
        setRequestRoute('/metrics');
        void serveMetrics(req, res);
      } else if (path === '/metrics') {
        sendUnknownRoute(res);
      } else {
        setRequestRoute('web-client');
        csp ??= webClientCsp(connectTo());
        serveStatic(req, res, { root: webRoot, state: options.webClientState?.() ?? 'ready', csp }).catch((error: unknown) => {
          log.error('static file error', errorFields(error));
          res.destroy();
        });
      }
    };

    const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer): void => {
      if (refuseAccess(req, access)) {
        socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
        return;
      }
      if (collabPlane && (req.url ?? '').startsWith('/collab/')) {
        collabPlane.handleUpgrade(req, socket, head);
        return;
      }
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n');
    };

    const listener = createHttpListener(observeRequests(onRequest, { log, metrics }), onUpgrade);
    // Not awaited here: upgraded /collab sockets keep the HTTP server open until the collab plane closes them.
    stack.defer(() => void listener.close());
    await listener.listen(options.port ?? 3000, host);
    await cluster?.join();

    let closing: Promise<void> | undefined;
    return {
      url: listener.url(),
      port: listener.port(),
      close() {
        closing ??= (async () => {
          const stopped = listener.close();
          // The collab plane closes its sockets with 1001 (1012 in a cluster; their user-disconnected callbacks
          // still reach the room service) and flushes; a cluster member then hands its rooms over, so that
          // clients reconnecting at once find them free; then the HTTP server finishes closing, then the rest
          // in reverse opening order.
          await collabPlane?.close();
          await cluster?.handOver();
          await stopped;
          await stack.dispose();
        })();
        return closing;
      },
    };
  });
}
