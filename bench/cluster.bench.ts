// `npm run bench:cluster`: bench:collab's scenario (c) — 200 rooms x 2 clients x 5 ops/s — against one server
// process and against two (each room's two clients on different processes, no load balancer: one of them
// is piped to the room's owner), on a throwaway PostgreSQL and Redis; the one-process SQLite collab server
// as the reference; then the failover time: kill -9 of a room's owner → the first update accepted by the
// new owner, seen by a client. Prints one table; asserts nothing.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { SignJWT } from 'jose';
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { createCollabHttpClient } from '../server/collab/index.ts';
import { REPO_ROOT } from '../server/paths.ts';
import { sendEditsAfterAnswer } from '../server/protocol/index.ts';
import { startPostgresCluster } from '../test/support/postgres-cluster.ts';
import { startRedisServer, type RedisServer } from '../test/support/redis-server.ts';
import { startServerCli } from '../test/support/server-cli.ts';
import { makeTempDir } from '../test/support/temp-dir.ts';
import type { GeneratorConfig } from './collab/load-generator.ts';
import { runGenerator } from './collab/generator-process.ts';
import { cpuSeconds, percentile } from './collab/proc-stats.ts';

const JWT_SECRET = 'bench-jwt-secret-0123456789abcdef0123456789';
const INTERNAL_SECRET = 'bench-internal-secret-0123456789abcdef01';
const DURATION_MS = Number(process.env.BENCH_DURATION_MS ?? 10_000);
/** As in bench:collab: the same load runs this long before the measured window, so a fresh process's JIT is not measured. */
const WARMUP_MS = Number(process.env.BENCH_WARMUP_MS ?? 3_000);
const ROOMS = 200;
const FAILOVER_RUNS = Number(process.env.BENCH_FAILOVER_RUNS ?? 3);
const FAILOVER_LIMIT_MS = 60_000;

interface Server {
  url: string;
  child: ChildProcess;
  stop(signal?: NodeJS.Signals): Promise<unknown>;
}

interface Row {
  scenario: string;
  p50: string;
  p95: string;
  p99: string;
  delivered: string;
  cpu: string;
}

const dirs: ReturnType<typeof makeTempDir>[] = [];

/** A full server process (`server/cli.ts`) of the cluster, or the standalone SQLite collab server. */
async function startServer(kind: 'cluster' | 'sqlite-collab', env: Record<string, string> = {}): Promise<Server> {
  const dir = makeTempDir('syncode-bench-cluster-');
  dirs.push(dir);
  const common = { SYNCODE_JWT_SECRET: JWT_SECRET, SYNCODE_INTERNAL_SECRET: INTERNAL_SECRET, SYNCODE_RATE_LIMITS: 'off' };
  if (kind === 'cluster') {
    const server = await startServerCli(['--data-dir', dir.path], { ...common, SYNCODE_SANDBOX: 'limited', ...env });
    return { url: server.url, child: server.child, stop: (signal) => server.stop(signal) };
  }
  const child = spawn(process.execPath, [join(REPO_ROOT, 'server/collab/cli.ts'), '--port', '0', '--data-dir', dir.path], {
    env: { ...process.env, ...common },
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  const url = await new Promise<string>((resolve) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /listening on (http:\/\/\S+)/.exec(out);
      if (m) resolve(m[1]!);
    });
  });
  return { url, child, stop: (signal) => stopChild(child, signal) };
}

function stopChild(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<unknown> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  const exited = new Promise((r) => child.once('exit', r));
  child.kill(signal);
  return exited;
}

async function createRooms(servers: Server[], count: number): Promise<string[]> {
  const rooms = Array.from({ length: count }, () => randomUUID());
  // Round robin: with two processes, each owns half the rooms.
  for (const [i, roomId] of rooms.entries()) {
    await createCollabHttpClient(servers[i % servers.length]!.url, INTERNAL_SECRET).createDocument({
      roomId,
      mode: 'interview',
      phase: 'waiting',
      language: 'python',
      problemId: null,
      initialCode: '',
      editorLocked: false,
      participants: [],
    });
  }
  return rooms;
}

/** Scenario (c) with each room's clients spread over `servers`: latency percentiles and CPU of each process. */
async function loadRow(scenario: string, servers: Server[]): Promise<Row> {
  const rooms = await createRooms(servers, ROOMS);
  const collabUrls = servers.map((s) => `${s.url.replace('http', 'ws')}/collab`);
  const config: GeneratorConfig = {
    kind: 'ops',
    collabUrl: collabUrls[0]!,
    collabUrls,
    jwtSecret: JWT_SECRET,
    rooms,
    clientsPerRoom: 2,
    opsPerSec: 5,
    warmupMs: WARMUP_MS,
    durationMs: DURATION_MS,
    client: 'light',
  };
  let cpuStart: number[] = [];
  let cpu: number[] = [];
  let wallStart = 0;
  let wall = 0;
  const result = (await runGenerator(config, (event) => {
    if (event === 'start') {
      cpuStart = servers.map((s) => cpuSeconds(s.child.pid!));
      wallStart = performance.now();
    } else {
      cpu = servers.map((s, i) => cpuSeconds(s.child.pid!) - cpuStart[i]!);
      wall = (performance.now() - wallStart) / 1000;
    }
  })) as { latencies: number[]; expected: number; elapsedMs: number };
  const samples = result.latencies.sort((a, b) => a - b);
  return {
    scenario,
    p50: ms(percentile(samples, 50)),
    p95: ms(percentile(samples, 95)),
    p99: ms(percentile(samples, 99)),
    delivered: `${Math.round(samples.length / (result.elapsedMs / 1000))} (${samples.length}/${result.expected})`,
    cpu: cpu.map((c) => `${((c / wall) * 100).toFixed(1)} %`).join(' + '),
  };
}

async function collabToken(roomId: string): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ roomId, role: 'host', name: 'bench', color: '#123456', typ: 'collab' })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(randomUUID())
    .setIssuedAt(now)
    .setExpirationTime(now + 3600)
    .sign(new TextEncoder().encode(JWT_SECRET));
}

/** A stock provider retrying as the product client does after 1013 (at most 0.8 s apart). */
async function provider(collabUrl: string, roomId: string): Promise<{ ydoc: Y.Doc; provider: WebsocketProvider }> {
  const ydoc = new Y.Doc();
  const p = new WebsocketProvider(collabUrl, `${roomId}/code`, ydoc, {
    params: { token: await collabToken(roomId) },
    disableBc: true,
    WebSocketPolyfill: WebSocket as never,
    maxBackoffTime: 800,
  });
  p.messageHandlers[100] = () => {};
  // As the product client: the writer keeps typing through the failover (R5 would reject an edit sent early).
  sendEditsAfterAnswer(p);
  return { ydoc, provider: p };
}

/**
 * One failover: a room owned by `owner`, a writer and an observer connected through `survivor`; kill -9 of
 * the owner; the time until the observer receives an edit the survivor accepted as the room's new owner.
 */
async function failoverOnce(redis: RedisServer, databaseUrl: string, run: number): Promise<{ takeoverMs: number; leaseLeftMs: number }> {
  const env = { SYNCODE_DATABASE_URL: databaseUrl, SYNCODE_REDIS_URL: redis.url };
  const owner = await startServer('cluster', { ...env, SYNCODE_NODE_ID: `owner-${run}` });
  const survivor = await startServer('cluster', { ...env, SYNCODE_NODE_ID: `survivor-${run}` });
  const [roomId] = await createRooms([owner], 1);
  const url = `${survivor.url.replace('http', 'ws')}/collab`;
  const writer = await provider(url, roomId!);
  const observer = await provider(url, roomId!);
  while (!(writer.provider.synced && observer.provider.synced)) await new Promise((r) => setTimeout(r, 20));
  const typing = setInterval(() => writer.ydoc.getText('code').insert(0, 'x'), 20);
  while (observer.ydoc.getText('code').length < 20) await new Promise((r) => setTimeout(r, 20));
  const leaseLeftMs = await redis.client().pttl(`syncode:room-owner:${roomId}`);
  const seenAtKill = observer.ydoc.getText('code').length;
  const killedAt = performance.now();
  await owner.stop('SIGKILL');
  // A failover that never completes is a finding, not a hang: give up after a minute.
  const takenOverAt = await new Promise<number>((resolve, reject) => {
    const giveUp = setTimeout(() => reject(new Error(`failover ${run + 1}: no edit accepted within ${FAILOVER_LIMIT_MS / 1000} s of the kill`)), FAILOVER_LIMIT_MS);
    observer.ydoc.on('update', () => {
      if (observer.ydoc.getText('code').length > seenAtKill) {
        clearTimeout(giveUp);
        resolve(performance.now());
      }
    });
  });
  clearInterval(typing);
  for (const c of [writer, observer]) {
    c.provider.destroy();
    c.ydoc.destroy();
  }
  await survivor.stop();
  return { takeoverMs: takenOverAt - killedAt, leaseLeftMs };
}

const ms = (n: number): string => (Number.isNaN(n) ? '-' : n.toFixed(2));

const redis = await startRedisServer();
const postgres = await startPostgresCluster();
const rows: Row[] = [];
const failovers: { takeoverMs: number; leaseLeftMs: number }[] = [];
/** Progress on stderr: the table comes at the end, after minutes. */
const progress = (step: string): void => void process.stderr.write(`bench:cluster: ${step}\n`);
try {
  progress('(c) on one SQLite collab server');
  const sqlite = await startServer('sqlite-collab');
  rows.push(await loadRow('(c) 1 process, SQLite (collab server)', [sqlite]));
  await sqlite.stop();
  for (const count of [1, 2]) {
    await redis.client().flushall();
    const env = { SYNCODE_DATABASE_URL: await postgres.createDatabase(), SYNCODE_REDIS_URL: redis.url };
    progress(`(c) on ${count} process(es), PostgreSQL + Redis`);
    const servers: Server[] = [];
    for (let i = 0; i < count; i++) servers.push(await startServer('cluster', { ...env, SYNCODE_NODE_ID: `node-${i}` }));
    rows.push(await loadRow(count === 1 ? '(c) 1 process, PostgreSQL + Redis' : '(c) 2 processes, clients split', servers));
    for (const s of servers) await s.stop();
  }
  const databaseUrl = await postgres.createDatabase();
  for (let run = 0; run < FAILOVER_RUNS; run++) {
    progress(`failover ${run + 1}/${FAILOVER_RUNS}`);
    failovers.push(await failoverOnce(redis, databaseUrl, run));
  }
} finally {
  await redis.stop();
  await postgres.stop();
  for (const d of dirs) d.remove();
}

const header = ['scenario', 'p50 ms', 'p95 ms', 'p99 ms', 'delivered/s (samples)', 'CPU per process'];
const table = [header, ...rows.map((r) => [r.scenario, r.p50, r.p95, r.p99, r.delivered, r.cpu])];
const widths = header.map((_, i) => Math.max(...table.map((row) => row[i]!.length)));
for (const [i, row] of table.entries()) {
  process.stdout.write(`| ${row.map((c, j) => c.padEnd(widths[j]!)).join(' | ')} |\n`);
  if (i === 0) process.stdout.write(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|\n`);
}
const takeovers = failovers.map((f) => f.takeoverMs).sort((a, b) => a - b);
if (takeovers.length > 0) process.stdout.write(
  `\nFailover (kill -9 of the owner -> first edit accepted by the new owner, seen by a client), ${failovers.length} runs: ` +
    `min ${(takeovers[0]! / 1000).toFixed(1)} s, median ${(percentile(takeovers, 50) / 1000).toFixed(1)} s, max ${(takeovers.at(-1)! / 1000).toFixed(1)} s ` +
    `(lease time left at the kill: ${failovers.map((f) => (f.leaseLeftMs / 1000).toFixed(1)).join(', ')} s).\n`,
);
process.stdout.write(
  `Latency: sender transact -> observed by the other client of the room, after ${WARMUP_MS / 1000} s of the same load (warm-up). CPU: % of one core over the measured window, per server process. ` +
    'Two processes: every room has one client on each process, so one of its two sockets is piped to the room owner.\n',
);
