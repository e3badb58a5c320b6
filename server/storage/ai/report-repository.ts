// SQL for training reports: one per finished session and subject, `pending` until generated.
import type { SqliteDatabase } from '../database.ts';
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
  readonly #db: SqliteDatabase;

  constructor(db: SqliteDatabase) {
    this.#db = db;
  }

  /** Queues a report; a second call for the same session and subject changes nothing (returns false). */
  insertPending(roomId: string, subjectUserId: string, finishedAt: number, at: number): boolean {
    return (
      this.#db
        .prepare(
          `INSERT OR IGNORE INTO training_reports (room_id, subject_user_id, status, created_at, finished_at) VALUES (?, ?, 'pending', ?, ?)`,
        )
        .run(roomId, subjectUserId, at, finishedAt).changes === 1
    );
  }

  get(roomId: string, subjectUserId: string): ReportRecord | undefined {
    const row = this.#db.prepare('SELECT * FROM training_reports WHERE room_id = ? AND subject_user_id = ?').get(roomId, subjectUserId) as
      | ReportRow
      | undefined;
    return row && toReport(row);
  }

  markReady(roomId: string, subjectUserId: string, report: unknown, weaknesses: unknown, at: number): void {
    this.#db
      .prepare(
        `UPDATE training_reports SET status = 'ready', report = ?, weaknesses = ?, generated_at = ?, error_message = NULL
         WHERE room_id = ? AND subject_user_id = ?`,
      )
      .run(JSON.stringify(report), JSON.stringify(weaknesses), at, roomId, subjectUserId);
  }

  markFailed(roomId: string, subjectUserId: string, message: string): void {
    this.#db
      .prepare(`UPDATE training_reports SET status = 'failed', error_message = ? WHERE room_id = ? AND subject_user_id = ? AND status = 'pending'`)
      .run(message, roomId, subjectUserId);
  }

  /** At start: reports a previous process was generating can never finish now. */
  failPending(message: string): number {
    return this.#db.prepare(`UPDATE training_reports SET status = 'failed', error_message = ? WHERE status = 'pending'`).run(message).changes;
  }

  /** Ready reports about a user, oldest session first. */
  readyOf(subjectUserId: string): ReportRecord[] {
    return (
      this.#db
        .prepare(`SELECT * FROM training_reports WHERE subject_user_id = ? AND status = 'ready' ORDER BY finished_at, room_id`)
        .all(subjectUserId) as ReportRow[]
    ).map(toReport);
  }
}
