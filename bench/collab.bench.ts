// `npm run bench:collab`: the collab plane under load. The server runs as its own process (the standalone
// collab CLI, durability on, rate limits off as for a private load test); the load generator is another
// process on the same machine. Each scenario runs a second time against an in-memory reference relay
// (bench/collab/reference-relay.ts; BENCH_REFERENCE=off skips it): the floor this machine and this load
// generator give, next to SynCode's row. Prints one table; asserts nothing.
// `npm run bench:collab -- --database postgres` runs the scenarios on a throwaway PostgreSQL cluster instead of
// collab.sqlite, after a table of the store's commit latency on SQLite and on PostgreSQL.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createCollabHttpClient } from '../server/collab/index.ts';
import { REPO_ROOT } from '../server/paths.ts';
import { serverMallocEnv } from '../server/protocol/malloc-arenas.ts';
import { openCollabStore } from '../server/storage/collab/index.ts';
import { startPostgresCluster, type PostgresCluster } from '../test/support/postgres-cluster.ts';
import { measureCommitLatency } from './collab/commit-latency.ts';
import type { GeneratorConfig } from './collab/load-generator.ts';
import { runGenerator } from './collab/generator-process.ts';
import { cpuTimes, percentile, rssMiB } from './collab/proc-stats.ts';
import { bundleServer } from './collab/server-bundle.ts';

const JWT_SECRET = 'bench-jwt-secret-0123456789abcdef0123456789';
const INTERNAL_SECRET = 'bench-internal-secret-0123456789abcdef01';
const DURATION_MS = Number(process.env.BENCH_DURATION_MS ?? 10_000);
/** Load before each measured window: the steady state is measured, not the first seconds of a fresh process. */
const WARMUP_MS = Number(process.env.BENCH_WARMUP_MS ?? 3_000);

interface Scenario {
  name: string;
  target: string;
  rooms: number;
  /** Load generator processes (rooms split between them). */
  shards?: number;
  config: (collabUrl: string, rooms: string[]) => GeneratorConfig;
}

const scenarios: Scenario[] = [
  {
    name: '(a) 1 room x 2 clients x 20 ops/s',
    target: 'p99 <= 3 ms',
    rooms: 1,
    // 40 samples a second: three times the duration gives its p99 about 1,200 samples instead of 400.
    config: (collabUrl, rooms) => ({ kind: 'ops', collabUrl, jwtSecret: JWT_SECRET, rooms, clientsPerRoom: 2, opsPerSec: 20, warmupMs: WARMUP_MS, durationMs: 3 * DURATION_MS, client: 'provider' }),
  },
  {
    name: '(b) 1 room x 8 clients x 10 ops/s',
    target: 'all-peers p99 <= 3 ms',
    rooms: 1,
    config: (collabUrl, rooms) => ({ kind: 'ops', collabUrl, jwtSecret: JWT_SECRET, rooms, clientsPerRoom: 8, opsPerSec: 10, warmupMs: WARMUP_MS, durationMs: DURATION_MS, client: 'provider' }),
  },
  {
    name: '(c) 200 rooms x 2 clients x 5 ops/s',
    target: 'p99 <= 12 ms at <= 15 % CPU',
    rooms: 200,
    config: (collabUrl, rooms) => ({ kind: 'ops', collabUrl, jwtSecret: JWT_SECRET, rooms, clientsPerRoom: 2, opsPerSec: 5, warmupMs: WARMUP_MS, durationMs: DURATION_MS, client: 'light' }),
  },
  {
    name: '(d) late joiner, 3 MiB from 300k edits',
    target: 'join p50 <= 30 ms, RSS <= 100 MB',
    rooms: 1,
    config: (collabUrl, rooms) => ({ kind: 'join', collabUrl, jwtSecret: JWT_SECRET, roomId: rooms[0]!, edits: 300_000, editsPerUpdate: 10, charsPerEdit: 10, joins: 30, settleMs: 5000 }),
  },
];

interface Row {
  scenario: string;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  perSec: string;
  cpu: string;
  rss: string;
  bytesPerUpdate: string;
  /** Fresh joiners whose document differed from the room's at their SyncStep2 (any makes the run invalid). */
  mismatches: string;
  target: string;
}

/** The store of one run: a fresh data directory, and a fresh PostgreSQL database on the cluster if there is one. */
async function freshStorage(cluster: PostgresCluster | null): Promise<{ dataDir: string; databaseUrl?: string }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'syncode-bench-collab-'));
  return cluster ? { dataDir, databaseUrl: await cluster.createDatabase() } : { dataDir };
}

/** A server process under load: where clients connect, and how it ends (with what its store holds). */
interface RunningServer {
  process: ChildProcess;
  collabUrl: string;
  /** Stops the server; resolves with the bytes/update column. */
  finish(): Promise<string>;
}

interface Contender {
  /** Appended to the scenario's name in the table. */
  label: string;
  start(rooms: string[]): Promise<RunningServer>;
}

// BENCH_SERVER_FLAGS passes Node flags to the server (e.g. --cpu-prof).
const serverFlags = (process.env.BENCH_SERVER_FLAGS ?? '').split(' ').filter(Boolean);

/** SynCode's standalone collab server: durability on, its rooms created through the internal API first. */
function syncodeServer(serverEntry: string, cluster: PostgresCluster | null): Contender {
  return {
    label: '',
    async start(rooms) {
      const storage = await freshStorage(cluster);
      const database = storage.databaseUrl ? { SYNCODE_DATABASE_URL: storage.databaseUrl } : {};
      const server = spawn(process.execPath, [...serverFlags, serverEntry, '--port', '0', '--data-dir', storage.dataDir], {
        env: { ...process.env, SYNCODE_JWT_SECRET: JWT_SECRET, SYNCODE_INTERNAL_SECRET: INTERNAL_SECRET, SYNCODE_RATE_LIMITS: 'off', ...database },
        stdio: ['ignore', 'pipe', 'ignore'],
      });
      const url = await readyUrl(server.stdout!);
      const control = createCollabHttpClient(url, INTERNAL_SECRET);
      for (const roomId of rooms) {
        await control.createDocument({ roomId, mode: 'interview', phase: 'waiting', language: 'python', problemId: null, initialCode: '', editorLocked: false, participants: [] });
      }
      return {
        process: server,
        collabUrl: `${url.replace('http', 'ws')}/collab`,
        async finish() {
          await stop(server);
          const store = await openCollabStore(storage);
          const log = await store.logStats();
          await store.close();
          rmSync(storage.dataDir, { recursive: true, force: true });
          return log.updates === 0 ? '-' : `${(log.bytes / log.updates).toFixed(1)} (${log.updates} rows)`;
        },
      };
    },
  };
}

/** The in-memory reference relay (bench/collab/reference-relay.ts), bundled like SynCode's server: this machine's floor. */
let relayBundle: Promise<string> | undefined;
const referenceRelay: Contender = {
  label: ' - in-memory reference relay',
  async start() {
    relayBundle ??= bundleServer('bench/collab/reference-relay.ts'); // once per benchmark run
    // With the process settings SynCode's CLI gives itself (its malloc arena limit), so they are not the difference.
    const env = serverMallocEnv(process.env, process.platform) ?? process.env;
    const server = spawn(process.execPath, [await relayBundle], { env, stdio: ['ignore', 'pipe', 'ignore'] });
    const url = await readyUrl(server.stdout!);
    return { process: server, collabUrl: `${url.replace('http', 'ws')}/collab`, finish: async () => (await stop(server), '-') };
  },
};

/** The process has exited (on its own, or killed). */
const exited = (child: ChildProcess): boolean => child.exitCode !== null || child.signalCode !== null;

/** Stops a server and resolves once it is gone (at once if it already is: a crashed server emits no second exit). */
function stop(server: ChildProcess): Promise<void> {
  if (exited(server)) return Promise.resolve();
  server.kill('SIGTERM');
  return new Promise((resolve) => server.once('exit', () => resolve()));
}

async function runScenario(s: Scenario, contender: Contender): Promise<Row> {
  const rooms = Array.from({ length: s.rooms }, () => randomUUID());
  const running = await contender.start(rooms);
  const server = running.process;
  const shards = s.shards ?? 1;
  let cpuStart = { user: 0, system: 0 };
  let cpuTime = { user: 0, system: 0 };
  let wallStart = 0;
  let wall = 0;
  let peakRss = 0;
  let started = 0;
  let stopped = 0;
  // The run fails, and leaves nothing running, when a load generator fails or the server dies during it.
  let onExit!: (code: number | null, signal: NodeJS.Signals | null) => void;
  const died = new Promise<never>((_, reject) => {
    onExit = (code, signal) => reject(new Error(`the server exited during the run (${signal ?? `code ${code}`})`));
  });
  server.once('exit', onExit);
  const sampler = setInterval(() => exited(server) || (peakRss = Math.max(peakRss, rssMiB(server.pid!))), 100);
  const load = Promise.all(
    Array.from({ length: shards }, (_, i) => {
      const mine = rooms.filter((_, r) => r % shards === i);
      // The load window runs from the last shard's start to the first shard's stop.
      return runGenerator(s.config(running.collabUrl, mine), (event) => {
        if (exited(server)) return;
        if (event === 'start' && ++started === shards) {
          cpuStart = cpuTimes(server.pid!);
          wallStart = performance.now();
        } else if (event === 'stop' && ++stopped === 1) {
          const now = cpuTimes(server.pid!);
          cpuTime = { user: now.user - cpuStart.user, system: now.system - cpuStart.system };
          wall = (performance.now() - wallStart) / 1000;
        }
      });
    }),
  );
  const results = await Promise.race([load, died]).catch(async (error: unknown) => {
    clearInterval(sampler);
    await stop(server);
    throw error;
  });
  server.off('exit', onExit);
  const result: Record<string, any> = { ...results[0] };
  if (result.latencies) {
    result.latencies = results.flatMap((r) => r.latencies as number[]);
    result.expected = results.reduce((n, r) => n + (r.expected as number), 0);
  }
  clearInterval(sampler);
  const rss = rssMiB(server.pid!);
  const bytesPerUpdate = await running.finish();

  const percentOf = (seconds: number): string => ((seconds / wall) * 100).toFixed(1);
  const samples = ((result.latencies ?? result.joinMs) as number[]).sort((a, b) => a - b);
  const perSec = result.kind === undefined && result.latencies
    ? `${Math.round(samples.length / (result.elapsedMs / 1000))} (${samples.length}/${result.expected})`
    : `${result.edits} edits in ${result.updates} updates, ${(result.textBytes / 1048576).toFixed(2)} MiB`;
  return {
    scenario: s.name + contender.label,
    p50: percentile(samples, 50),
    p95: percentile(samples, 95),
    p99: percentile(samples, 99),
    max: samples.at(-1) ?? NaN,
    perSec,
    cpu: `${percentOf(cpuTime.user + cpuTime.system)} % (${percentOf(cpuTime.user)} + ${percentOf(cpuTime.system)})`,
    rss: `${rss.toFixed(0)} MiB (peak ${peakRss.toFixed(0)})`,
    bytesPerUpdate,
    mismatches: result.mismatches === undefined ? '-' : result.mismatches === 0 ? '0' : `${result.mismatches} INVALID RUN`,
    target: contender === referenceRelay ? '(floor)' : s.target,
  };
}

function readyUrl(stdout: NodeJS.ReadableStream): Promise<string> {
  return new Promise((resolve) => {
    let out = '';
    stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /listening on (http:\/\/\S+)/.exec(out);
      if (m) resolve(m[1]!);
    });
  });
}

function printTable(header: string[], rows: string[][]): void {
  const table = [header, ...rows];
  const widths = header.map((_, i) => Math.max(...table.map((row) => row[i]!.length)));
  for (const [i, row] of table.entries()) {
    process.stdout.write(`| ${row.map((c, j) => c.padEnd(widths[j]!)).join(' | ')} |\n`);
    if (i === 0) process.stdout.write(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|\n`);
  }
}

/** The store's append on each backend under scenario (c)'s write pattern (bench/collab/commit-latency.ts). */
async function commitLatencyRows(cluster: PostgresCluster): Promise<string[][]> {
  const rows: string[][] = [];
  for (const [backend, storage] of [
    ['SQLite (collab.journal, then collab.sqlite)', await freshStorage(null)],
    ['PostgreSQL (local, pooled)', await freshStorage(cluster)],
  ] as const) {
    const store = await openCollabStore(storage);
    try {
      const r = await measureCommitLatency(store, Math.min(DURATION_MS, 5000));
      rows.push([backend, String(r.commits), r.rowsPerCommit.toFixed(1), ms(r.p50), ms(r.p99), ms(r.max)]);
    } finally {
      await store.close();
      rmSync(storage.dataDir, { recursive: true, force: true });
    }
  }
  return rows;
}

const ms = (n: number): string => (Number.isNaN(n) ? '-' : n.toFixed(2));
const { values: args } = parseArgs({ options: { database: { type: 'string', default: 'sqlite' } }, strict: true });
if (args.database !== 'sqlite' && args.database !== 'postgres') throw new Error(`--database sqlite|postgres (got ${args.database})`);
const cluster = args.database === 'postgres' ? await startPostgresCluster() : null;
try {
  if (cluster) {
    printTable(['store', 'commits', 'rows/commit', 'append p50 ms', 'append p99 ms', 'max ms'], await commitLatencyRows(cluster));
    process.stdout.write('\nCommit latency: the store alone, 2000 updates/s over 200 documents, one commit at a time 2 ms apart (scenario c as the plane writes it). The test cluster runs with fsync off, as SQLite\'s WAL commit does not sync either.\n\n');
  }
  // The collab CLI as an operator starts it: it runs as its bundle (server/cli-launch.ts), built here if stale.
  const serverEntry = join(REPO_ROOT, 'server/collab/cli.ts');
  const syncode = syncodeServer(serverEntry, cluster);
  const rows: Row[] = [];
  for (const s of scenarios) {
    if (process.env.BENCH_ONLY && !s.name.startsWith(`(${process.env.BENCH_ONLY})`)) continue;
    rows.push(await runScenario(s, syncode));
    if (process.env.BENCH_REFERENCE !== 'off') rows.push(await runScenario(s, referenceRelay));
  }
  printTable(
    ['scenario', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'delivered/s (samples)', 'server CPU', 'server RSS', 'bytes/update', 'joiner mismatches', 'target'],
    rows.map((r) => [r.scenario, ms(r.p50), ms(r.p95), ms(r.p99), ms(r.max), r.perSec, r.cpu, r.rss, r.bytesPerUpdate, r.mismatches, r.target]),
  );
  process.stdout.write(`\nStore: ${cluster ? 'PostgreSQL (a fresh database per scenario on a throwaway local cluster)' : 'collab.sqlite'}. Latency: sender transact -> observed by each peer (a-c); connect -> full SyncStep2 received (d). Joiner mismatches: fresh joiners (d) whose document at the SyncStep2 differs from the room document. (a-c) measure after ${WARMUP_MS / 1000} s of the same load (warm-up). CPU: % of one core over the measured window (user + kernel). Reference relay rows: the same load against a Yjs relay that keeps documents in memory only and checks nothing (the floor that this machine and this load generator give).\n`);
} finally {
  await cluster?.stop();
}
