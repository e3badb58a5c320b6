// The planes of one server, opened in dependency order: storage → AI → execution → collab → control (shared
// services → room service → routes). The collab plane reports to the control plane (callbacks) while the
// control plane drives it (CollabControl); the cycle is broken by creating the collab plane first and
// starting it with the room service's callbacks before anything can report: before it accepts a socket or
// re-sends a session-end snapshot, and before the room clocks run. In a split deployment the control plane
// drives the collab process over HTTP and its callbacks arrive at /internal/callbacks/*. With Redis (several
// processes) the cluster opens first and closes last: every plane uses it, and the room leases are released
// only once the collab plane has flushed.
import type { CleanupStack } from './cleanup-stack.ts';
import { ApiRouter } from './http/api-router.ts';
import { createClientIpResolver } from './http/client-ip.ts';
import { registerHealthRoute } from './control/health-route.ts';
import { createControlPlane, createSmtpMailer, type Mailer } from './control/index.ts';
import { createExecutionPlane } from './execution/index.ts';
import { createAiPlane, type AiService } from './ai/index.ts';
import { createCursorCodec } from './pagination.ts';
import type { ExecutionPlane } from './execution/types.ts';
import { createCollabHttpClient, createCollabPlane, type CollabPlane } from './collab/index.ts';
import { createCallbackRouter } from './control/rooms/index.ts';
import type { CollabControl, ServerMode } from './protocol/index.ts';
import { loadOrCreateSecret } from './config/secrets.ts';
import { openServerDatabase, type SqlDatabase } from './storage/sql/index.ts';
import { SERVER_VERSION } from './version.ts';
import { defaultInternalUrl, openCluster, type Cluster } from './cluster/index.ts';
import { DEFAULT_PROBLEMS_DIR } from './paths.ts';
import { aloneLiveness } from './node-liveness.ts';
import type { ServerMetrics } from './operations/server-metrics.ts';
import type { Logger, ServerOptions } from './server-options.ts';
import { errorFields } from './error-fields.ts';

export interface ServerPlanes {
  /** REST /v1. */
  router: ApiRouter;
  /** In-process collab plane (its /collab upgrades); undefined in a split deployment. */
  collabPlane: CollabPlane | undefined;
  /** Split deployment: the /internal/callbacks/* routes the collab process POSTs to. */
  callbackRouter: ApiRouter | undefined;
  /** Several processes (redisUrl): joining once listening, the peers' /internal/documents routes, the drain. */
  cluster: ClusterMember | undefined;
  /** Where clients open the collab socket (`ws(s)://…/collab`): JoinRoomResponse.collabUrl, and the web client's CSP. */
  collabUrl: () => string;
}

export interface ClusterMember {
  /** `/internal/documents/*` and `/internal/health` for peers' calls about rooms this process owns. */
  peerRouter: ApiRouter;
  /** Once listening: registers this process and starts holding room leases. */
  join(): Promise<void>;
  /** After the collab plane closed its sockets (1012) and flushed: piped sockets get 1012, rooms are handed over. */
  handOver(): Promise<void>;
}

export interface PlaneSettings {
  mode: ServerMode;
  log: Logger;
  startedAt: number;
  nodeId: string;
  /** The collab plane reports its commits to it; its gauges read the planes once they are open. */
  metrics: ServerMetrics;
  /** The server's public origin (configured, or the bound address; only read once listening). */
  publicUrl(): string;
  /** `http://HOST:PORT` as bound (only read once listening). */
  boundUrl(): string;
}

/** Opens every plane, registering on `stack` how to close each; the caller unwinds the stack on failure. */
export async function openServerPlanes(options: ServerOptions, settings: PlaneSettings, stack: CleanupStack): Promise<ServerPlanes> {
  const { mode, log } = settings;
  const jwtSecret = loadOrCreateSecret(options.dataDir, 'jwt-secret', options.jwtSecret);
  const internalSecret = loadOrCreateSecret(options.dataDir, 'internal-secret', options.internalSecret);
  const cluster = options.redisUrl ? await openClusterFor(options, options.redisUrl, internalSecret, log) : undefined;
  if (cluster) stack.defer(() => cluster.close());

  // Everything durable: the SQLite file in the data directory, or PostgreSQL (SYNCODE_DATABASE_URL).
  const sql = openServerDatabase(options.databaseUrl, options.dataDir, 'syncode.sqlite');
  stack.defer(() => sql.close());
  const cursors = createCursorCodec(jwtSecret);
  // What a dead process left unfinished (runs, AI jobs) is failed by a live one; alone, at start.
  const liveness = cluster ? await cluster.liveness(settings.nodeId) : aloneLiveness(settings.nodeId);
  const ai = await createAiPlane({ sql, log, provider: options.ai, liveness, ...(cluster ? { relay: cluster.replyRelay } : {}) });
  stack.defer(() => ai.close());
  // Hosted servers run strangers' code: isolation or nothing, unless the operator chose `limited`. The desktop's
  // embedded server runs the user's own code and may fall back to `limited` where the OS has no namespaces.
  const sandbox = options.execution?.sandbox ?? (mode === 'hosted' ? 'isolated' : 'auto');
  // Analyses get the AI plane's complexity estimate (null while no provider is configured).
  const execution = await createExecutionPlane({ sql, ...options.execution, sandbox, cursors, log, complexity: ai, liveness });
  stack.defer(() => execution.close());
  const collabPlane = options.externalCollab
    ? undefined
    : await createCollabPlane({
        dataDir: options.dataDir,
        ...(options.databaseUrl ? { databaseUrl: options.databaseUrl } : {}),
        jwtSecret,
        rateLimits: options.rateLimits ?? true,
        documentIdleTtlMs: options.documentIdleTtlMs,
        snapshotIntervalMs: options.snapshotIntervalMs,
        ...(cluster ? { cluster: cluster.collab } : {}),
        onCommit: settings.metrics.observeCommit,
        log,
      });
  if (collabPlane) stack.defer(() => collabPlane.close());
  const collab = collabPlane
    ? (cluster?.routeControl(collabPlane) ?? collabPlane.control)
    : createCollabHttpClient(options.externalCollab!.baseUrl, internalSecret);

  // Reset emails are a hosted server's: an embedded one has no address a link in an email could reach.
  const mailer =
    options.mailer ??
    (options.smtpUrl && mode === 'hosted'
      ? createSmtpMailer({ url: options.smtpUrl, from: options.mailFrom, publicUrl: settings.publicUrl, log })
      : undefined);

  const clientIp = createClientIpResolver(options.trustedProxies ?? []);
  const router = new ApiRouter((error) => log.error('unhandled error in /v1 handler', errorFields(error)), clientIp);
  registerHealth(router, options, settings, { sql, collab, execution, ai, cluster, mailer });
  const collabPublicUrl = options.externalCollab?.publicUrl;
  const collabUrl = () => collabPublicUrl ?? `${settings.publicUrl().replace(/^http/, 'ws')}/collab`;
  const control = await createControlPlane({
    router,
    sql,
    jwtSecret,
    cursors,
    mode,
    rateLimits: options.rateLimits ?? true,
    ...(cluster ? { rateCounter: cluster.rateCounter } : {}),
    problemsDir: options.problemsDir === undefined ? DEFAULT_PROBLEMS_DIR : options.problemsDir,
    adminEmail: options.adminEmail,
    adminPassword: options.adminPassword,
    livekit: options.livekit,
    mailer,
    execution,
    collab,
    ai,
    collabUrl,
    rooms: { roleSwapTtlMs: options.roleSwapTtlMs, ...(cluster ? { coordination: cluster.coordination } : {}) },
    log,
  });
  stack.defer(() => control.close());

  collabPlane?.start(control.callbacks);
  const callbackRouter = options.externalCollab ? createCallbackRouter(control.callbacks, internalSecret, log) : undefined;
  await control.start();
  const member =
    cluster && collabPlane
      ? {
          peerRouter: cluster.peerRouter(collabPlane),
          join: () => cluster.start(settings.nodeId, options.internalUrl ?? defaultInternalUrl(settings.boundUrl()), collabPlane),
          handOver: () => cluster.handOver(),
        }
      : undefined;
  settings.metrics.readFrom({ collab: collabPlane, execution, ai });
  return { router, collabPlane, callbackRouter, cluster: member, collabUrl };
}

/** Several processes share tokens and the collab plane's rooms: a secret of their own or a split collab process would break both. */
async function openClusterFor(options: ServerOptions, redisUrl: string, internalSecret: string, log: Logger): Promise<Cluster> {
  if (!options.jwtSecret || !options.internalSecret) throw new Error('redisUrl needs jwtSecret and internalSecret, the same in every server process.');
  if (options.externalCollab) throw new Error('redisUrl runs the collab plane in every server process; it cannot be combined with externalCollab.');
  return openCluster({ redisUrl, internalSecret, log });
}

function registerHealth(
  router: ApiRouter,
  options: ServerOptions,
  settings: PlaneSettings,
  planes: { sql: SqlDatabase; collab: CollabControl; execution: ExecutionPlane; ai: AiService; cluster: Cluster | undefined; mailer: Mailer | undefined },
): void {
  const { sql, collab, execution, ai, cluster, mailer } = planes;
  registerHealthRoute(router, {
    version: SERVER_VERSION,
    mode: settings.mode,
    startedAt: settings.startedAt,
    nodeId: settings.nodeId,
    database: options.databaseUrl ? 'postgres' : 'sqlite',
    ...(cluster ? { nodes: () => cluster.nodes() } : {}),
    probes: {
      database: async () => {
        await sql.get('SELECT 1');
        return { status: 'ok', latencyMs: null, message: null };
      },
      collab: async () => {
        await collab.health();
        // Without Redis a cluster member serves only the rooms it owns already.
        const redisProblem = cluster?.problem();
        if (redisProblem) return { status: 'degraded', latencyMs: null, message: `in-process; Redis unreachable: ${redisProblem}` };
        return { status: 'ok', latencyMs: null, message: options.externalCollab ? 'separate process' : 'in-process' };
      },
      execution: () => ({ ...execution.health(), latencyMs: null }),
      ...(ai.health ? { ai: ai.health } : {}),
      // A configured mailer has no liveness check of its own (an SMTP login per health request would be one
      // more login for providers to rate-limit); without one the check reports `disabled`.
      ...(mailer ? { email: () => ({ status: 'ok' as const, latencyMs: null, message: 'configured' }) } : {}),
    },
    features: () => ({
      media: Boolean(options.livekit),
      recording: false,
      matchmaking: false,
      ai: ai.available,
      email: Boolean(mailer),
      ...execution.features(),
    }),
  });
}
