// All SQL of the execution plane: runs, submissions and their per-test results (area `execution`).

import { randomUUID } from 'node:crypto';
import {
  type ExecutionResult,
  type JobError,
  type RunResult,
  type SubmissionResult,
  type SubmissionSummary,
  type SupportedLanguage,
  type TestResult,
  type Verdict,
} from '../../protocol/index.ts';
import type { Page } from '../../protocol/api/common.ts';
import type { PageRequest, RunRequest, SubmissionRequest } from '../../execution/types.ts';
import { toPage, type CursorCodec } from '../../pagination.ts';
import { migrate, type SqliteDatabase } from '../database.ts';
import { EXECUTION_MIGRATIONS } from './execution-migrations.ts';
import { testDataHash } from './test-data-hash.ts';

export type JobKind = 'run' | 'submission';

export interface QueuedJob {
  kind: JobKind;
  id: string;
  userId: string;
}

/** What a worker needs to execute a job: the stored request and its id. */
export interface RunJob extends RunRequest {
  id: string;
}

export interface SubmissionJob extends SubmissionRequest {
  id: string;
}

export interface JudgedTest {
  verdict: Verdict;
  timeMs: number;
  memoryKb: number;
  actualOutput: string | null;
  stderr: string | null;
}

export interface SubmissionOutcome {
  verdict: Verdict;
  compileOutput: string | null;
  tests: JudgedTest[];
}

interface RunRow {
  seq: number;
  id: string;
  room_id: string;
  user_id: string;
  language: SupportedLanguage;
  code: string;
  stdin: string;
  time_limit_ms: number;
  memory_limit_kb: number;
  status: RunResult['status'];
  result_json: string | null;
  error_code: string | null;
  error_message: string | null;
  created_at: string;
  completed_at: string | null;
}

interface SubmissionRow {
  seq: number;
  id: string;
  room_id: string;
  user_id: string;
  problem_id: string;
  language: SupportedLanguage;
  snapshot_id: string;
  code: string;
  time_limit_ms: number;
  memory_limit_kb: number;
  status: SubmissionSummary['status'];
  verdict: Verdict | null;
  passed: number;
  total: number;
  compile_output: string | null;
  max_time_ms: number | null;
  max_memory_kb: number | null;
  error_code: string | null;
  error_message: string | null;
  created_at: string;
  completed_at: string | null;
}

interface TestRow {
  idx: number;
  test_case_id: string;
  hidden: number;
  input: string;
  expected_output: string;
  verdict: Verdict | null;
  time_ms: number | null;
  memory_kb: number | null;
  actual_output: string | null;
  stderr: string | null;
}

export type ExecutionStore = ReturnType<typeof createExecutionStore>;

export function createExecutionStore(db: SqliteDatabase, cursors: CursorCodec) {
  migrate(db, 'execution', EXECUTION_MIGRATIONS);
  const now = (): string => new Date().toISOString();

  const insertRun = db.prepare(`INSERT INTO exec_runs
    (id, room_id, user_id, language, code, stdin, time_limit_ms, memory_limit_kb, status, created_at)
    VALUES (@id, @roomId, @userId, @language, @code, @stdin, @timeLimitMs, @memoryLimitKb, 'queued', @createdAt)`);
  const insertSubmission = db.prepare(`INSERT INTO exec_submissions
    (id, room_id, user_id, problem_id, language, snapshot_id, code, time_limit_ms, memory_limit_kb, status, total, created_at)
    VALUES (@id, @roomId, @userId, @problemId, @language, @snapshotId, @code, @timeLimitMs, @memoryLimitKb, 'queued', @total, @createdAt)`);
  const insertTestData = db.prepare('INSERT OR IGNORE INTO exec_test_data (hash, input, expected_output) VALUES (?, ?, ?)');
  const insertTest = db.prepare(`INSERT INTO exec_submission_tests
    (submission_id, idx, test_case_id, hidden, test_hash) VALUES (?, ?, ?, ?, ?)`);
  const runById = db.prepare('SELECT * FROM exec_runs WHERE id = ?');
  const submissionById = db.prepare('SELECT * FROM exec_submissions WHERE id = ?');
  const testsOf = db.prepare(`SELECT t.*, d.input, d.expected_output FROM exec_submission_tests t
    JOIN exec_test_data d ON d.hash = t.test_hash WHERE t.submission_id = ? ORDER BY t.idx`);
  const judgeTest = db.prepare(`UPDATE exec_submission_tests SET verdict = ?, time_ms = ?, memory_kb = ?,
    actual_output = ?, stderr = ? WHERE submission_id = ? AND idx = ?`);

  /** Newest first by `seq`; the cursor is the last row's seq, signed and scoped to the table's list. */
  const page = <R extends { seq: number }, T>(table: string, roomId: string, request: PageRequest, map: (r: R) => T): Page<T> => {
    const scope = `execution.${table}`;
    const before = request.cursor === undefined ? Number.MAX_SAFE_INTEGER : (cursors.decode(scope, request.cursor, ['number'])[0] as number);
    const rows = db
      .prepare(`SELECT * FROM ${table} WHERE room_id = ? AND seq < ? ORDER BY seq DESC LIMIT ?`)
      .all(roomId, before, request.limit + 1) as R[];
    return toPage(rows, request.limit, cursors, scope, (row) => [row.seq], map);
  };

  /** Moves a queued job to running; false if it is not queued anymore (taken, or failed meanwhile). */
  const claim = (table: 'exec_runs' | 'exec_submissions', id: string): boolean =>
    db.prepare(`UPDATE ${table} SET status = 'running', started_at = ? WHERE id = ? AND status = 'queued'`).run(now(), id).changes > 0;
  // SQLite's julianday keeps whole milliseconds, so the difference is exact.
  const averageWait = db.prepare(`SELECT AVG(wait_ms) AS average FROM (
      SELECT (julianday(started_at) - julianday(created_at)) * 86400000.0 AS wait_ms FROM exec_runs WHERE started_at >= @since
      UNION ALL
      SELECT (julianday(started_at) - julianday(created_at)) * 86400000.0 AS wait_ms FROM exec_submissions WHERE started_at >= @since
    )`);

  return {
    createRun(run: RunRequest): RunResult {
      const id = randomUUID();
      insertRun.run({ ...run, id, createdAt: now() });
      return toRunResult(runById.get(id) as RunRow);
    },

    createSubmission(submission: SubmissionRequest): SubmissionSummary {
      const id = randomUUID();
      db.transaction(() => {
        insertSubmission.run({ ...submission, id, total: submission.tests.length, createdAt: now() });
        submission.tests.forEach((t, i) => {
          const hash = testDataHash(t.input, t.expectedOutput);
          insertTestData.run(hash, t.input, t.expectedOutput);
          insertTest.run(id, i, t.id, t.hidden ? 1 : 0, hash);
        });
      })();
      return toSummary(submissionById.get(id) as SubmissionRow);
    },

    getRun(id: string): RunResult | undefined {
      const row = runById.get(id) as RunRow | undefined;
      return row && toRunResult(row);
    },

    getSubmission(id: string): SubmissionResult | undefined {
      const row = submissionById.get(id) as SubmissionRow | undefined;
      if (!row) return undefined;
      const tests = row.status === 'completed' ? (testsOf.all(id) as TestRow[]).map(toTestResult) : [];
      return {
        ...toSummary(row),
        tests,
        compileOutput: row.compile_output,
        maxTimeMs: row.max_time_ms,
        maxMemoryKb: row.max_memory_kb,
        error: jobError(row),
      };
    },

    listRuns: (roomId: string, request: PageRequest) => page('exec_runs', roomId, request, toRunResult),
    listSubmissions: (roomId: string, request: PageRequest) => page('exec_submissions', roomId, request, toSummary),

    hasActiveSubmission(roomId: string): boolean {
      return db
        .prepare(`SELECT 1 FROM exec_submissions WHERE room_id = ? AND status IN ('queued', 'running') LIMIT 1`)
        .get(roomId) !== undefined;
    },

    /** Queued jobs of both kinds in the order they were accepted. */
    queuedJobs(): QueuedJob[] {
      return db
        .prepare(
          `SELECT 'run' AS kind, id, user_id AS userId, created_at FROM exec_runs WHERE status = 'queued'
           UNION ALL
           SELECT 'submission' AS kind, id, user_id AS userId, created_at FROM exec_submissions WHERE status = 'queued'
           ORDER BY created_at`,
        )
        .all() as QueuedJob[];
    },

    /** Average time from `createdAt` to start, in whole ms, over the runs and submissions started at `sinceMs` or later. */
    queueStats(sinceMs: number): { averageQueueMs: number } {
      const { average } = averageWait.get({ since: new Date(sinceMs).toISOString() }) as { average: number | null };
      return { averageQueueMs: Math.max(0, Math.round(average ?? 0)) };
    },

    /** Marks jobs left `running` by a previous process as failed; returns them. */
    failInterrupted(error: JobError): QueuedJob[] {
      return db.transaction(() => {
        const jobs = db
          .prepare(
            `SELECT 'run' AS kind, id, user_id AS userId FROM exec_runs WHERE status = 'running'
             UNION ALL SELECT 'submission' AS kind, id, user_id AS userId FROM exec_submissions WHERE status = 'running'`,
          )
          .all() as QueuedJob[];
        for (const table of ['exec_runs', 'exec_submissions']) {
          db.prepare(`UPDATE ${table} SET status = 'failed', error_code = ?, error_message = ?, completed_at = ? WHERE status = 'running'`).run(
            error.code,
            error.message,
            now(),
          );
        }
        return jobs;
      })();
    },

    /** Moves a queued job to running and returns what the worker needs; undefined if it is not queued anymore. */
    startRun(id: string): RunJob | undefined {
      if (!claim('exec_runs', id)) return undefined;
      const r = runById.get(id) as RunRow;
      return {
        id,
        roomId: r.room_id,
        userId: r.user_id,
        language: r.language,
        code: r.code,
        stdin: r.stdin,
        timeLimitMs: r.time_limit_ms,
        memoryLimitKb: r.memory_limit_kb,
      };
    },

    startSubmission(id: string): SubmissionJob | undefined {
      if (!claim('exec_submissions', id)) return undefined;
      const s = submissionById.get(id) as SubmissionRow;
      return {
        id,
        roomId: s.room_id,
        userId: s.user_id,
        problemId: s.problem_id,
        language: s.language,
        snapshotId: s.snapshot_id,
        code: s.code,
        timeLimitMs: s.time_limit_ms,
        memoryLimitKb: s.memory_limit_kb,
        tests: (testsOf.all(id) as TestRow[]).map((t) => ({
          id: t.test_case_id,
          input: t.input,
          expectedOutput: t.expected_output,
          hidden: t.hidden === 1,
        })),
      };
    },

    completeRun(id: string, result: ExecutionResult): void {
      db.prepare(`UPDATE exec_runs SET status = 'completed', result_json = ?, completed_at = ? WHERE id = ?`).run(
        JSON.stringify(result),
        now(),
        id,
      );
    },

    completeSubmission(id: string, outcome: SubmissionOutcome): void {
      const ran = outcome.compileOutput === null;
      db.transaction(() => {
        outcome.tests.forEach((t, i) => judgeTest.run(t.verdict, t.timeMs, t.memoryKb, t.actualOutput, t.stderr, id, i));
        db.prepare(`UPDATE exec_submissions SET status = 'completed', verdict = ?, passed = ?, compile_output = ?,
          max_time_ms = ?, max_memory_kb = ?, completed_at = ? WHERE id = ?`).run(
          outcome.verdict,
          outcome.tests.filter((t) => t.verdict === 'ACCEPTED').length,
          outcome.compileOutput,
          ran ? Math.max(0, ...outcome.tests.map((t) => t.timeMs)) : null,
          ran ? Math.max(0, ...outcome.tests.map((t) => t.memoryKb)) : null,
          now(),
          id,
        );
      })();
    },

    failJob(kind: JobKind, id: string, error: JobError): void {
      const table = kind === 'run' ? 'exec_runs' : 'exec_submissions';
      db.prepare(`UPDATE ${table} SET status = 'failed', error_code = ?, error_message = ?, completed_at = ? WHERE id = ?`).run(
        error.code,
        error.message,
        now(),
        id,
      );
    },
  };
}

/** The `error` of a stored job row. */
export function jobError(row: { error_code: string | null; error_message: string | null }): JobError | null {
  return row.error_code === null ? null : { code: row.error_code, message: row.error_message ?? '' };
}

function toRunResult(r: RunRow): RunResult {
  return {
    id: r.id,
    roomId: r.room_id,
    userId: r.user_id,
    language: r.language,
    stdin: r.stdin,
    status: r.status,
    result: r.result_json === null ? null : (JSON.parse(r.result_json) as ExecutionResult),
    error: jobError(r),
    createdAt: r.created_at,
    completedAt: r.completed_at,
  };
}

function toSummary(s: SubmissionRow): SubmissionSummary {
  return {
    id: s.id,
    roomId: s.room_id,
    userId: s.user_id,
    problemId: s.problem_id,
    language: s.language,
    snapshotId: s.snapshot_id,
    status: s.status,
    verdict: s.verdict,
    passed: s.passed,
    total: s.total,
    createdAt: s.created_at,
    completedAt: s.completed_at,
  };
}

function toTestResult(t: TestRow): TestResult {
  return {
    testCaseId: t.test_case_id,
    index: t.idx,
    hidden: t.hidden === 1,
    verdict: t.verdict ?? 'RUNTIME_ERROR',
    timeMs: t.time_ms ?? 0,
    memoryKb: t.memory_kb ?? 0,
    input: t.input,
    expectedOutput: t.expected_output,
    actualOutput: t.actual_output,
    stderr: t.stderr,
  };
}
