// A restart on the same data dir: queued jobs (analyses included) run, jobs that were running are failed with a
// clear code.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { afterEach, expect, it } from 'vitest';
import type { ExecutionFinished } from '../../server/execution/index.ts';
import { pollUntil } from '../support/poll.ts';
import { findV1Hierarchies } from '../../server/execution/cgroup.ts';
import { makeTempDir } from '../support/temp-dir.ts';
import { testDatabaseUrl } from '../support/test-database.ts';
import { runRequest, startPlane, submissionRequest, waitForRun, waitForSubmission } from './plane-fixture.ts';
import { processesWith } from './processes-with.ts';

const dir = makeTempDir('syncode-exec-restart-');
afterEach(() => dir.remove());

it('after a restart, queued jobs run and interrupted ones are failed; onDidFinish fires once per job', async () => {
  const databaseUrl = await testDatabaseUrl();
  const first = await startPlane({ dataDir: dir.path, databaseUrl, workers: 1 });
  const stuck = await first.plane.enqueueRun(runRequest('python', 'import time\ntime.sleep(3600)\n', { timeLimitMs: 10_000 }));
  await pollUntil(async () => (await first.plane.getRun(stuck.id))!.status, (s) => s === 'running', { what: 'the first run to start' });
  // The only worker is busy: these two wait in the queue.
  const queuedRun = await first.plane.enqueueRun(runRequest('python', 'print(input())\n', { stdin: 'still here\n' }));
  const queuedSubmission = await first.plane.enqueueSubmission(
    submissionRequest('javascript', 'console.log(require("fs").readFileSync(0, "utf8").trim() * 2)', [{ input: '21\n', expectedOutput: '42\n' }]),
  );
  const queuedAnalysis = await first.plane.enqueueAnalysis({ ...runRequest('python', 'import os\n'), complexity: null });
  expect(await first.plane.hasActiveSubmission(queuedSubmission.roomId)).toBe(true);
  await first.close();

  const second = await startPlane({ dataDir: dir.path, databaseUrl, workers: 1 });
  const events: ExecutionFinished[] = [];
  second.plane.onDidFinish((e) => events.push(e));
  try {
    expect(await second.plane.getRun(stuck.id)).toMatchObject({
      status: 'failed',
      result: null,
      error: { code: 'INTERNAL', message: 'interrupted by a server restart' },
    });
    expect((await second.plane.getRun(stuck.id))!.completedAt).not.toBeNull();
    const run = await waitForRun(second.plane, queuedRun.id);
    expect(run.result).toMatchObject({ verdict: 'ACCEPTED', stdout: 'still here\n' });
    const submission = await waitForSubmission(second.plane, queuedSubmission.id);
    expect(submission).toMatchObject({ status: 'completed', verdict: 'ACCEPTED', passed: 1, total: 1 });
    expect(await second.plane.hasActiveSubmission(queuedSubmission.roomId)).toBe(false);
    const analysis = await pollUntil(async () => (await second.plane.getAnalysis(queuedAnalysis.id))!.job, (j) => j.status === 'completed', { what: 'queued analysis' });
    expect(analysis.result!.issues.map((i) => i.ruleId)).toEqual(['pyflakes:unused-import']);
    await pollUntil(() => events.length, (n) => n >= 2, { what: 'two finish events' });
    expect(events.map((e) => [e.kind, e.id, e.status, e.verdict]).sort()).toEqual(
      [
        ['run', queuedRun.id, 'completed', 'ACCEPTED'],
        ['submission', queuedSubmission.id, 'completed', 'ACCEPTED'],
      ].sort(),
    );
  } finally {
    await second.close();
  }
});

it('a crashed server takes its programs with it; the next start removes its cgroups and temp dir and fails its jobs', async () => {
  const marker = `syncode-crash-${randomUUID()}`;
  const databaseUrl = await testDatabaseUrl();
  const child = spawn(process.execPath, [new URL('./fixtures/crashing-plane.ts', import.meta.url).pathname, dir.path, marker, databaseUrl ?? ''], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const runId = await new Promise<string>((resolve, reject) => {
    child.stdout.once('data', (chunk: Buffer) => resolve(chunk.toString().trim()));
    child.once('exit', (code) => reject(new Error(`crashing plane exited early (${code})`)));
  });
  await pollUntil(() => processesWith(marker).length, (n) => n > 0, { what: 'the program to start' });
  const hierarchies = findV1Hierarchies()!;
  const staleGroups = () =>
    [hierarchies.memory, hierarchies.pids].flatMap((parent) => readdirSync(parent).filter((n) => n.startsWith(`syncode-exec-${child.pid}-`)));
  expect(staleGroups()).toHaveLength(2);
  const staleWorkRoots = () => readdirSync(tmpdir()).filter((n) => n.startsWith(`syncode-exec-${child.pid}-`));
  expect(staleWorkRoots()).toHaveLength(1);

  child.kill('SIGKILL');
  await new Promise((resolve) => child.once('exit', resolve));
  await pollUntil(() => processesWith(marker), (pids) => pids.length === 0, { what: 'the orphaned program to die with its server' });
  expect(staleGroups()).toHaveLength(2);

  const next = await startPlane({ dataDir: dir.path, databaseUrl, workers: 1 });
  try {
    expect(staleGroups()).toEqual([]);
    expect(staleWorkRoots()).toEqual([]);
    expect(await next.plane.getRun(runId)).toMatchObject({ status: 'failed', error: { code: 'INTERNAL', message: 'interrupted by a server restart' } });
  } finally {
    await next.close();
  }
});
