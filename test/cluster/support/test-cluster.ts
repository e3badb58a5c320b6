// Several real server processes (`node server/cli.ts`) on one PostgreSQL database and one Redis, as an
// operator runs them: the same secrets, a node id each, port 0, no load balancer (tests pick the process).
// PostgreSQL is the run's throwaway cluster on the PostgreSQL test pass, else one of this file's own.
import { afterAll, beforeAll } from 'vitest';
import type { RoomClient } from '../../control/rooms/room-client.ts';
import { makeTempDir } from '../../support/temp-dir.ts';
import { startPostgresCluster, type PostgresCluster } from '../../support/postgres-cluster.ts';
import { startRedisServer, type RedisServer } from '../../support/redis-server.ts';
import { startServerCli, type ServerCli } from '../../support/server-cli.ts';
import { createDatabase, POSTGRES_ADMIN_URL_ENV } from '../../support/test-database.ts';

export const JWT_SECRET = 'cluster-test-jwt-secret-0123456789abcdef012';
export const INTERNAL_SECRET = 'cluster-test-internal-secret-0123456789ab';

export interface ClusterNode extends ServerCli {
  nodeId: string;
}

export interface TestCluster {
  redis: RedisServer;
  databaseUrl: string;
  nodes: ClusterNode[];
  /** Starts one more process of the cluster. */
  startNode(nodeId: string): Promise<ClusterNode>;
  /** Kills what is still running, then stops Redis and PostgreSQL. */
  stop(): Promise<void>;
}

export interface TestClusterOptions {
  /** SYNCODE_RATE_LIMITS (default on). */
  rateLimits?: boolean;
  /** More environment for every process (SYNCODE_EXEC_WORKERS, an AI provider's SYNCODE_AI_BASE_URL, ...). */
  env?: Record<string, string>;
}

export async function startTestCluster(nodeIds: string[], options: TestClusterOptions = {}): Promise<TestCluster> {
  const redis = await startRedisServer();
  const admin = process.env[POSTGRES_ADMIN_URL_ENV];
  let postgres: PostgresCluster | undefined;
  let databaseUrl: string;
  try {
    if (!admin) postgres = await startPostgresCluster();
    databaseUrl = admin ? await createDatabase(admin) : await postgres!.createDatabase();
  } catch (error) {
    await redis.stop();
    throw error;
  }
  const dirs: ReturnType<typeof makeTempDir>[] = [];
  const nodes: ClusterNode[] = [];
  const cluster: TestCluster = {
    redis,
    databaseUrl,
    nodes,
    async startNode(nodeId) {
      // A data directory each: nothing may be shared through files, only through PostgreSQL and Redis.
      const dir = makeTempDir(`syncode-${nodeId}-`);
      dirs.push(dir);
      const server = await startServerCli(['--data-dir', dir.path], {
        SYNCODE_DATABASE_URL: databaseUrl,
        SYNCODE_REDIS_URL: redis.url,
        SYNCODE_NODE_ID: nodeId,
        SYNCODE_JWT_SECRET: JWT_SECRET,
        SYNCODE_INTERNAL_SECRET: INTERNAL_SECRET,
        SYNCODE_RATE_LIMITS: options.rateLimits === false ? 'off' : 'on',
        // Runs are not what these tests are about; a machine without namespaces still starts.
        SYNCODE_SANDBOX: 'limited',
        ...options.env,
      });
      const node: ClusterNode = { ...server, nodeId };
      nodes.push(node);
      return node;
    },
    async stop() {
      await Promise.all(nodes.map((n) => n.stop('SIGKILL')));
      await redis.stop();
      await postgres?.stop();
      for (const d of dirs) d.remove();
    },
  };
  try {
    for (const id of nodeIds) await cluster.startNode(id);
  } catch (error) {
    await cluster.stop();
    throw error;
  }
  return cluster;
}

export interface ClusterFixture {
  /** Set in beforeAll: read it inside the tests. */
  cluster: TestCluster;
  /** Room clients the tests opened; destroyed before the cluster stops. */
  clients: RoomClient[];
}

/** For the enclosing describe block: a cluster started before its tests and stopped after them. */
export function useTestCluster(nodeIds: string[], options: TestClusterOptions = {}): ClusterFixture {
  const fixture = { clients: [] } as unknown as ClusterFixture;
  beforeAll(async () => {
    fixture.cluster = await startTestCluster(nodeIds, options);
  }, 180_000);
  afterAll(async () => {
    for (const c of fixture.clients) c.destroy();
    await fixture.cluster?.stop();
  });
  return fixture;
}
