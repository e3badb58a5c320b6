import type { CollabDoc } from '../../protocol/index.ts';
import type { SqlDatabase } from '../sql/index.ts';
import { insertRows, selectIn } from './bulk-sql.ts';
import type { NewUpdate } from './collab-store.ts';

/**
 * The integer keys a log row holds instead of the room id and the author's user id (collab_doc_keys,
 * collab_authors), cached for the process's life: keys never change, so a commit of known documents and authors
 * costs no statement for them.
 */
export class LogKeys {
  readonly #db: SqlDatabase;
  readonly #docs = new Map<string, number>();
  readonly #authors = new Map<string, number>();

  constructor(db: SqlDatabase) {
    this.#db = db;
  }

  /**
   * The [doc key, author key] of every row. The missing ones (new documents, new authors) are created together
   * (`ON CONFLICT DO NOTHING`: another process may create them at the same time) and read back: a few statements
   * per commit that brings new keys, whatever its size.
   */
  async of(batch: readonly NewUpdate[]): Promise<[number, number | null][]> {
    const docs = new Map<string, { roomId: string; doc: CollabDoc }>();
    const authors = new Set<string>();
    for (const u of batch) {
      if (!this.#docs.has(docId(u.roomId, u.doc))) docs.set(docId(u.roomId, u.doc), { roomId: u.roomId, doc: u.doc });
      if (u.userId !== null && !this.#authors.has(u.userId)) authors.add(u.userId);
    }
    if (docs.size > 0) await this.#createDocKeys([...docs.values()]);
    if (authors.size > 0) await this.#createAuthorKeys([...authors]);
    return batch.map((u) => [this.#docs.get(docId(u.roomId, u.doc))!, u.userId === null ? null : this.#authors.get(u.userId)!]);
  }

  /** The document's key; undefined while nothing was ever logged for it. */
  async doc(roomId: string, doc: CollabDoc): Promise<number | undefined> {
    const cached = this.#docs.get(docId(roomId, doc));
    if (cached !== undefined) return cached;
    const row = await this.#db.get<{ doc_key: number }>('SELECT doc_key FROM collab_doc_keys WHERE room_id = ? AND doc = ?', [roomId, doc]);
    if (row) this.#docs.set(docId(roomId, doc), row.doc_key);
    return row?.doc_key;
  }

  async #createDocKeys(docs: readonly { roomId: string; doc: CollabDoc }[]): Promise<void> {
    await insertRows(this.#db, 'INSERT INTO collab_doc_keys (room_id, doc)', docs.map((d) => [d.roomId, d.doc]), 'ON CONFLICT DO NOTHING');
    const roomIds = [...new Set(docs.map((d) => d.roomId))];
    const rows = await selectIn<{ doc_key: number; room_id: string; doc: CollabDoc }>(
      this.#db,
      (marks) => `SELECT doc_key, room_id, doc FROM collab_doc_keys WHERE room_id IN (${marks})`,
      roomIds,
    );
    for (const r of rows) this.#docs.set(docId(r.room_id, r.doc), r.doc_key);
  }

  async #createAuthorKeys(userIds: readonly string[]): Promise<void> {
    await insertRows(this.#db, 'INSERT INTO collab_authors (user_id)', userIds.map((id) => [id]), 'ON CONFLICT DO NOTHING');
    const rows = await selectIn<{ author_key: number; user_id: string }>(
      this.#db,
      (marks) => `SELECT author_key, user_id FROM collab_authors WHERE user_id IN (${marks})`,
      userIds,
    );
    for (const r of rows) this.#authors.set(r.user_id, r.author_key);
  }
}

function docId(roomId: string, doc: CollabDoc): string {
  return `${roomId}/${doc}`;
}
