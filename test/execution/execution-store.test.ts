// The execution store on a real database (a SQLite file, or PostgreSQL on the PostgreSQL test run): test texts
// kept once per content, migration 2 upgrading a database written by migration 1, and migration 3's start times
// (jobs started before it have none).
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createCursorCodec } from '../../server/pagination.ts';
import { migrateSql, openServerDatabase, type SqlDatabase } from '../../server/storage/sql/index.ts';
import { EXECUTION_MIGRATIONS } from '../../server/storage/execution/execution-migrations.ts';
import { createExecutionStore } from '../../server/storage/execution/execution-store.ts';
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

const judged = (n: number) => ({
  verdict: 'ACCEPTED' as const,
  compileOutput: null,
  tests: Array.from({ length: n }, () => ({ verdict: 'ACCEPTED' as const, timeMs: 5, memoryKb: 100, actualOutput: 'x\n', stderr: '' })),
});

it('stores each distinct test text once, however many submissions judge it', async () => {
  const store = await createExecutionStore(db, createCursorCodec('test-cursor-secret'));
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

  const store = await createExecutionStore(db, createCursorCodec('test-cursor-secret'));
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
  const store = await createExecutionStore(db, createCursorCodec('test-cursor-secret'));
  expect(await store.queueStats(0)).toEqual({ averageQueueMs: 0 });
  const run = await store.createRun(runRequest('python', 'print(2)'));
  // A known wait: the job was accepted 1.5 s before it starts.
  await db.run('UPDATE exec_runs SET created_at = ? WHERE id = ?', [new Date(Date.now() - 1500).toISOString(), run.id]);
  await store.startRun(run.id);
  const { averageQueueMs } = await store.queueStats(Date.now() - 60_000);
  expect(averageQueueMs).toBeGreaterThanOrEqual(1500);
  expect(averageQueueMs).toBeLessThan(60_000);
});
