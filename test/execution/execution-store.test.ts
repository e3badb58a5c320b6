// The execution store on a real database (a SQLite file, or PostgreSQL on the PostgreSQL test run): test texts
// kept once per content, migration 2 upgrading a database written by migration 1, migration 3's start times
// (jobs started before it have none), and the recovery of what a stopped server process left (several stores on
// one database stand for several processes).
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { ExecutionResult } from '../../server/protocol/index.ts';
import { createCursorCodec } from '../../server/pagination.ts';
import { migrateSql, openServerDatabase, type SqlDatabase } from '../../server/storage/sql/index.ts';
import { EXECUTION_MIGRATIONS } from '../../server/storage/execution/execution-migrations.ts';
import { createExecutionStore } from '../../server/storage/execution/execution-store.ts';
import { createAnalysisStore } from '../../server/storage/execution/analysis-store.ts';
import { aloneLiveness } from '../../server/node-liveness.ts';
import { makeTempDir } from '../support/temp-dir.ts';
import { testDatabaseUrl } from '../support/test-database.ts';
import { runRequest, submissionRequest } from './plane-fixture.ts';

let dir: ReturnType<typeof makeTempDir>;
let db: SqlDatabase;
beforeEach(async () => {
  dir = makeTempDir('syncode-exec-store-');
  db = openServerDatabase(await testDatabaseUrl(), dir.path, 'syncode.sqlite');
});
afterEach(async () => {
  await db.close();
  dir.remove();
});

/** A process's view of the database: its own node id (liveness comes from the tests as each call's `live`). */
const storeOf = (nodeId: string) => createExecutionStore(db, createCursorCodec('test-cursor-secret'), aloneLiveness(nodeId));
const live = (...nodes: string[]): ReadonlySet<string> => new Set(nodes);
const INTERRUPTED = {
  restarted: { code: 'INTERNAL', message: 'restarted' },
  stopped: { code: 'INTERNAL', message: 'stopped' },
};
const nodeOf = async (table: string, id: string) => (await db.get<{ node_id: string | null }>(`SELECT node_id FROM ${table} WHERE id = ?`, [id]))!.node_id;

const ran: ExecutionResult = { stdout: '1\n', stderr: '', stdoutTruncated: false, stderrTruncated: false, exitCode: 0, timeMs: 5, memoryKb: 100, verdict: 'ACCEPTED' };
const judged = (n: number) => ({
  verdict: 'ACCEPTED' as const,
  compileOutput: null,
  tests: Array.from({ length: n }, () => ({ verdict: 'ACCEPTED' as const, timeMs: 5, memoryKb: 100, actualOutput: 'x\n', stderr: '' })),
});

it('stores each distinct test text once, however many submissions judge it', async () => {
  const store = await storeOf('local');
  const big = 'y'.repeat(100_000);
  const tests = [
    { input: big, expectedOutput: '1\n', hidden: true },
    { input: '2\n', expectedOutput: '2\n' },
  ];
  const ids = [];
  for (let i = 0; i < 3; i++) ids.push((await store.createSubmission(submissionRequest('python', 'print(1)', tests))).id);
  expect(await db.get('SELECT COUNT(*) AS n FROM exec_test_data')).toEqual({ n: 2 });
  for (const id of ids) {
    expect((await store.startSubmission(id))!.tests.map((t) => [t.input.length, t.expectedOutput, t.hidden])).toEqual([
      [100_000, '1\n', true],
      [2, '2\n', false],
    ]);
    await store.completeSubmission(id, judged(2));
    expect((await store.getSubmission(id))!.tests.map((t) => [t.index, t.input?.length, t.expectedOutput, t.hidden])).toEqual([
      [0, 100_000, '1\n', true],
      [1, 2, '2\n', false],
    ]);
  }
});

it('migration 2 upgrades submissions written under migration 1', async () => {
  await migrateSql(db, 'execution', EXECUTION_MIGRATIONS.slice(0, 1));
  await db.run(`INSERT INTO exec_submissions (id, room_id, user_id, problem_id, language, snapshot_id, code, time_limit_ms,
    memory_limit_kb, status, verdict, passed, total, created_at, completed_at)
    VALUES ('s1', 'r', 'u', 'p', 'python', 'snap', 'print(1)', 1000, 65536, 'completed', 'WRONG_ANSWER', 1, 2, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:01.000Z')`);
  const insert = `INSERT INTO exec_submission_tests (submission_id, idx, test_case_id, hidden, input, expected_output, verdict,
    time_ms, memory_kb, actual_output, stderr) VALUES ('s1', ?, ?, ?, ?, ?, ?, 7, 300, ?, '')`;
  await db.run(insert, [0, 't0', 0, 'in0\n', 'out0\n', 'ACCEPTED', 'out0\n']);
  await db.run(insert, [1, 't1', 1, 'in1\n', 'out1\n', 'WRONG_ANSWER', 'nope\n']);

  const store = await storeOf('local');
  expect(await store.getSubmission('s1')).toMatchObject({
    verdict: 'WRONG_ANSWER',
    passed: 1,
    total: 2,
    tests: [
      { testCaseId: 't0', index: 0, hidden: false, verdict: 'ACCEPTED', input: 'in0\n', expectedOutput: 'out0\n', actualOutput: 'out0\n', timeMs: 7 },
      { testCaseId: 't1', index: 1, hidden: true, verdict: 'WRONG_ANSWER', input: 'in1\n', expectedOutput: 'out1\n', actualOutput: 'nope\n', memoryKb: 300 },
    ],
  });
  expect(await db.get('SELECT COUNT(*) AS n FROM exec_test_data')).toEqual({ n: 2 });
});

it('migration 3 records start times from then on; jobs started before it are left out of the queue time', async () => {
  await migrateSql(db, 'execution', EXECUTION_MIGRATIONS.slice(0, 2));
  await db.run(
    `INSERT INTO exec_runs (id, room_id, user_id, language, code, stdin, time_limit_ms, memory_limit_kb, status, created_at)
     VALUES ('old', 'r', 'u', 'python', 'print(1)', '', 1000, 65536, 'running', ?)`,
    [new Date(Date.now() - 60_000).toISOString()],
  );
  const store = await storeOf('local');
  expect(await store.queueStats(0)).toEqual({ averageQueueMs: 0 });
  const run = await store.createRun(runRequest('python', 'print(2)'));
  // A known wait: the job was accepted 1.5 s before it starts.
  await db.run('UPDATE exec_runs SET created_at = ? WHERE id = ?', [new Date(Date.now() - 1500).toISOString(), run.id]);
  await store.startRun(run.id);
  const { averageQueueMs } = await store.queueStats(Date.now() - 60_000);
  expect(averageQueueMs).toBeGreaterThanOrEqual(1500);
  expect(averageQueueMs).toBeLessThan(60_000);
});

it("a live process's running and queued jobs are left alone; a dead one's are failed and taken over", async () => {
  const a = await storeOf('node-a');
  const b = await storeOf('node-b');
  const running = await a.createRun(runRequest('python', 'print(1)'));
  await a.startRun(running.id);
  const queuedRun = await a.createRun(runRequest('python', 'print(2)'));
  const queuedSubmission = await a.createSubmission(submissionRequest('python', 'print(3)', [{ input: '', expectedOutput: '3\n' }]));
  expect(await nodeOf('exec_runs', queuedRun.id)).toBe('node-a');

  // node-a is alive (at b's start too), or nobody can tell (Redis unreachable): nothing is abandoned.
  for (const [nodes, atStart] of [[live('node-a', 'node-b'), false], [live('node-a', 'node-b'), true], [null, false]] as const) {
    expect(await b.failAbandoned(INTERRUPTED, nodes, atStart)).toEqual([]);
    expect(await b.takeOverQueued(nodes, atStart)).toEqual([]);
  }
  expect((await a.getRun(running.id))!.status).toBe('running');

  // node-a dropped out of presence (b's own job is not at stake once b runs).
  const ownRun = await b.createRun(runRequest('python', 'print(4)'));
  expect(await b.failAbandoned(INTERRUPTED, live('node-b'), false)).toEqual([
    { kind: 'run', id: running.id, roomId: running.roomId, userId: running.userId },
  ]);
  expect(await b.getRun(running.id)).toMatchObject({ status: 'failed', error: { code: 'INTERNAL', message: 'stopped' } });
  expect((await b.getRun(running.id))!.completedAt).not.toBeNull();
  expect(await b.takeOverQueued(live('node-b'), false)).toEqual([
    { kind: 'run', id: queuedRun.id, userId: queuedRun.userId },
    { kind: 'submission', id: queuedSubmission.id, userId: queuedSubmission.userId },
  ]);
  expect(await nodeOf('exec_runs', queuedRun.id)).toBe('node-b');
  expect(await nodeOf('exec_submissions', queuedSubmission.id)).toBe('node-b');
  expect(await b.takeOverQueued(live('node-b'), false)).toEqual([]);
  // Taken over, not run: still queued.
  expect((await b.getRun(queuedRun.id))!.status).toBe('queued');
  expect(await b.getRun(ownRun.id)).toMatchObject({ status: 'queued', error: null });
});

it("at start, the process's own previous jobs and jobs that recorded no process are abandoned too", async () => {
  const before = await storeOf('node-a');
  const running = await before.createRun(runRequest('python', 'print(1)'));
  await before.startRun(running.id);
  const queued = await before.createRun(runRequest('python', 'print(2)'));
  const other = await (await storeOf('node-b')).createRun(runRequest('python', 'print(3)'));
  await (await storeOf('node-b')).startRun(other.id);
  // Written before migration 5: no node.
  const legacy = await before.createRun(runRequest('python', 'print(4)'));
  await db.run('UPDATE exec_runs SET node_id = NULL WHERE id = ?', [legacy.id]);

  const restarted = await storeOf('node-a');
  expect(await restarted.failAbandoned(INTERRUPTED, live('node-a', 'node-b'), false)).toEqual([]);
  expect((await restarted.failAbandoned(INTERRUPTED, live('node-a', 'node-b'), true)).map((j) => j.id)).toEqual([running.id]);
  expect(await restarted.getRun(running.id)).toMatchObject({ status: 'failed', error: { code: 'INTERNAL', message: 'restarted' } });
  expect((await restarted.takeOverQueued(live('node-a', 'node-b'), true)).map((j) => j.id)).toEqual([queued.id, legacy.id]);
  expect(await nodeOf('exec_runs', legacy.id)).toBe('node-a');
  expect((await restarted.getRun(other.id))!.status).toBe('running');
});

it('two processes taking over at once never both get a job', async () => {
  const dead = await storeOf('node-a');
  const [b, c] = [await storeOf('node-b'), await storeOf('node-c')];
  for (let round = 0; round < 3; round++) {
    const ids = [];
    for (let i = 0; i < 20; i++) ids.push((await dead.createRun(runRequest('python', `print(${i})`))).id);
    const [toB, toC] = await Promise.all([b.takeOverQueued(live('node-b', 'node-c'), false), c.takeOverQueued(live('node-b', 'node-c'), false)]);
    const taken = [...toB, ...toC].map((j) => j.id);
    expect(taken.sort()).toEqual(ids.sort());
  }
});

it('a job ends once: a late result does not overwrite a failure, and a sweep leaves a finished job alone', async () => {
  const a = await storeOf('node-a');
  const b = await storeOf('node-b');
  const run = await a.createRun(runRequest('python', 'print(1)'));
  await a.startRun(run.id);
  expect(await b.failAbandoned(INTERRUPTED, live('node-b'), false)).toHaveLength(1);
  expect(await a.completeRun(run.id, ran)).toBe(false);
  expect(await a.failJob('run', run.id, { code: 'INTERNAL', message: 'late' })).toBe(false);
  expect(await a.getRun(run.id)).toMatchObject({ status: 'failed', result: null, error: { message: 'stopped' } });

  const submission = await a.createSubmission(submissionRequest('python', 'print(1)', [{ input: '', expectedOutput: '1\n' }]));
  await a.startSubmission(submission.id);
  expect(await a.failJob('submission', submission.id, { code: 'INTERNAL', message: 'the execution failed' })).toBe(true);
  expect(await a.completeSubmission(submission.id, judged(1))).toBe(false);
  expect(await a.getSubmission(submission.id)).toMatchObject({ status: 'failed', verdict: null, passed: 0, tests: [] });
  expect(await db.get('SELECT verdict FROM exec_submission_tests WHERE submission_id = ?', [submission.id])).toEqual({ verdict: null });

  const done = await a.createRun(runRequest('python', 'print(2)'));
  await a.startRun(done.id);
  expect(await a.completeRun(done.id, ran)).toBe(true);
  expect(await b.failAbandoned(INTERRUPTED, live('node-b'), true)).toEqual([]);
  expect((await a.getRun(done.id))!.status).toBe('completed');
});

it('analyses: a dead process\'s running ones are failed, its queued ones taken over; a live one\'s are left alone', async () => {
  const a = await createAnalysisStore(db, aloneLiveness('node-a'));
  const b = await createAnalysisStore(db, aloneLiveness('node-b'));
  const request = { ...runRequest('python', 'import os\n'), complexity: null };
  const running = await a.create(request);
  await a.start(running.id);
  const queued = await a.create(request);
  expect(await b.failAbandoned(INTERRUPTED, live('node-a', 'node-b'), true)).toBe(0);
  expect(await b.takeOverQueued(live('node-a', 'node-b'), true)).toEqual([]);
  expect(await b.failAbandoned(INTERRUPTED, live('node-b'), false)).toBe(1);
  expect((await b.get(running.id))!.job).toMatchObject({ status: 'failed', error: { code: 'INTERNAL', message: 'stopped' } });
  await a.complete(running.id, { issues: [], complexity: null });
  expect((await b.get(running.id))!.job.status).toBe('failed');
  expect(await b.takeOverQueued(live('node-b'), false)).toEqual([{ id: queued.id, userId: request.userId }]);
  expect(await nodeOf('exec_analyses', queued.id)).toBe('node-b');
});
