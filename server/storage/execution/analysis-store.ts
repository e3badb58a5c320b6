// The SQL of static-analysis jobs (area `execution`, table exec_analyses).

import { randomUUID } from 'node:crypto';
import type { AnalysisJob, AnalysisResult, JobError, JobStatus, SupportedLanguage } from '../../protocol/index.ts';
import type { AnalysisRequest } from '../../execution/types.ts';
import { migrate, type SqliteDatabase } from '../database.ts';
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

export type AnalysisStore = ReturnType<typeof createAnalysisStore>;

export function createAnalysisStore(db: SqliteDatabase) {
  migrate(db, 'execution', EXECUTION_MIGRATIONS);
  const now = (): string => new Date().toISOString();
  const insert = db.prepare(`INSERT INTO exec_analyses
    (id, room_id, user_id, language, code, estimate_complexity, problem_statement, status, created_at)
    VALUES (@id, @roomId, @userId, @language, @code, @estimate, @statement, 'queued', @createdAt)`);
  const byId = db.prepare('SELECT * FROM exec_analyses WHERE id = ?');
  const claim = db.prepare(`UPDATE exec_analyses SET status = 'running', started_at = ? WHERE id = ? AND status = 'queued'`);
  const complete = db.prepare(`UPDATE exec_analyses SET status = 'completed', result_json = ?, completed_at = ? WHERE id = ? AND status = 'running'`);
  const fail = db.prepare(`UPDATE exec_analyses SET status = 'failed', error_code = ?, error_message = ?, completed_at = ? WHERE id = ?`);

  return {
    create(req: AnalysisRequest): AnalysisJob {
      const id = randomUUID();
      insert.run({
        id,
        roomId: req.roomId,
        userId: req.userId,
        language: req.language,
        code: req.code,
        estimate: req.complexity ? 1 : 0,
        statement: req.complexity?.problemStatement ?? null,
        createdAt: now(),
      });
      return toJob(byId.get(id) as AnalysisRow);
    },

    get(id: string): StoredAnalysis | undefined {
      const row = byId.get(id) as AnalysisRow | undefined;
      return row && { roomId: row.room_id, job: toJob(row) };
    },

    /** Moves a queued job to running; undefined if it is not queued anymore. */
    start(id: string): AnalysisTask | undefined {
      if (claim.run(now(), id).changes === 0) return undefined;
      const r = byId.get(id) as AnalysisRow;
      const statement = r.problem_statement === null ? {} : { problemStatement: r.problem_statement };
      return { id, roomId: r.room_id, userId: r.user_id, language: r.language, code: r.code, complexity: r.estimate_complexity ? statement : null };
    },

    complete(id: string, result: AnalysisResult): void {
      complete.run(JSON.stringify(result), now(), id);
    },

    fail(id: string, error: JobError): void {
      fail.run(error.code, error.message, now(), id);
    },

    /** Queued jobs in the order they were accepted. */
    queued(): { id: string; userId: string }[] {
      return db.prepare(`SELECT id, user_id AS userId FROM exec_analyses WHERE status = 'queued' ORDER BY seq`).all() as { id: string; userId: string }[];
    },

    /** Marks jobs left `running` by a previous process as failed; returns how many. */
    failInterrupted(error: JobError): number {
      return db.prepare(`UPDATE exec_analyses SET status = 'failed', error_code = ?, error_message = ?, completed_at = ? WHERE status = 'running'`)
        .run(error.code, error.message, now()).changes;
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
