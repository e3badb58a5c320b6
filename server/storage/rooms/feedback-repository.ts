// SQL for peer feedback (/v1/rooms/:roomId/feedback: one entry per author and target).
import type { Recommendation } from '../../protocol/index.ts';
import type { SqliteDatabase } from '../database.ts';
import type { FeedbackRecord } from './room-records.ts';
import { DELETED_USER_NAME } from './room-repository.ts';

interface FeedbackRow {
  id: string;
  room_id: string;
  author_id: string;
  display_name: string | null;
  deleted_at: number | null;
  target_user_id: string;
  ratings: string;
  comment: string | null;
  recommendation: Recommendation | null;
  created_at: number;
}

function toFeedback(r: FeedbackRow): FeedbackRecord {
  return {
    id: r.id,
    roomId: r.room_id,
    authorId: r.author_id,
    authorName: r.deleted_at !== null || r.display_name === null ? DELETED_USER_NAME : r.display_name,
    targetUserId: r.target_user_id,
    ratings: JSON.parse(r.ratings) as FeedbackRecord['ratings'],
    comment: r.comment,
    recommendation: r.recommendation,
    createdAt: r.created_at,
  };
}

const SELECT = `SELECT f.*, u.display_name, u.deleted_at FROM feedback f LEFT JOIN users u ON u.id = f.author_id`;

export class FeedbackRepository {
  readonly #db: SqliteDatabase;

  constructor(db: SqliteDatabase) {
    this.#db = db;
  }

  /** Returns false when this author already rated this target in this room. */
  insert(f: Omit<FeedbackRecord, 'authorName'>): boolean {
    const result = this.#db
      .prepare(
        `INSERT OR IGNORE INTO feedback (id, room_id, author_id, target_user_id, ratings, comment, recommendation, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(f.id, f.roomId, f.authorId, f.targetUserId, JSON.stringify(f.ratings), f.comment, f.recommendation, f.createdAt);
    return result.changes === 1;
  }

  get(id: string): FeedbackRecord | undefined {
    const row = this.#db.prepare(`${SELECT} WHERE f.id = ?`).get(id) as FeedbackRow | undefined;
    return row && toFeedback(row);
  }

  /** Oldest first. */
  listForRoom(roomId: string): FeedbackRecord[] {
    return (this.#db.prepare(`${SELECT} WHERE f.room_id = ? ORDER BY f.created_at, f.id`).all(roomId) as FeedbackRow[]).map(
      toFeedback,
    );
  }
}
