import type { SqlDatabase } from '../sql/index.ts';
import type { JobStatus, Verdict } from '../../protocol/index.ts';

/** One finished run or submission, as recorded from ExecutionPlane.onDidFinish. Instants are epoch ms. */
export interface ExecutionOutcome {
  id: string;
  kind: 'run' | 'submission';
  roomId: string;
  userId: string;
  problemId: string | null;
  status: JobStatus;
  verdict: Verdict | null;
  createdAt: number;
  completedAt: number;
}

export interface ProblemOutcomeStats {
  submissions: number;
  accepted: number;
  solvedByViewer: boolean;
}

/**
 * Finished executions, kept by the control plane for acceptance rates, `solved`, training stats and the
 * admin dashboard: the execution plane's own store stays behind its interface.
 */
export class OutcomesRepository {
  readonly #db: SqlDatabase;

  constructor(db: SqlDatabase) {
    this.#db = db;
  }

  /** Idempotent by id. */
  async record(o: ExecutionOutcome): Promise<void> {
    await this.#db.run(
      `INSERT INTO execution_outcomes (id, kind, room_id, user_id, problem_id, status, verdict, created_at, completed_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
      [o.id, o.kind, o.roomId, o.userId, o.problemId, o.status, o.verdict, o.createdAt, o.completedAt],
    );
  }

  /** Completed submissions per problem, accepted ones, and whether `viewerId` has an accepted one. */
  async problemStats(problemIds: readonly string[], viewerId: string): Promise<Map<string, ProblemOutcomeStats>> {
    const out = new Map<string, ProblemOutcomeStats>();
    if (problemIds.length === 0) return out;
    const rows = await this.#db.all<{ problemId: string; submissions: number; accepted: number; solved: number }>(
      `SELECT problem_id AS "problemId", COUNT(*) AS submissions,
              COALESCE(SUM(CASE WHEN verdict = 'ACCEPTED' THEN 1 ELSE 0 END), 0) AS accepted,
              COALESCE(MAX(CASE WHEN verdict = 'ACCEPTED' AND user_id = ? THEN 1 ELSE 0 END), 0) AS solved
       FROM execution_outcomes
       WHERE kind = 'submission' AND status = 'completed' AND problem_id IN (${problemIds.map(() => '?').join(',')})
       GROUP BY problem_id`,
      [viewerId, ...problemIds],
    );
    for (const r of rows) out.set(r.problemId, { submissions: r.submissions, accepted: r.accepted, solvedByViewer: r.solved === 1 });
    return out;
  }

  async problemsSolvedCount(userId: string): Promise<number> {
    const row = await this.#db.get<{ n: number }>(
      `SELECT COUNT(DISTINCT problem_id) AS n FROM execution_outcomes
       WHERE kind = 'submission' AND verdict = 'ACCEPTED' AND user_id = ?`,
      [userId],
    );
    return row!.n;
  }

  /** The user's outcomes with `completedAt` in [fromMs, toMs). */
  ofUser(userId: string, fromMs: number, toMs: number): Promise<ExecutionOutcome[]> {
    return this.#db.all(
      `SELECT id, kind, room_id AS "roomId", user_id AS "userId", problem_id AS "problemId", status, verdict,
              created_at AS "createdAt", completed_at AS "completedAt"
       FROM execution_outcomes WHERE user_id = ? AND completed_at >= ? AND completed_at < ?`,
      [userId, fromMs, toMs],
    );
  }

  /** Counts since `sinceMs` (admin dashboard and daily quota usage; `userId` narrows to one user). */
  async countSince(sinceMs: number, userId?: string): Promise<{ runs: number; submissions: number }> {
    const row = await this.#db.get<{ runs: number; submissions: number }>(
      `SELECT COALESCE(SUM(CASE WHEN kind = 'run' THEN 1 ELSE 0 END), 0) AS runs,
              COALESCE(SUM(CASE WHEN kind = 'submission' THEN 1 ELSE 0 END), 0) AS submissions
       FROM execution_outcomes WHERE completed_at >= ? ${userId ? 'AND user_id = ?' : ''}`,
      userId ? [sinceMs, userId] : [sinceMs],
    );
    return row!;
  }
}
