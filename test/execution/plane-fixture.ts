import { createExecutionPlane, type ExecutionPlane, type ExecutionPlaneOptions } from '../../server/execution/index.ts';
import { silentLogger } from '../../server/logger.ts';
import { createCursorCodec, type CursorCodec } from '../../server/pagination.ts';
import type { AnalysisJob, RunResult, SubmissionResult, SupportedLanguage } from '../../server/protocol/index.ts';
import { openServerDatabase, type SqlDatabase } from '../../server/storage/sql/index.ts';
import { testDatabaseUrl } from '../support/test-database.ts';
import { pollUntil } from '../support/poll.ts';
import { makeTempDir } from '../support/temp-dir.ts';

export interface PlaneFixture {
  plane: ExecutionPlane;
  /** The synchronous connection to the SQLite file, for a control plane over the same data (its areas still use it). */
  /** The same database behind the async storage interface (a fresh PostgreSQL database on the PostgreSQL test run). */
  sql: SqlDatabase;
  /** The signed cursor codec the plane pages with (hand it to a control plane over the same database). */
  cursors: CursorCodec;
  dataDir: string;
  /** Closes the plane and the database and removes the data dir. */
  close(): Promise<void>;
}

/**
 * A real plane on a real SQLite file in a fresh data dir (or `dataDir` and `databaseUrl` again, to simulate a
 * restart), or on a fresh PostgreSQL database on the PostgreSQL test run.
 */
export async function startPlane(options: Partial<ExecutionPlaneOptions> & { dataDir?: string; databaseUrl?: string } = {}): Promise<PlaneFixture & { databaseUrl: string | undefined }> {
  const temp = options.dataDir ? undefined : makeTempDir('syncode-exec-test-');
  const dataDir = options.dataDir ?? temp!.path;
  const databaseUrl = options.databaseUrl ?? (options.dataDir ? undefined : await testDatabaseUrl());
  const sql = openServerDatabase(databaseUrl, dataDir, 'syncode.sqlite');
  const cursors = options.cursors ?? createCursorCodec('test-cursor-secret');
  const plane = await createExecutionPlane({ log: silentLogger, ...options, cursors, sql });
  return {
    plane,
    sql,
    databaseUrl,
    cursors,
    dataDir,
    async close() {
      await plane.close();
      await sql.close();
      temp?.remove();
    },
  };
}

const ROOM = '00000000-0000-4000-8000-000000000001';
const USER = '00000000-0000-4000-8000-000000000002';

export function runRequest(language: SupportedLanguage, code: string, extra: { stdin?: string; timeLimitMs?: number; memoryLimitKb?: number; userId?: string } = {}) {
  return {
    roomId: ROOM,
    userId: extra.userId ?? USER,
    language,
    code,
    stdin: extra.stdin ?? '',
    timeLimitMs: extra.timeLimitMs ?? 5000,
    memoryLimitKb: extra.memoryLimitKb ?? 262144,
  };
}

export function submissionRequest(
  language: SupportedLanguage,
  code: string,
  tests: { input: string; expectedOutput: string; hidden?: boolean }[],
  extra: { timeLimitMs?: number; memoryLimitKb?: number; userId?: string; roomId?: string } = {},
) {
  return {
    roomId: extra.roomId ?? ROOM,
    userId: extra.userId ?? USER,
    problemId: '00000000-0000-4000-8000-000000000003',
    language,
    code,
    snapshotId: '00000000-0000-4000-8000-000000000004',
    tests: tests.map((t, i) => ({ id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`, hidden: t.hidden ?? false, ...t })),
    timeLimitMs: extra.timeLimitMs ?? 2000,
    memoryLimitKb: extra.memoryLimitKb ?? 262144,
  };
}

const done = (status: string): boolean => status === 'completed' || status === 'failed';

export async function runToEnd(plane: ExecutionPlane, req: ReturnType<typeof runRequest>, timeoutMs = 60_000): Promise<RunResult> {
  const { id } = await plane.enqueueRun(req);
  return waitForRun(plane, id, timeoutMs);
}

export function waitForRun(plane: ExecutionPlane, id: string, timeoutMs = 60_000): Promise<RunResult> {
  return pollUntil(async () => (await plane.getRun(id))!, (r) => done(r.status), { timeoutMs, intervalMs: 25, what: `run ${id}` });
}

export async function submitToEnd(plane: ExecutionPlane, req: ReturnType<typeof submissionRequest>, timeoutMs = 120_000): Promise<SubmissionResult> {
  const { id } = await plane.enqueueSubmission(req);
  return waitForSubmission(plane, id, timeoutMs);
}

export function waitForSubmission(plane: ExecutionPlane, id: string, timeoutMs = 120_000): Promise<SubmissionResult> {
  return pollUntil(async () => (await plane.getSubmission(id))!, (s) => done(s.status), { timeoutMs, intervalMs: 25, what: `submission ${id}` });
}

/** Queues a static analysis of `code` (no complexity estimate) and waits for it to end. */
export async function analyseToEnd(plane: ExecutionPlane, language: SupportedLanguage, code: string, timeoutMs = 60_000): Promise<AnalysisJob> {
  const { id } = await plane.enqueueAnalysis({ roomId: ROOM, userId: USER, language, code, complexity: null });
  return pollUntil(async () => (await plane.getAnalysis(id))!.job, (j) => done(j.status), { timeoutMs, intervalMs: 25, what: `analysis ${id}` });
}
