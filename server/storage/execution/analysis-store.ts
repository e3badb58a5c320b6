// The SQL of static-analysis jobs (area `execution`, table exec_analyses).

import { randomUUID } from 'node:crypto';
import type { AnalysisJob, AnalysisResult, JobError, JobStatus, SupportedLanguage } from '../../protocol/index.ts';
import type { AnalysisRequest } from '../../execution/types.ts';
import type { NodeLiveness } from '../../node-liveness.ts';
import { migrateSql, type SqlDatabase } from '../sql/index.ts';
import { failAbandonedJobs, takeOverQueuedJobs, type Interruption } from './abandoned-jobs.ts';
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

/** Jobs record `liveness.nodeId`, the process that holds them; `liveness` tells which holders are gone. */
export async function createAnalysisStore(db: SqlDatabase, liveness: NodeLiveness) {
  await migrateSql(db, 'execution', EXECUTION_MIGRATIONS);
  const now = (): string => new Date().toISOString();
  const node = liveness.nodeId;

  return {
    async create(req: AnalysisRequest): Promise<AnalysisJob> {
      const row = await db.get<AnalysisRow>(
        `INSERT INTO exec_analyses
         (id, room_id, user_id, language, code, estimate_complexity, problem_statement, status, created_at, node_id)
         VALUES (?, ?, ?, ?, ?, ?, ?, 'queued', ?, ?) RETURNING *`,
        [randomUUID(), req.roomId, req.userId, req.language, req.code, req.complexity ? 1 : 0, req.complexity?.problemStatement ?? null, now(), node],
      );
      return toJob(row!);
    },

    async get(id: string): Promise<StoredAnalysis | undefined> {
      const row = await db.get<AnalysisRow>('SELECT * FROM exec_analyses WHERE id = ?', [id]);
      return row && { roomId: row.room_id, job: toJob(row) };
    },

    /** Moves a queued job to running on this node; undefined if it is not queued anymore (another process may have claimed it). */
    async start(id: string): Promise<AnalysisTask | undefined> {
      const r = await db.get<AnalysisRow>(
        `UPDATE exec_analyses SET status = 'running', started_at = ?, node_id = ? WHERE id = ? AND status = 'queued' RETURNING *`,
        [now(), node, id],
      );
      if (!r) return undefined;
      const statement = r.problem_statement === null ? {} : { problemStatement: r.problem_statement };
      return { id, roomId: r.room_id, userId: r.user_id, language: r.language, code: r.code, complexity: r.estimate_complexity ? statement : null };
    },

    /** Records the result of a running job (one failed meanwhile, its process taken for dead, stays failed). */
    async complete(id: string, result: AnalysisResult): Promise<void> {
      await db.run(`UPDATE exec_analyses SET status = 'completed', result_json = ?, completed_at = ? WHERE id = ? AND status = 'running'`, [
        JSON.stringify(result),
        now(),
        id,
      ]);
    },

    /** Fails a job that has not ended. */
    async fail(id: string, error: JobError): Promise<void> {
      await db.run(
        `UPDATE exec_analyses SET status = 'failed', error_code = ?, error_message = ?, completed_at = ? WHERE id = ? AND status IN ('queued', 'running')`,
        [error.code, error.message, now(), id],
      );
    },

    /** Takes the queued jobs of abandoned nodes over for this node (server/node-liveness.ts); returns them in the order they were accepted. */
    async takeOverQueued(live: ReadonlySet<string> | null, atStart: boolean): Promise<{ id: string; userId: string }[]> {
      const taken = await takeOverQueuedJobs<{ seq: number; id: string; userId: string }>(db, 'exec_analyses', 'seq, id, user_id AS "userId"', {
        liveness,
        live,
        atStart,
      });
      return taken.sort((a, b) => a.seq - b.seq).map(({ id, userId }) => ({ id, userId }));
    },

    /** Fails the running jobs of abandoned nodes; returns how many. */
    async failAbandoned(why: Interruption, live: ReadonlySet<string> | null, atStart: boolean): Promise<number> {
      return (await failAbandonedJobs(db, 'exec_analyses', 'id', { liveness, live, atStart }, why)).length;
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
