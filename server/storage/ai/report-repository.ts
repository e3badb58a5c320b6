// SQL for training reports: one per finished session and subject, `pending` until generated.
import type { SqlExecutor } from '../sql/index.ts';
import type { ReportRecord, ReportState } from './ai-records.ts';

interface ReportRow {
  room_id: string;
  subject_user_id: string;
  status: string;
  report: string | null;
  weaknesses: string | null;
  error_message: string | null;
  created_at: number;
  generated_at: number | null;
  finished_at: number;
}

function toReport(r: ReportRow): ReportRecord {
  return {
    roomId: r.room_id,
    subjectUserId: r.subject_user_id,
    status: r.status as ReportState,
    report: r.report === null ? null : (JSON.parse(r.report) as unknown),
    weaknesses: r.weaknesses === null ? null : (JSON.parse(r.weaknesses) as unknown),
    errorMessage: r.error_message,
    createdAt: r.created_at,
    generatedAt: r.generated_at,
    finishedAt: r.finished_at,
  };
}

export class ReportRepository {
  readonly #db: SqlExecutor;

  constructor(db: SqlExecutor) {
    this.#db = db;
  }

  /** Queues a report; a second call for the same session and subject changes nothing (returns false). */
  async insertPending(roomId: string, subjectUserId: string, finishedAt: number, at: number): Promise<boolean> {
    const r = await this.#db.run(
      `INSERT INTO training_reports (room_id, subject_user_id, status, created_at, finished_at) VALUES (?, ?, 'pending', ?, ?)
       ON CONFLICT DO NOTHING`,
      [roomId, subjectUserId, at, finishedAt],
    );
    return r.changes === 1;
  }

  async get(roomId: string, subjectUserId: string): Promise<ReportRecord | undefined> {
    const row = await this.#db.get<ReportRow>('SELECT * FROM training_reports WHERE room_id = ? AND subject_user_id = ?', [roomId, subjectUserId]);
    return row && toReport(row);
  }

  async markReady(roomId: string, subjectUserId: string, report: unknown, weaknesses: unknown, at: number): Promise<void> {
    await this.#db.run(
      `UPDATE training_reports SET status = 'ready', report = ?, weaknesses = ?, generated_at = ?, error_message = NULL
       WHERE room_id = ? AND subject_user_id = ?`,
      [JSON.stringify(report), JSON.stringify(weaknesses), at, roomId, subjectUserId],
    );
  }

  async markFailed(roomId: string, subjectUserId: string, message: string): Promise<void> {
    await this.#db.run(`UPDATE training_reports SET status = 'failed', error_message = ? WHERE room_id = ? AND subject_user_id = ? AND status = 'pending'`, [
      message,
      roomId,
      subjectUserId,
    ]);
  }

  /** At start: reports a previous process was generating can never finish now. */
  async failPending(message: string): Promise<number> {
    const r = await this.#db.run(`UPDATE training_reports SET status = 'failed', error_message = ? WHERE status = 'pending'`, [message]);
    return r.changes;
  }

  /** Ready reports about a user, oldest session first. */
  async readyOf(subjectUserId: string): Promise<ReportRecord[]> {
    const rows = await this.#db.all<ReportRow>(
      `SELECT * FROM training_reports WHERE subject_user_id = ? AND status = 'ready' ORDER BY finished_at, room_id`,
      [subjectUserId],
    );
    return rows.map(toReport);
  }
}
