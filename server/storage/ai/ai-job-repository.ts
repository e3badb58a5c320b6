// SQL for AI jobs: created `queued`, moved to `running`, ended `completed` or `failed` exactly once.
import type { SqlExecutor } from '../sql/index.ts';
import type { AiJobError, AiJobKind, AiJobRecord } from './ai-records.ts';
import type { JobStatus } from '../../protocol/index.ts';
import type { SqlCondition } from '../../node-liveness.ts';

interface JobRow {
  id: string;
  room_id: string;
  user_id: string;
  kind: string;
  status: string;
  input: string;
  result: string | null;
  reply_message_id: string | null;
  error_code: string | null;
  error_message: string | null;
  created_at: number;
  completed_at: number | null;
  node_id: string | null;
  reply_text: string | null;
}

function toJob(r: JobRow): AiJobRecord {
  return {
    id: r.id,
    roomId: r.room_id,
    userId: r.user_id,
    kind: r.kind as AiJobKind,
    status: r.status as JobStatus,
    input: JSON.parse(r.input) as Record<string, unknown>,
    result: r.result === null ? null : (JSON.parse(r.result) as unknown),
    replyMessageId: r.reply_message_id,
    error: r.error_code === null ? null : { code: r.error_code, message: r.error_message ?? '' },
    createdAt: r.created_at,
    completedAt: r.completed_at,
    nodeId: r.node_id,
    replyText: r.reply_text,
  };
}

export class AiJobRepository {
  readonly #db: SqlExecutor;

  constructor(db: SqlExecutor) {
    this.#db = db;
  }

  async insert(job: Pick<AiJobRecord, 'id' | 'roomId' | 'userId' | 'kind' | 'input' | 'createdAt' | 'nodeId'>): Promise<AiJobRecord> {
    const row = await this.#db.get<JobRow>(
      `INSERT INTO ai_jobs (id, room_id, user_id, kind, status, input, created_at, node_id) VALUES (?, ?, ?, ?, 'queued', ?, ?, ?) RETURNING *`,
      [job.id, job.roomId, job.userId, job.kind, JSON.stringify(job.input), job.createdAt, job.nodeId],
    );
    return toJob(row!);
  }

  async get(id: string): Promise<AiJobRecord | undefined> {
    const row = await this.#db.get<JobRow>('SELECT * FROM ai_jobs WHERE id = ?', [id]);
    return row && toJob(row);
  }

  async markRunning(id: string): Promise<void> {
    await this.#db.run(`UPDATE ai_jobs SET status = 'running' WHERE id = ? AND status = 'queued'`, [id]);
  }

  /** Saves the text so far of a reply being generated (while its job has not ended). */
  async saveReplyText(id: string, text: string): Promise<void> {
    await this.#db.run(`UPDATE ai_jobs SET reply_text = ? WHERE id = ? AND status IN ('queued', 'running')`, [text, id]);
  }

  /** Records that the job's owner asked to stop it (for the process running it); false when it had ended. */
  async requestCancel(id: string, at: number): Promise<boolean> {
    const r = await this.#db.run(`UPDATE ai_jobs SET cancel_requested_at = ? WHERE id = ? AND status IN ('queued', 'running')`, [at, id]);
    return r.changes === 1;
  }

  /** The unfinished jobs of process `nodeId` whose cancel was asked for. */
  async cancelRequested(nodeId: string): Promise<string[]> {
    const rows = await this.#db.all<{ id: string }>(
      `SELECT id FROM ai_jobs WHERE node_id = ? AND status IN ('queued', 'running') AND cancel_requested_at IS NOT NULL`,
      [nodeId],
    );
    return rows.map((r) => r.id);
  }

  /**
   * Ends a job that has not ended yet (its saved reply text is dropped: the reply message holds it); returns
   * false when it already had (a cancel raced the finish, or it was failed as abandoned).
   */
  async complete(id: string, at: number, outcome: { result: unknown; replyMessageId?: string }): Promise<boolean> {
    const r = await this.#db.run(
      `UPDATE ai_jobs SET status = 'completed', result = ?, reply_message_id = ?, completed_at = ?, reply_text = NULL
       WHERE id = ? AND status IN ('queued', 'running')`,
      [JSON.stringify(outcome.result), outcome.replyMessageId ?? null, at, id],
    );
    return r.changes === 1;
  }

  /** Fails a job that has not ended yet (a reply cut short keeps its message, not its saved text); false when it already had. */
  async fail(id: string, at: number, error: AiJobError, replyMessageId: string | null = null): Promise<boolean> {
    const r = await this.#db.run(
      `UPDATE ai_jobs SET status = 'failed', error_code = ?, error_message = ?, reply_message_id = ?, completed_at = ?, reply_text = NULL
       WHERE id = ? AND status IN ('queued', 'running')`,
      [error.code, error.message, replyMessageId, at, id],
    );
    return r.changes === 1;
  }

  /**
   * Fails the unfinished jobs whose process is gone (`abandoned`: a condition on `node_id`, see
   * abandonedWhere): they can never finish now. Returns how many.
   */
  async failAbandoned(abandoned: SqlCondition, at: number, error: AiJobError): Promise<number> {
    const r = await this.#db.run(
      `UPDATE ai_jobs SET status = 'failed', error_code = ?, error_message = ?, completed_at = ?
       WHERE status IN ('queued', 'running') AND ${abandoned.sql}`,
      [error.code, error.message, at, ...abandoned.params],
    );
    return r.changes;
  }

  /** AI requests (jobs of every kind) a user made since `since`: the `aiRequestsPerDay` quota's usage. */
  async countByUserSince(userId: string, since: number): Promise<number> {
    const row = await this.#db.get<{ n: number }>('SELECT COUNT(*) AS n FROM ai_jobs WHERE user_id = ? AND created_at >= ?', [userId, since]);
    return row!.n;
  }

  /** Hint jobs of a room (by anyone), counting the ones that failed. */
  async countHints(roomId: string): Promise<number> {
    const row = await this.#db.get<{ n: number }>(`SELECT COUNT(*) AS n FROM ai_jobs WHERE room_id = ? AND kind = 'hint'`, [roomId]);
    return row!.n;
  }

  /** Jobs created and jobs failed since `since` (AdminDashboard.ai). */
  async statsSince(since: number): Promise<{ requests: number; failures: number }> {
    const row = await this.#db.get<{ requests: number; failures: number }>(
      `SELECT COUNT(*) AS requests, COALESCE(SUM(CASE WHEN status = 'failed' THEN 1 ELSE 0 END), 0) AS failures FROM ai_jobs WHERE created_at >= ?`,
      [since],
    );
    return row!;
  }
}
