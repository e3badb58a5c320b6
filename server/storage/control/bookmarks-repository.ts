import type { SqliteDatabase } from '../database.ts';

export class BookmarksRepository {
  readonly #db: SqliteDatabase;

  constructor(db: SqliteDatabase) {
    this.#db = db;
  }

  /** Idempotent: an existing bookmark keeps its original `createdAt`. */
  add(userId: string, problemId: string, now: number): void {
    this.#db.prepare('INSERT OR IGNORE INTO bookmarks (user_id, problem_id, created_at) VALUES (?, ?, ?)').run(userId, problemId, now);
  }

  remove(userId: string, problemId: string): void {
    this.#db.prepare('DELETE FROM bookmarks WHERE user_id = ? AND problem_id = ?').run(userId, problemId);
  }

  /** Which of `problemIds` the user bookmarked. */
  bookmarkedAmong(userId: string, problemIds: readonly string[]): Set<string> {
    if (problemIds.length === 0) return new Set();
    const rows = this.#db
      .prepare(`SELECT problem_id FROM bookmarks WHERE user_id = ? AND problem_id IN (${problemIds.map(() => '?').join(',')})`)
      .all(userId, ...problemIds) as { problem_id: string }[];
    return new Set(rows.map((r) => r.problem_id));
  }

  /** Bookmarks of non-deleted problems, newest first, after a [createdAt, problemId] key. */
  list(userId: string, limit: number, after?: readonly [number, string]): { problemId: string; createdAt: number }[] {
    const params: (string | number)[] = [userId];
    let keyset = '';
    if (after) {
      keyset = 'AND (b.created_at < ? OR (b.created_at = ? AND b.problem_id < ?))';
      params.push(after[0], after[0], after[1]);
    }
    return this.#db
      .prepare(
        `SELECT b.problem_id AS problemId, b.created_at AS createdAt FROM bookmarks b JOIN problems p ON p.id = b.problem_id
         WHERE b.user_id = ? AND p.deleted_at IS NULL ${keyset}
         ORDER BY b.created_at DESC, b.problem_id DESC LIMIT ?`,
      )
      .all(...params, limit) as { problemId: string; createdAt: number }[];
  }
}
