// The storage test matrix. The suites run on SQLite by default; with SYNCODE_TEST_DATABASE=postgres the
// global setup (postgres-global-setup.ts) starts one throwaway cluster and every test server gets a fresh,
// empty PostgreSQL database on it instead of its SQLite files: the same tests against both backends.
import pg from 'pg';

export const POSTGRES_ADMIN_URL_ENV = 'SYNCODE_TEST_POSTGRES_URL';

export function testBackend(): 'sqlite' | 'postgres' {
  return process.env.SYNCODE_TEST_DATABASE === 'postgres' ? 'postgres' : 'sqlite';
}

let next = 0;

/** A fresh PostgreSQL database URL when the suite runs on PostgreSQL; undefined on SQLite. */
export async function testDatabaseUrl(): Promise<string | undefined> {
  if (testBackend() !== 'postgres') return undefined;
  const admin = process.env[POSTGRES_ADMIN_URL_ENV];
  if (!admin) throw new Error(`SYNCODE_TEST_DATABASE=postgres needs ${POSTGRES_ADMIN_URL_ENV} (set by the vitest global setup)`);
  return createDatabase(admin);
}

/** CREATE DATABASE with a fresh name on the cluster of `adminUrl`; returns the new database's URL. */
export async function createDatabase(adminUrl: string): Promise<string> {
  const name = `t_${process.pid}_${Date.now().toString(36)}_${next++}`;
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}
