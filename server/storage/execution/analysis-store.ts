// The SQL of static-analysis jobs (area `execution`, table exec_analyses).

import { randomUUID } from 'node:crypto';
import type { AnalysisJob, AnalysisResult, JobError, JobStatus, SupportedLanguage } from '../../protocol/index.ts';
import type { AnalysisRequest } from '../../execution/types.ts';
import { migrateSql, type SqlDatabase } from '../sql/index.ts';
import { EXECUTION_MIGRATIONS } from './execution-migrations.ts';
import { jobError } from './execution-store.ts';

/** A job as the control plane reads it: the API's AnalysisJob and the room it belongs to. */
export interface StoredAnalysis {
  roomId: string;
  job: AnalysisJob;
}

/** What a worker needs to run a claimed job. */
export interface AnalysisTask extends AnalysisRequest {
  id: string;
}

interface AnalysisRow {
  id: string;
  room_id: string;
  user_id: string;
  language: SupportedLanguage;
  code: string;
  estimate_complexity: number;
  problem_statement: string | null;
  status: JobStatus;
  result_json: string | null;
  error_code: string | null;
  error_message: string | null;
  created_at: string;
  completed_at: string | null;
}

export type AnalysisStore = Awaited<ReturnType<typeof createAnalysisStore>>;

export async function createAnalysisStore(db: SqlDatabase) {
  await migrateSql(db, 'execution', EXECUTION_MIGRATIONS);
  const now = (): string => new Date().toISOString();

  return {
    async create(req: AnalysisRequest): Promise<AnalysisJob> {
      const row = await db.get<AnalysisRow>(
        `INSERT INTO exec_analyses
         (id, room_id, user_id, language, code, estimate_complexity, problem_statement, status, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, 'queued', ?) RETURNING *`,
        [randomUUID(), req.roomId, req.userId, req.language, req.code, req.complexity ? 1 : 0, req.complexity?.problemStatement ?? null, now()],
      );
      return toJob(row!);
    },

    async get(id: string): Promise<StoredAnalysis | undefined> {
      const row = await db.get<AnalysisRow>('SELECT * FROM exec_analyses WHERE id = ?', [id]);
      return row && { roomId: row.room_id, job: toJob(row) };
    },

    /** Moves a queued job to running; undefined if it is not queued anymore. */
    async start(id: string): Promise<AnalysisTask | undefined> {
      const r = await db.get<AnalysisRow>(
        `UPDATE exec_analyses SET status = 'running', started_at = ? WHERE id = ? AND status = 'queued' RETURNING *`,
        [now(), id],
      );
      if (!r) return undefined;
      const statement = r.problem_statement === null ? {} : { problemStatement: r.problem_statement };
      return { id, roomId: r.room_id, userId: r.user_id, language: r.language, code: r.code, complexity: r.estimate_complexity ? statement : null };
    },

    async complete(id: string, result: AnalysisResult): Promise<void> {
      await db.run(`UPDATE exec_analyses SET status = 'completed', result_json = ?, completed_at = ? WHERE id = ? AND status = 'running'`, [
        JSON.stringify(result),
        now(),
        id,
      ]);
    },

    async fail(id: string, error: JobError): Promise<void> {
      await db.run(`UPDATE exec_analyses SET status = 'failed', error_code = ?, error_message = ?, completed_at = ? WHERE id = ?`, [
        error.code,
        error.message,
        now(),
        id,
      ]);
    },

    /** Queued jobs in the order they were accepted. */
    queued(): Promise<{ id: string; userId: string }[]> {
      return db.all(`SELECT id, user_id AS "userId" FROM exec_analyses WHERE status = 'queued' ORDER BY seq`);
    },

    /** Marks jobs left `running` by a previous process as failed; returns how many. */
    async failInterrupted(error: JobError): Promise<number> {
      const { changes } = await db.run(
        `UPDATE exec_analyses SET status = 'failed', error_code = ?, error_message = ?, completed_at = ? WHERE status = 'running'`,
        [error.code, error.message, now()],
      );
      return changes;
    },
  };
}

function toJob(r: AnalysisRow): AnalysisJob {
  return {
    id: r.id,
    status: r.status,
    createdAt: r.created_at,
    completedAt: r.completed_at,
    error: jobError(r),
    result: r.result_json === null ? null : (JSON.parse(r.result_json) as AnalysisResult),
  };
}
