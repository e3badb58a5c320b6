// Vitest global setup: with SYNCODE_TEST_DATABASE=postgres, one throwaway PostgreSQL cluster for the whole
// run; its admin URL reaches the test workers (forked after this runs) through the environment.
import { startPostgresCluster, type PostgresCluster } from './postgres-cluster.ts';
import { POSTGRES_ADMIN_URL_ENV, testBackend } from './test-database.ts';

let cluster: PostgresCluster | undefined;

export async function setup(): Promise<void> {
  if (testBackend() !== 'postgres') return;
  cluster = await startPostgresCluster();
  process.env[POSTGRES_ADMIN_URL_ENV] = cluster.url('postgres');
}

export async function teardown(): Promise<void> {
  await cluster?.stop();
}
