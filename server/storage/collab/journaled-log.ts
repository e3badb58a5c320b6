// SQLite's update log: commits go to the journal (update-journal.ts) with one write and reach collab_log in large
// batches (docs/collab.md, "Write-ahead and group commit"). The store assigns the log ids itself.
import { join } from 'node:path';
import { COLLAB_JOURNAL } from '../../config/data-dir.ts';
import type { SqlDatabase } from '../sql/index.ts';
import { UpdateJournal, type JournalRow } from './update-journal.ts';

/** A log row before its id is assigned. */
export type UnnumberedRow = Omit<JournalRow, 'id'>;

/** How long journaled rows wait before they are moved into collab_log, and how many bytes of them at most. */
const MOVE_AFTER_MS = 250;
const MOVE_AT_BYTES = 1 << 20;

/** A row moved twice (the process was killed before it emptied the journal) is kept once. */
const INSERT_ROW = 'INSERT INTO collab_log (id, doc_key, author_key, accepted_at, bytes) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING';

const settled = (): void => {};

export class JournaledLog {
  readonly #db: SqlDatabase;
  readonly #journal: UpdateJournal;
  #nextId: number;
  /** Rows in the journal that collab_log does not hold yet. */
  #pending: JournalRow[] = [];
  #timer: NodeJS.Timeout | null = null;
  /** The move in progress (never rejects); appends wait for it, so the journal is emptied of moved rows only. */
  #moving: Promise<void> | null = null;

  private constructor(db: SqlDatabase, journal: UpdateJournal, nextId: number) {
    this.#db = db;
    this.#journal = journal;
    this.#nextId = nextId;
  }

  /** Opens the data directory's journal and first moves into collab_log what a previous process left in it. */
  static async open(db: SqlDatabase, dataDir: string): Promise<JournaledLog> {
    const { journal, rows } = UpdateJournal.open(join(dataDir, COLLAB_JOURNAL));
    try {
      await insertNumbered(db, rows);
      journal.clear();
      const last = await db.get<{ id: number }>(
        `SELECT MAX(COALESCE((SELECT seq FROM sqlite_sequence WHERE name = 'collab_log'), 0), COALESCE((SELECT MAX(id) FROM collab_log), 0)) AS id`,
      );
      return new JournaledLog(db, journal, (last?.id ?? 0) + 1);
    } catch (error) {
      journal.close();
      throw error;
    }
  }

  /** Commits the rows (one write to the journal) and returns their ids, ascending. */
  async append(rows: readonly UnnumberedRow[]): Promise<number[]> {
    while (this.#moving) await this.#moving;
    // From here to the return nothing waits: no move can start between the write and `#pending`.
    const numbered = this.#number(rows);
    this.#journal.append(numbered);
    this.#pending.push(...numbered);
    if (this.#journal.size >= MOVE_AT_BYTES) setImmediate(() => this.#moveSoon());
    else if (this.#timer === null) this.#timer = setTimeout(() => this.#moveSoon(), MOVE_AFTER_MS).unref();
    return numbered.map((r) => r.id);
  }

  /** Writes the rows straight into collab_log (a room's first updates, inside the room's transaction). */
  async insert(rows: readonly UnnumberedRow[]): Promise<number[]> {
    const numbered = this.#number(rows);
    await insertNumbered(this.#db, numbered);
    return numbered.map((r) => r.id);
  }

  /** Moves the journal's rows into collab_log in one transaction, then empties the journal: call before reading the log. */
  async settle(): Promise<void> {
    while (this.#moving) await this.#moving;
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    if (this.#pending.length === 0) return;
    const move = (async () => {
      await insertNumbered(this.#db, this.#pending);
      this.#pending = [];
      this.#journal.clear();
    })();
    // Whoever waits for this move goes on either way; only this call reports its failure.
    const marker = move.then(settled, settled);
    this.#moving = marker;
    try {
      await move;
    } finally {
      if (this.#moving === marker) this.#moving = null;
    }
  }

  /** Moves what is pending and closes the journal; rows a failed move left stay in the file for the next open. */
  async close(): Promise<void> {
    try {
      await this.settle();
    } finally {
      this.#journal.close();
    }
  }

  #number(rows: readonly UnnumberedRow[]): JournalRow[] {
    const numbered = rows.map((r, i) => ({ ...r, id: this.#nextId + i }));
    this.#nextId += rows.length;
    return numbered;
  }

  #moveSoon(): void {
    // A failed move leaves its rows in the journal and pending; the next settle (a read, close) or append retries.
    this.settle().catch(() => {});
  }
}

/** One transaction, one cached single-row insert per row. */
async function insertNumbered(db: SqlDatabase, rows: readonly JournalRow[]): Promise<void> {
  if (rows.length === 0) return;
  await db.transaction(async () => {
    for (const r of rows) await db.run(INSERT_ROW, [r.id, r.docKey, r.authorKey, r.acceptedAt, r.bytes]);
  });
}
