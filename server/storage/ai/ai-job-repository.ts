// SQL for AI jobs: created `queued`, moved to `running`, ended `completed` or `failed` exactly once.
import type { SqliteDatabase } from '../database.ts';
import type { AiJobError, AiJobKind, AiJobRecord } from './ai-records.ts';
import type { JobStatus } from '../../protocol/index.ts';

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
  };
}

export class AiJobRepository {
  readonly #db: SqliteDatabase;

  constructor(db: SqliteDatabase) {
    this.#db = db;
  }

  insert(job: Pick<AiJobRecord, 'id' | 'roomId' | 'userId' | 'kind' | 'input' | 'createdAt'>): AiJobRecord {
    this.#db
      .prepare(`INSERT INTO ai_jobs (id, room_id, user_id, kind, status, input, created_at) VALUES (?, ?, ?, ?, 'queued', ?, ?)`)
      .run(job.id, job.roomId, job.userId, job.kind, JSON.stringify(job.input), job.createdAt);
    return this.get(job.id)!;
  }

  get(id: string): AiJobRecord | undefined {
    const row = this.#db.prepare('SELECT * FROM ai_jobs WHERE id = ?').get(id) as JobRow | undefined;
    return row && toJob(row);
  }

  markRunning(id: string): void {
    this.#db.prepare(`UPDATE ai_jobs SET status = 'running' WHERE id = ? AND status = 'queued'`).run(id);
  }

  /** Ends a job that has not ended yet; returns false when it already had (a cancel raced the finish). */
  complete(id: string, at: number, outcome: { result: unknown; replyMessageId?: string }): boolean {
    const r = this.#db
      .prepare(
        `UPDATE ai_jobs SET status = 'completed', result = ?, reply_message_id = ?, completed_at = ?
         WHERE id = ? AND status IN ('queued', 'running')`,
      )
      .run(JSON.stringify(outcome.result), outcome.replyMessageId ?? null, at, id);
    return r.changes === 1;
  }

  /** Fails a job that has not ended yet (a reply cut short keeps its message); false when it already had. */
  fail(id: string, at: number, error: AiJobError, replyMessageId: string | null = null): boolean {
    const r = this.#db
      .prepare(
        `UPDATE ai_jobs SET status = 'failed', error_code = ?, error_message = ?, reply_message_id = ?, completed_at = ?
         WHERE id = ? AND status IN ('queued', 'running')`,
      )
      .run(error.code, error.message, replyMessageId, at, id);
    return r.changes === 1;
  }

  /** At start: jobs a previous process left unfinished can never finish now. Returns how many. */
  failUnfinished(at: number, error: AiJobError): number {
    return this.#db
      .prepare(`UPDATE ai_jobs SET status = 'failed', error_code = ?, error_message = ?, completed_at = ? WHERE status IN ('queued', 'running')`)
      .run(error.code, error.message, at).changes;
  }

  /** AI requests (jobs of every kind) a user made since `since`: the `aiRequestsPerDay` quota's usage. */
  countByUserSince(userId: string, since: number): number {
    return (this.#db.prepare('SELECT COUNT(*) AS n FROM ai_jobs WHERE user_id = ? AND created_at >= ?').get(userId, since) as { n: number }).n;
  }

  /** Hint jobs of a room (by anyone), counting the ones that failed. */
  countHints(roomId: string): number {
    return (this.#db.prepare(`SELECT COUNT(*) AS n FROM ai_jobs WHERE room_id = ? AND kind = 'hint'`).get(roomId) as { n: number }).n;
  }

  /** Jobs created and jobs failed since `since` (AdminDashboard.ai). */
  statsSince(since: number): { requests: number; failures: number } {
    const row = this.#db
      .prepare(`SELECT COUNT(*) AS requests, COALESCE(SUM(status = 'failed'), 0) AS failures FROM ai_jobs WHERE created_at >= ?`)
      .get(since) as { requests: number; failures: number };
    return row;
  }
}
