// SQL for peer feedback (/v1/rooms/:roomId/feedback: one entry per author and target).
import type { Recommendation } from '../../protocol/index.ts';
import type { SqlExecutor } from '../sql/index.ts';
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
  readonly #db: SqlExecutor;

  constructor(db: SqlExecutor) {
    this.#db = db;
  }

  /** Returns false when this author already rated this target in this room. */
  async insert(f: Omit<FeedbackRecord, 'authorName'>): Promise<boolean> {
    const result = await this.#db.run(
      `INSERT INTO feedback (id, room_id, author_id, target_user_id, ratings, comment, recommendation, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
      [f.id, f.roomId, f.authorId, f.targetUserId, JSON.stringify(f.ratings), f.comment, f.recommendation, f.createdAt],
    );
    return result.changes === 1;
  }

  async get(id: string): Promise<FeedbackRecord | undefined> {
    const row = await this.#db.get<FeedbackRow>(`${SELECT} WHERE f.id = ?`, [id]);
    return row && toFeedback(row);
  }

  /** Oldest first. */
  async listForRoom(roomId: string): Promise<FeedbackRecord[]> {
    return (await this.#db.all<FeedbackRow>(`${SELECT} WHERE f.room_id = ? ORDER BY f.created_at, f.id`, [roomId])).map(toFeedback);
  }
}
