import type { ApiRouter } from '../http/api-router.ts';
import {
  HEALTH_CHECK_NAMES,
  type HealthCheck,
  type HealthCheckName,
  type HealthFeatures,
  type HealthResponse,
  type ServerMode,
} from '../protocol/index.ts';
import { handle } from './handle-route.ts';

/** A named dependency check; `undefined` entries report `disabled` (the service is not configured). */
export type HealthProbe = () => Promise<HealthCheck> | HealthCheck;

export interface HealthSources {
  version: string;
  mode: ServerMode;
  startedAt: number;
  nodeId: string;
  /** Where durable state lives. Default `sqlite`. */
  database?: HealthResponse['database'];
  /** Live server processes sharing the deployment (several with Redis). Default 1. */
  nodes?: () => Promise<number>;
  probes: Partial<Record<HealthCheckName, HealthProbe>>;
  features: () => HealthFeatures;
}

/** `down` if the database or collab plane fails, `degraded` if an optional service fails. */
const ESSENTIAL: readonly HealthCheckName[] = ['database', 'collab'];

export function registerHealthRoute(router: ApiRouter, sources: HealthSources): void {
  handle(router, 'GET /v1/health', async () => {
    const body = await buildHealth(sources);
    return { status: body.status === 'down' ? 503 : 200, body };
  });
}

export async function buildHealth(sources: HealthSources): Promise<HealthResponse> {
  const entries = await Promise.all(
    HEALTH_CHECK_NAMES.map(async (name): Promise<[HealthCheckName, HealthCheck]> => {
      const probe = sources.probes[name];
      if (!probe) return [name, { status: 'disabled', latencyMs: null, message: 'not configured' }];
      const started = performance.now();
      try {
        const result = await probe();
        return [name, { ...result, latencyMs: result.latencyMs ?? Math.round(performance.now() - started) }];
      } catch (error) {
        const message = error instanceof Error ? error.message : 'check failed';
        return [name, { status: 'down', latencyMs: Math.round(performance.now() - started), message }];
      }
    }),
  );
  const checks = Object.fromEntries(entries) as Record<HealthCheckName, HealthCheck>;
  let status: HealthResponse['status'] = 'ok';
  for (const [name, check] of entries) {
    if (check.status === 'down' && ESSENTIAL.includes(name)) status = 'down';
    else if ((check.status === 'down' || check.status === 'degraded') && status === 'ok') status = 'degraded';
  }
  return {
    status,
    version: sources.version,
    mode: sources.mode,
    uptimeMs: Math.round(Date.now() - sources.startedAt),
    database: sources.database ?? 'sqlite',
    nodes: sources.nodes ? await sources.nodes() : 1,
    nodeId: sources.nodeId,
    checks,
    features: sources.features(),
  };
}
