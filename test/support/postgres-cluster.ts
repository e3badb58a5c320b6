// A private, throwaway PostgreSQL cluster for tests and benchmarks: `initdb` into a temp directory and
// `postgres` on a free port of 127.0.0.1, run as the `postgres` user when we are root (PostgreSQL refuses
// to run as root). The machine's packaged cluster is never touched. Stop it with `stop()`.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { onFreePort } from './free-port.ts';
import { pollUntil } from './poll.ts';
import { createDatabase } from './test-database.ts';

export interface PostgresCluster {
  /** postgres://postgres@127.0.0.1:PORT/NAME */
  url(database: string): string;
  /** Creates an empty database with a fresh name and returns its URL. */
  createDatabase(): Promise<string>;
  stop(): Promise<void>;
}

/** The binaries of the newest installed PostgreSQL (Debian: /usr/lib/postgresql/N/bin), or PATH. */
export function postgresBinDir(): string | null {
  const root = '/usr/lib/postgresql';
  if (existsSync(root)) {
    const versions = readdirSync(root).filter((v) => existsSync(join(root, v, 'bin', 'initdb')));
    versions.sort((a, b) => Number(b) - Number(a));
    if (versions[0]) return join(root, versions[0], 'bin');
  }
  return spawnSync('sh', ['-c', 'command -v initdb'], { encoding: 'utf8' }).status === 0 ? '' : null;
}

const asRoot = process.getuid?.() === 0;

function command(bin: string, args: string[]): [string, string[]] {
  return asRoot ? ['runuser', ['-u', 'postgres', '--', bin, ...args]] : [bin, args];
}

export async function startPostgresCluster(): Promise<PostgresCluster> {
  const binDir = postgresBinDir();
  if (binDir === null) throw new Error('PostgreSQL is not installed (initdb not found): apt-get install postgresql');
  const bin = (name: string) => (binDir ? join(binDir, name) : name);
  const dir = mkdtempSync(join(tmpdir(), 'syncode-pg-'));
  chmodSync(dir, 0o777);
  const dataDir = join(dir, 'data');
  const [initCmd, initArgs] = command(bin('initdb'), ['-D', dataDir, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--locale=C', '--no-sync']);
  const init = spawnSync(initCmd, initArgs, { encoding: 'utf8' });
  if (init.status !== 0) throw new Error(`initdb failed: ${init.stderr || init.stdout}`);
  try {
    return await onFreePort((port) => runPostgres(bin('postgres'), dir, port));
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}

/** The postmaster of the cluster in `dir` on `port`, accepting connections; stopped again when it does not get there. */
async function runPostgres(postgres: string, dir: string, port: number): Promise<PostgresCluster> {
  const dataDir = join(dir, 'data');
  const settings = ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off', '-c', 'max_connections=300'];
  const [cmd, args] = command(postgres, ['-D', dataDir, '-p', String(port), '-k', dir, '-c', 'listen_addresses=127.0.0.1', ...settings]);
  const server: ChildProcess = spawn(cmd, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  server.stderr!.on('data', (chunk: Buffer) => (log = (log + chunk.toString()).slice(-4000)));
  const url = (database: string) => `postgres://postgres@127.0.0.1:${port}/${database}`;
  const shutDown = async () => {
    if (server.exitCode === null && server.signalCode === null) {
      const exited = new Promise((resolve) => server.once('exit', resolve));
      // The postmaster itself (runuser does not pass signals on): SIGINT is PostgreSQL's fast shutdown.
      const postmaster = Number(readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
      process.kill(postmaster > 0 ? postmaster : server.pid!, 'SIGINT');
      await exited;
    }
  };
  try {
    await pollUntil(
      async () => {
        if (server.exitCode !== null) throw new Error(`postgres exited: ${log}`);
        const client = new pg.Client({ connectionString: url('postgres') });
        try {
          await client.connect();
          return true;
        } catch {
          return false;
        } finally {
          await client.end().catch(() => {});
        }
      },
      (ready) => ready,
      { timeoutMs: 30_000, intervalMs: 100, what: 'postgres to accept connections' },
    );
  } catch (error) {
    await shutDown();
    throw error;
  }
  return {
    url,
    createDatabase: () => createDatabase(url('postgres')),
    async stop() {
      await shutDown();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
