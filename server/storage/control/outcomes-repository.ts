import type { SqliteDatabase } from '../database.ts';
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
  readonly #db: SqliteDatabase;

  constructor(db: SqliteDatabase) {
    this.#db = db;
  }

  /** Idempotent by id. */
  record(o: ExecutionOutcome): void {
    this.#db
      .prepare(
        `INSERT OR IGNORE INTO execution_outcomes
           (id, kind, room_id, user_id, problem_id, status, verdict, created_at, completed_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(o.id, o.kind, o.roomId, o.userId, o.problemId, o.status, o.verdict, o.createdAt, o.completedAt);
  }

  /** Completed submissions per problem, accepted ones, and whether `viewerId` has an accepted one. */
  problemStats(problemIds: readonly string[], viewerId: string): Map<string, ProblemOutcomeStats> {
    const out = new Map<string, ProblemOutcomeStats>();
    if (problemIds.length === 0) return out;
    const rows = this.#db
      .prepare(
        `SELECT problem_id AS problemId, COUNT(*) AS submissions,
                COALESCE(SUM(verdict = 'ACCEPTED'), 0) AS accepted,
                COALESCE(MAX(verdict = 'ACCEPTED' AND user_id = ?), 0) AS solved
         FROM execution_outcomes
         WHERE kind = 'submission' AND status = 'completed' AND problem_id IN (${problemIds.map(() => '?').join(',')})
         GROUP BY problem_id`,
      )
      .all(viewerId, ...problemIds) as { problemId: string; submissions: number; accepted: number; solved: number }[];
    for (const r of rows) out.set(r.problemId, { submissions: r.submissions, accepted: r.accepted, solvedByViewer: r.solved === 1 });
    return out;
  }

  problemsSolvedCount(userId: string): number {
    return (
      this.#db
        .prepare(
          `SELECT COUNT(DISTINCT problem_id) AS n FROM execution_outcomes
           WHERE kind = 'submission' AND verdict = 'ACCEPTED' AND user_id = ?`,
        )
        .get(userId) as { n: number }
    ).n;
  }

  /** The user's outcomes with `completedAt` in [fromMs, toMs). */
  ofUser(userId: string, fromMs: number, toMs: number): ExecutionOutcome[] {
    return this.#db
      .prepare(
        `SELECT id, kind, room_id AS roomId, user_id AS userId, problem_id AS problemId, status, verdict,
                created_at AS createdAt, completed_at AS completedAt
         FROM execution_outcomes WHERE user_id = ? AND completed_at >= ? AND completed_at < ?`,
      )
      .all(userId, fromMs, toMs) as ExecutionOutcome[];
  }

  /** Counts since `sinceMs` (admin dashboard and daily quota usage; `userId` narrows to one user). */
  countSince(sinceMs: number, userId?: string): { runs: number; submissions: number } {
    return this.#db
      .prepare(
        `SELECT COALESCE(SUM(kind = 'run'), 0) AS runs, COALESCE(SUM(kind = 'submission'), 0) AS submissions
         FROM execution_outcomes WHERE completed_at >= ? ${userId ? 'AND user_id = ?' : ''}`,
      )
      .get(...(userId ? [sinceMs, userId] : [sinceMs])) as { runs: number; submissions: number };
  }
}
