import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { join } from 'node:path';
import { ApiRouter } from './http/api-router.ts';
import { refuseAccess, type AccessPolicy } from './http/access-guard.ts';
import { handleCors } from './http/cors.ts';
import { serveStatic } from './http/static-files.ts';
import { sendJson, sendUnknownRoute, sendUpgradeRequired } from './http/respond.ts';
import { registerHealthRoute } from './control/health-route.ts';
import { createControlPlane, type ControlPlane } from './control/index.ts';
import { createExecutionPlane } from './execution/index.ts';
import { createCollabHttpClient, createCollabPlane } from './collab/index.ts';
import { createCallbackRouter } from './control/rooms/index.ts';
import type { CollabCallbacks } from './protocol/index.ts';
import { loadOrCreateSecret } from './config/secrets.ts';
import { openDatabase } from './storage/database.ts';
import { SERVER_VERSION } from './version.ts';
import { DEFAULT_PROBLEMS_DIR, DEFAULT_WEB_ROOT } from './paths.ts';
import { consoleLogger } from './logger.ts';
import type { RunningServer, ServerOptions } from './server-options.ts';

const LOOPBACK_HOSTS = new Set(['127.0.0.1', '::1', 'localhost']);

/**
 * Starts one SynCode server: REST at /v1, the collab WebSocket at /collab, the web client at /.
 * No globals: two servers can run in one process (tests do), and close() releases everything.
 */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const mode = options.mode ?? 'hosted';
  const host = options.host ?? '127.0.0.1';
  if (mode === 'embedded' && !LOOPBACK_HOSTS.has(host)) {
    throw new Error(`Embedded mode binds loopback only, not ${host}.`);
  }
  const log = options.log ?? consoleLogger;
  const startedAt = Date.now();
  const webRoot = options.webRoot === undefined ? DEFAULT_WEB_ROOT : options.webRoot;
  const jwtSecret = loadOrCreateSecret(options.dataDir, 'jwt-secret', options.jwtSecret);
  const access: AccessPolicy = {
    launchSecret: options.launchSecret,
    allowedOrigins: options.allowedOrigins ?? (mode === 'embedded' ? ['loopback'] : undefined),
  };

  const db = openDatabase(join(options.dataDir, 'syncode.sqlite'));
  const internalSecret = loadOrCreateSecret(options.dataDir, 'internal-secret', options.internalSecret);
  // The collab plane reports to the control plane, which is built after it (it drives the collab plane):
  // callbacks wait for it, e.g. session-end snapshots re-sent by the collab plane right after a restart.
  let controlReady!: (plane: ControlPlane) => void;
  const controlPlane = new Promise<ControlPlane>((resolve) => (controlReady = resolve));
  const callbacks: CollabCallbacks = {
    snapshotReady: async (payload) => (await controlPlane).callbacks.snapshotReady(payload),
    userDisconnected: async (payload) => (await controlPlane).callbacks.userDisconnected(payload),
  };
  // Split deployment: no collab plane here; the control plane uses the collab process's internal API.
  const collabPlane = options.externalCollab
    ? undefined
    : createCollabPlane({
        dataDir: options.dataDir,
        jwtSecret,
        callbacks,
        rateLimits: options.rateLimits ?? true,
        documentIdleTtlMs: options.documentIdleTtlMs,
        snapshotIntervalMs: options.snapshotIntervalMs,
        log,
      });
  const collab = collabPlane?.control ?? createCollabHttpClient(options.externalCollab!.baseUrl, internalSecret);
  // Hosted servers run strangers' code: isolation or nothing, unless the operator chose `limited`. The desktop's
  // embedded server runs the user's own code and may fall back to `limited` where the OS has no namespaces.
  const execution = await createExecutionPlane({ db, ...options.execution, sandbox: options.execution?.sandbox ?? (mode === 'hosted' ? 'isolated' : 'auto'), log });
  const router = new ApiRouter((error) => log.error('unhandled error in /v1 handler', { error: String(error) }));
  registerHealthRoute(router, {
    version: SERVER_VERSION,
    mode,
    startedAt,
    probes: {
      database: () => {
        db.prepare('SELECT 1').get();
        return { status: 'ok', latencyMs: null, message: null };
      },
      collab: async () => {
        await collab.health();
        return { status: 'ok', latencyMs: null, message: options.externalCollab ? 'separate process' : 'in-process' };
      },
      execution: () => ({ ...execution.health(), latencyMs: null }),
      // A configured mailer has no liveness check of its own; without one the check reports `disabled`.
      ...(options.mailer ? { email: () => ({ status: 'ok' as const, latencyMs: null, message: 'configured' }) } : {}),
    },
    features: () => ({
      media: Boolean(options.livekit),
      recording: false,
      matchmaking: false,
      ai: false,
      email: Boolean(options.mailer),
      ...execution.features(),
    }),
  });

  const control = await createControlPlane({
    router,
    db,
    jwtSecret,
    mode,
    rateLimits: options.rateLimits ?? true,
    problemsDir: options.problemsDir === undefined ? DEFAULT_PROBLEMS_DIR : options.problemsDir,
    adminEmail: options.adminEmail,
    adminPassword: options.adminPassword,
    livekit: options.livekit,
    mailer: options.mailer,
    execution,
    collab,
    rooms: { roleSwapTtlMs: options.roleSwapTtlMs, collabPublicUrl: options.externalCollab?.publicUrl },
    log,
  });
  controlReady(control);
  const callbackRouter = options.externalCollab ? createCallbackRouter(control.callbacks, internalSecret, log) : undefined;

  const onRequest = (req: IncomingMessage, res: ServerResponse): void => {
    const refused = refuseAccess(req, access);
    if (refused) {
      sendJson(res, 403, { code: 'AUTH_UNAUTHENTICATED', message: 'This server only accepts its own app.', requestId: '' });
      return;
    }
    const path = (req.url ?? '/').split('?')[0]!;
    if (path === '/v1' || path.startsWith('/v1/')) {
      if (handleCors(req, res, options.corsOrigins ?? [])) return;
      void router.handle(req, res);
    } else if (path === '/collab' || path.startsWith('/collab/')) {
      sendUpgradeRequired(res);
    } else if (callbackRouter && path.startsWith('/internal/callbacks/')) {
      void callbackRouter.handle(req, res);
    } else if (path === '/internal' || path.startsWith('/internal/')) {
      sendUnknownRoute(res);
    } else {
      serveStatic(req, res, webRoot).catch((error: unknown) => {
        log.error('static file error', { error: String(error) });
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

  const server = createServer(onRequest);
  server.on('upgrade', onUpgrade);
  server.on('clientError', (_error, socket) => socket.destroy());
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 3000, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : (options.port ?? 3000);
  const urlHost = host.includes(':') ? `[${host}]` : host;

  let closing: Promise<void> | undefined;
  return {
    url: `http://${urlHost}:${port}`,
    port,
    close() {
      closing ??= (async () => {
        const stopped = new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
        });
        // Upgraded /collab sockets keep server.close() waiting until the plane closes them with 1001.
        await collabPlane?.close();
        await stopped;
        await control.close();
        await execution.close();
        db.close();
      })();
      return closing;
    },
  };
}
