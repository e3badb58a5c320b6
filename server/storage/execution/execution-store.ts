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
import type { NodeLiveness } from '../../node-liveness.ts';
import { migrateSql, type SqlDatabase, type SqlDialect } from '../sql/index.ts';
import { failAbandonedJobs, takeOverQueuedJobs, type Interruption } from './abandoned-jobs.ts';
import { EXECUTION_MIGRATIONS } from './execution-migrations.ts';
import { testDataHash } from './test-data-hash.ts';

export type JobKind = 'run' | 'submission';

export interface QueuedJob {
  kind: JobKind;
  id: string;
  userId: string;
}

/** A job failed because the process running it stopped. */
export interface InterruptedJob extends QueuedJob {
  roomId: string;
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

/** Jobs record `liveness.nodeId`, the process that holds them; `liveness` tells which holders are gone. */
export async function createExecutionStore(db: SqlDatabase, cursors: CursorCodec, liveness: NodeLiveness) {
  await migrateSql(db, 'execution', EXECUTION_MIGRATIONS);
  const now = (): string => new Date().toISOString();
  const node = liveness.nodeId;
  const tables = [
    ['run', 'exec_runs'],
    ['submission', 'exec_submissions'],
  ] as const;

  const testsOf = (id: string): Promise<TestRow[]> =>
    db.all<TestRow>(
      `SELECT t.*, d.input, d.expected_output FROM exec_submission_tests t
       JOIN exec_test_data d ON d.hash = t.test_hash WHERE t.submission_id = ? ORDER BY t.idx`,
      [id],
    );

  /** Newest first by `seq`; the cursor is the last row's seq, signed and scoped to the table's list. */
  const page = async <R extends { seq: number }, T>(table: string, roomId: string, request: PageRequest, map: (r: R) => T): Promise<Page<T>> => {
    const scope = `execution.${table}`;
    const before = request.cursor === undefined ? Number.MAX_SAFE_INTEGER : (cursors.decode(scope, request.cursor, ['number'])[0] as number);
    const rows = await db.all<R>(`SELECT * FROM ${table} WHERE room_id = ? AND seq < ? ORDER BY seq DESC LIMIT ?`, [roomId, before, request.limit + 1]);
    return toPage(rows, request.limit, cursors, scope, (row) => [row.seq], map);
  };

  /**
   * Moves a queued job to running on this node and returns its row; undefined if it is not queued anymore (taken,
   * or failed meanwhile). Two processes may both have a job in their queue (one took it over from the other,
   * thought dead): whichever claims it first runs it.
   */
  const claim = <R>(table: 'exec_runs' | 'exec_submissions', id: string): Promise<R | undefined> =>
    db.get<R>(`UPDATE ${table} SET status = 'running', started_at = ?, node_id = ? WHERE id = ? AND status = 'queued' RETURNING *`, [now(), node, id]);

  return {
    async createRun(run: RunRequest): Promise<RunResult> {
      const row = await db.get<RunRow>(
        `INSERT INTO exec_runs (id, room_id, user_id, language, code, stdin, time_limit_ms, memory_limit_kb, status, created_at, node_id)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'queued', ?, ?) RETURNING *`,
        [randomUUID(), run.roomId, run.userId, run.language, run.code, run.stdin, run.timeLimitMs, run.memoryLimitKb, now(), node],
      );
      return toRunResult(row!);
    },

    async createSubmission(submission: SubmissionRequest): Promise<SubmissionSummary> {
      const id = randomUUID();
      const row = await db.transaction(async () => {
        const inserted = await db.get<SubmissionRow>(
          `INSERT INTO exec_submissions
           (id, room_id, user_id, problem_id, language, snapshot_id, code, time_limit_ms, memory_limit_kb, status, total, created_at, node_id)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'queued', ?, ?, ?) RETURNING *`,
          [
            id,
            submission.roomId,
            submission.userId,
            submission.problemId,
            submission.language,
            submission.snapshotId,
            submission.code,
            submission.timeLimitMs,
            submission.memoryLimitKb,
            submission.tests.length,
            now(),
            node,
          ],
        );
        for (const [i, t] of submission.tests.entries()) {
          const hash = testDataHash(t.input, t.expectedOutput);
          await db.run('INSERT INTO exec_test_data (hash, input, expected_output) VALUES (?, ?, ?) ON CONFLICT DO NOTHING', [hash, t.input, t.expectedOutput]);
          await db.run('INSERT INTO exec_submission_tests (submission_id, idx, test_case_id, hidden, test_hash) VALUES (?, ?, ?, ?, ?)', [
            id,
            i,
            t.id,
            t.hidden ? 1 : 0,
            hash,
          ]);
        }
        return inserted!;
      });
      return toSummary(row);
    },

    async getRun(id: string): Promise<RunResult | undefined> {
      const row = await db.get<RunRow>('SELECT * FROM exec_runs WHERE id = ?', [id]);
      return row && toRunResult(row);
    },

    async getSubmission(id: string): Promise<SubmissionResult | undefined> {
      const row = await db.get<SubmissionRow>('SELECT * FROM exec_submissions WHERE id = ?', [id]);
      if (!row) return undefined;
      const tests = row.status === 'completed' ? (await testsOf(id)).map(toTestResult) : [];
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

    async hasActiveSubmission(roomId: string): Promise<boolean> {
      const row = await db.get(`SELECT 1 AS active FROM exec_submissions WHERE room_id = ? AND status IN ('queued', 'running') LIMIT 1`, [roomId]);
      return row !== undefined;
    },

    /**
     * Takes the queued jobs of abandoned nodes (server/node-liveness.ts: at start, this node's own from its previous
     * run too) over for this node; returns them, both kinds, in the order they were accepted.
     */
    async takeOverQueued(live: ReadonlySet<string> | null, atStart: boolean): Promise<QueuedJob[]> {
      const jobs: (QueuedJob & { createdAt: string })[] = [];
      for (const [kind, table] of tables) {
        const taken = await takeOverQueuedJobs<{ id: string; userId: string; createdAt: string }>(
          db,
          table,
          'id, user_id AS "userId", created_at AS "createdAt"',
          { liveness, live, atStart },
        );
        jobs.push(...taken.map((job) => ({ kind, ...job })));
      }
      return jobs.sort((a, b) => a.createdAt.localeCompare(b.createdAt)).map(({ kind, id, userId }) => ({ kind, id, userId }));
    },

    /** Average time from `createdAt` to start, in whole ms, over the runs and submissions started at `sinceMs` or later. */
    async queueStats(sinceMs: number): Promise<{ averageQueueMs: number }> {
      const since = new Date(sinceMs).toISOString();
      const wait = waitMs(db.dialect);
      const row = await db.get<{ average: number | null }>(
        `SELECT AVG(wait_ms) AS average FROM (
           SELECT ${wait} AS wait_ms FROM exec_runs WHERE started_at >= ?
           UNION ALL
           SELECT ${wait} AS wait_ms FROM exec_submissions WHERE started_at >= ?
         ) waits`,
        [since, since],
      );
      return { averageQueueMs: Math.max(0, Math.round(row?.average ?? 0)) };
    },

    /** Fails the running jobs of abandoned nodes (server/node-liveness.ts); returns them. */
    async failAbandoned(why: Interruption, live: ReadonlySet<string> | null, atStart: boolean): Promise<InterruptedJob[]> {
      const jobs: InterruptedJob[] = [];
      for (const [kind, table] of tables) {
        const failed = await failAbandonedJobs<Omit<InterruptedJob, 'kind'>>(
          db,
          table,
          'id, user_id AS "userId", room_id AS "roomId"',
          { liveness, live, atStart },
          why,
        );
        jobs.push(...failed.map((job) => ({ kind, ...job })));
      }
      return jobs;
    },

    /** Moves a queued job to running and returns what the worker needs; undefined if it is not queued anymore. */
    async startRun(id: string): Promise<RunJob | undefined> {
      const r = await claim<RunRow>('exec_runs', id);
      if (!r) return undefined;
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

    async startSubmission(id: string): Promise<SubmissionJob | undefined> {
      const s = await claim<SubmissionRow>('exec_submissions', id);
      if (!s) return undefined;
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
        tests: (await testsOf(id)).map((t) => ({
          id: t.test_case_id,
          input: t.input,
          expectedOutput: t.expected_output,
          hidden: t.hidden === 1,
        })),
      };
    },

    /**
     * Records a run's result; false (nothing changed) when the run is not running anymore: it was failed meanwhile
     * because its process was taken for dead, and a job ends once.
     */
    async completeRun(id: string, result: ExecutionResult): Promise<boolean> {
      const { changes } = await db.run(`UPDATE exec_runs SET status = 'completed', result_json = ?, completed_at = ? WHERE id = ? AND status = 'running'`, [
        JSON.stringify(result),
        now(),
        id,
      ]);
      return changes > 0;
    },

    /** Records a submission's verdict and per-test results; false (nothing changed) when it is not running anymore. */
    async completeSubmission(id: string, outcome: SubmissionOutcome): Promise<boolean> {
      const ran = outcome.compileOutput === null;
      return db.transaction(async () => {
        const { changes } = await db.run(
          `UPDATE exec_submissions SET status = 'completed', verdict = ?, passed = ?, compile_output = ?,
           max_time_ms = ?, max_memory_kb = ?, completed_at = ? WHERE id = ? AND status = 'running'`,
          [
            outcome.verdict,
            outcome.tests.filter((t) => t.verdict === 'ACCEPTED').length,
            outcome.compileOutput,
            ran ? Math.max(0, ...outcome.tests.map((t) => t.timeMs)) : null,
            ran ? Math.max(0, ...outcome.tests.map((t) => t.memoryKb)) : null,
            now(),
            id,
          ],
        );
        if (changes === 0) return false;
        for (const [i, t] of outcome.tests.entries()) {
          await db.run(
            `UPDATE exec_submission_tests SET verdict = ?, time_ms = ?, memory_kb = ?, actual_output = ?, stderr = ?
             WHERE submission_id = ? AND idx = ?`,
            [t.verdict, t.timeMs, t.memoryKb, t.actualOutput, t.stderr, id, i],
          );
        }
        return true;
      });
    },

    /** Fails a job that has not ended; false (nothing changed) when it had. */
    async failJob(kind: JobKind, id: string, error: JobError): Promise<boolean> {
      const table = kind === 'run' ? 'exec_runs' : 'exec_submissions';
      const { changes } = await db.run(
        `UPDATE ${table} SET status = 'failed', error_code = ?, error_message = ?, completed_at = ? WHERE id = ? AND status IN ('queued', 'running')`,
        [error.code, error.message, now(), id],
      );
      return changes > 0;
    },
  };
}

/**
 * Milliseconds from `created_at` to `started_at` (ISO-8601 text) in the dialect's SQL. SQLite's julianday keeps
 * whole milliseconds, so the difference is exact; PostgreSQL's timestamptz keeps microseconds.
 */
function waitMs(dialect: SqlDialect): string {
  return dialect === 'postgres'
    ? 'EXTRACT(EPOCH FROM (started_at::timestamptz - created_at::timestamptz)) * 1000'
    : '(julianday(started_at) - julianday(created_at)) * 86400000.0';
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
