import type { SqlDatabase } from '../sql/index.ts';

export class BookmarksRepository {
  readonly #db: SqlDatabase;

  constructor(db: SqlDatabase) {
    this.#db = db;
  }

  /** Idempotent: an existing bookmark keeps its original `createdAt`. */
  async add(userId: string, problemId: string, now: number): Promise<void> {
    await this.#db.run('INSERT INTO bookmarks (user_id, problem_id, created_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING', [userId, problemId, now]);
  }

  async remove(userId: string, problemId: string): Promise<void> {
    await this.#db.run('DELETE FROM bookmarks WHERE user_id = ? AND problem_id = ?', [userId, problemId]);
  }

  /** Which of `problemIds` the user bookmarked. */
  async bookmarkedAmong(userId: string, problemIds: readonly string[]): Promise<Set<string>> {
    if (problemIds.length === 0) return new Set();
    const rows = await this.#db.all<{ problem_id: string }>(
      `SELECT problem_id FROM bookmarks WHERE user_id = ? AND problem_id IN (${problemIds.map(() => '?').join(',')})`,
      [userId, ...problemIds],
    );
    return new Set(rows.map((r) => r.problem_id));
  }

  /** Bookmarks of non-deleted problems, newest first, after a [createdAt, problemId] key. */
  list(userId: string, limit: number, after?: readonly [number, string]): Promise<{ problemId: string; createdAt: number }[]> {
    const params: (string | number)[] = [userId];
    let keyset = '';
    if (after) {
      keyset = 'AND (b.created_at < ? OR (b.created_at = ? AND b.problem_id < ?))';
      params.push(after[0], after[0], after[1]);
    }
    return this.#db.all(
      `SELECT b.problem_id AS "problemId", b.created_at AS "createdAt" FROM bookmarks b JOIN problems p ON p.id = b.problem_id
       WHERE b.user_id = ? AND p.deleted_at IS NULL ${keyset}
       ORDER BY b.created_at DESC, b.problem_id DESC LIMIT ?`,
      [...params, limit],
    );
  }
}
