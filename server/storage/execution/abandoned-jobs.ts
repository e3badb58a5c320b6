// The SQL that recovers what a stopped server process left in a job table (exec_runs, exec_submissions,
// exec_analyses; column node_id): its running jobs are failed, its queued ones taken over by a live process.
// Which node counts as stopped is server/node-liveness.ts's `abandonedWhere`.

import type { JobError } from '../../protocol/index.ts';
import { abandonedWhere, type NodeLiveness } from '../../node-liveness.ts';
import type { SqlExecutor } from '../sql/index.ts';

export type JobTable = 'exec_runs' | 'exec_submissions' | 'exec_analyses';

/** Which nodes are abandoned (server/node-liveness.ts `abandonedWhere`): this process, the live ones, and whether it is starting. */
export interface AbandonedScope {
  liveness: NodeLiveness;
  live: ReadonlySet<string> | null;
  atStart: boolean;
}

/** The error of a job whose process stopped: this process's own previous run (or no process recorded), or another one. */
export interface Interruption {
  restarted: JobError;
  stopped: JobError;
}

/**
 * Fails the running jobs of `table` that an abandoned node held and returns the `returning` columns of each.
 * One statement: a job that ends meanwhile (its node was alive after all) is not `running` anymore and stays as it ended.
 */
export async function failAbandonedJobs<T>(
  db: SqlExecutor,
  table: JobTable,
  returning: string,
  scope: AbandonedScope,
  why: Interruption,
): Promise<T[]> {
  const where = abandonedWhere('node_id', scope.liveness, scope.live, scope.atStart);
  if (!where) return [];
  const own = 'node_id IS NULL OR node_id = ?';
  const self = scope.liveness.nodeId;
  return db.all<T>(
    `UPDATE ${table} SET status = 'failed', completed_at = ?,
       error_code = CASE WHEN ${own} THEN ? ELSE ? END,
       error_message = CASE WHEN ${own} THEN ? ELSE ? END
     WHERE status = 'running' AND ${where.sql} RETURNING ${returning}`,
    [
      new Date().toISOString(),
      self,
      why.restarted.code,
      why.stopped.code,
      self,
      why.restarted.message,
      why.stopped.message,
      ...where.params,
    ],
  );
}

/**
 * Re-assigns the queued jobs of `table` that an abandoned node held to this node and returns the `returning`
 * columns of each, for this process's queue. One UPDATE: of two live processes taking over at once, each job
 * goes to one (PostgreSQL re-checks the condition on a row another transaction just re-assigned; SQLite has one writer).
 */
export async function takeOverQueuedJobs<T>(
  db: SqlExecutor,
  table: JobTable,
  returning: string,
  scope: AbandonedScope,
): Promise<T[]> {
  const where = abandonedWhere('node_id', scope.liveness, scope.live, scope.atStart);
  if (!where) return [];
  return db.all<T>(`UPDATE ${table} SET node_id = ? WHERE status = 'queued' AND ${where.sql} RETURNING ${returning}`, [
    scope.liveness.nodeId,
    ...where.params,
  ]);
}
