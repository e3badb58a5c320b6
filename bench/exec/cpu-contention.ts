// The "CPU-bound runs vs a room's edits" scenario of `npm run bench:exec`: one real server (collab plane and
// execution plane in one process, as deployed), a room with two editing clients in their own process (the collab
// bench's load generator), and 0, 1 or `workers` concurrent runs of a busy loop. Each execution is held to one
// core and all of them weigh little against the server (docs/sandbox.md), so edit latency should stay within
// noise of the idle row.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { silentLogger } from '../../server/logger.ts';
import { REPO_ROOT } from '../../server/paths.ts';
import { startServer } from '../../server/start-server.ts';
import { percentile } from '../collab/proc-stats.ts';
import { restCaller } from './api-runner.ts';
import type { GeneratorConfig } from '../collab/load-generator.ts';

const JWT_SECRET = 'bench-exec-jwt-secret-0123456789abcdef012345';
const EDIT_WINDOW_MS = 4000;
const BUSY_LOOP = 'while True:\n    pass\n';

export async function cpuContentionRows(workers: number): Promise<string[][]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'syncode-bench-contention-'));
  const server = await startServer({ port: 0, dataDir, jwtSecret: JWT_SECRET, webRoot: null, problemsDir: null, rateLimits: false, execution: { workers }, log: silentLogger });
  const call = restCaller(server.url);
  try {
    const health = await call('GET', '/v1/health');
    const auth = await call('POST', '/v1/auth/register', undefined, { email: 'contention@example.com', password: 'bench password 1', displayName: 'Bench' });
    const token = auth.accessToken as string;
    const room = await call('POST', '/v1/rooms', token, { mode: 'interview', language: 'python' });
    await call('POST', `/v1/rooms/${room.id}/control/phase`, token, { to: 'coding' });
    const rows = [['scenario', 'edits', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'execution check']];
    for (const busy of [0, 1, workers]) {
      const runs = await Promise.all(Array.from({ length: busy }, () => call('POST', `/v1/rooms/${room.id}/run`, token, { language: 'python', code: BUSY_LOOP })));
      // The edit window starts once every busy loop is executing (a run without a problem gets 5 s).
      for (const run of runs) {
        while ((await call('GET', run.pollUrl, token)).status !== 'running') await new Promise((r) => setTimeout(r, 10));
      }
      const latencies = (await editLatencies(`${server.url.replace('http', 'ws')}/collab`, room.id)).sort((a, b) => a - b);
      for (const run of runs) {
        while ((await call('GET', run.pollUrl, token)).status !== 'completed') await new Promise((r) => setTimeout(r, 50));
      }
      rows.push([
        busy === 0 ? 'idle' : `${busy} CPU-bound run${busy > 1 ? 's' : ''}`,
        String(latencies.length),
        ...[50, 95, 99].map((p) => percentile(latencies, p).toFixed(1)),
        latencies.at(-1)!.toFixed(1),
        busy === 0 ? health.checks.execution.message : '',
      ]);
    }
    return rows;
  } finally {
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Two provider clients editing the room's code at 20 ops/s each; the peer's apply latency of every op. */
function editLatencies(collabUrl: string, roomId: string): Promise<number[]> {
  const config: GeneratorConfig = { kind: 'ops', collabUrl, jwtSecret: JWT_SECRET, rooms: [roomId], clientsPerRoom: 2, opsPerSec: 20, durationMs: EDIT_WINDOW_MS, client: 'provider' };
  const generator = spawn(process.execPath, [join(REPO_ROOT, 'bench/collab/load-generator.ts'), JSON.stringify(config)], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let buffered = '';
    generator.stdout.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      let nl: number;
      while ((nl = buffered.indexOf('\n')) >= 0) {
        const line = JSON.parse(buffered.slice(0, nl)) as { event: string; latencies?: number[] };
        buffered = buffered.slice(nl + 1);
        if (line.event === 'result') resolve(line.latencies!);
      }
    });
    generator.once('exit', (code) => (code === 0 ? undefined : reject(new Error(`load generator exited ${code}`))));
  });
}
