// SqlDatabase on one better-sqlite3 connection (the embedded default). Queries run synchronously behind a
// resolved promise; a transaction holds the connection, so queries from outside it wait until it ends.
import { AsyncLocalStorage } from 'node:async_hooks';
import Database from 'better-sqlite3';
import { closeSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import { DATA_DIR_MODE, DATA_FILE_MODE } from '../../config/data-dir.ts';
import type { SqlDatabase, SqlValue } from './sql-database.ts';

/** Prepared statements kept per connection; dynamic SQL (IN lists) beyond this evicts the oldest. */
const STATEMENT_CACHE_SIZE = 500;

/**
 * SQLite's page cache per connection, in KiB: SQLite's own default. better-sqlite3 builds SQLite with 16 MB, which a
 * server fills with pages it rarely reads again (checkpoint blobs, the log's written pages) and never gives back;
 * the operating system caches the file anyway. After scenario (d) of bench:collab (a 3 MiB document from 30k
 * updates) the collab server held 110-112 MiB with 16 MB and 102-103 MiB with 2 MB.
 */
const SQLITE_PAGE_CACHE_KIB = 2000;

/**
 * Opens (creating if needed) a SQLite file in WAL mode with foreign keys on. A new file is created 0600 in a
 * 0700 folder before SQLite opens it, because SQLite gives its -wal and -shm files the database file's
 * permissions: none of the three is ever readable by other local users.
 */
export function openSqliteDatabase(file: string): SqlDatabase {
  if (file !== ':memory:') {
    mkdirSync(dirname(file), { recursive: true, mode: DATA_DIR_MODE });
    closeSync(openSync(file, 'a', DATA_FILE_MODE));
  }
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  db.pragma(`cache_size = -${SQLITE_PAGE_CACHE_KIB}`);
  return new SqliteSqlDatabase(db, file);
}

interface ActiveTransaction {
  token: object;
  done: Promise<void>;
}

class SqliteSqlDatabase implements SqlDatabase {
  readonly dialect = 'sqlite';
  readonly location: string;
  readonly #db: Database.Database;
  readonly #statements = new Map<string, Database.Statement>();
  readonly #context = new AsyncLocalStorage<object>();
  #active: ActiveTransaction | null = null;

  constructor(db: Database.Database, file: string) {
    this.#db = db;
    this.location = file;
  }

  async all<T>(sql: string, params: readonly SqlValue[] = []): Promise<T[]> {
    while (this.#blocked()) await this.#active!.done;
    return this.#statement(sql).all(...bind(params)) as T[];
  }

  async get<T>(sql: string, params: readonly SqlValue[] = []): Promise<T | undefined> {
    while (this.#blocked()) await this.#active!.done;
    return this.#statement(sql).get(...bind(params)) as T | undefined;
  }

  async run(sql: string, params: readonly SqlValue[] = []): Promise<{ changes: number }> {
    while (this.#blocked()) await this.#active!.done;
    return { changes: this.#statement(sql).run(...bind(params)).changes };
  }

  async exec(sql: string): Promise<void> {
    while (this.#blocked()) await this.#active!.done;
    this.#db.exec(sql);
  }

  async transaction<T>(fn: () => Promise<T>): Promise<T> {
    if (this.#active && this.#context.getStore() === this.#active.token) return fn();
    // Checked and taken in one synchronous step: several transactions waiting together start one at a time.
    while (this.#active) await this.#active.done;
    const token = {};
    let release!: () => void;
    this.#active = { token, done: new Promise<void>((resolve) => (release = resolve)) };
    try {
      this.#db.exec('BEGIN IMMEDIATE');
      const result = await this.#context.run(token, fn);
      this.#db.exec('COMMIT');
      return result;
    } catch (error) {
      if (this.#db.inTransaction) this.#db.exec('ROLLBACK');
      throw error;
    } finally {
      this.#active = null;
      release();
    }
  }

  async close(): Promise<void> {
    while (this.#active) await this.#active.done;
    this.#statements.clear();
    this.#db.close();
  }

  /**
   * A transaction is open and this query is not part of it. Callers wait in a loop and then run the query in the
   * same synchronous step, so it cannot slip into a transaction that another waiter started meanwhile.
   */
  #blocked(): boolean {
    return this.#active !== null && this.#context.getStore() !== this.#active.token;
  }

  #statement(sql: string): Database.Statement {
    let statement = this.#statements.get(sql);
    if (!statement) {
      statement = this.#db.prepare(sql);
      if (this.#statements.size >= STATEMENT_CACHE_SIZE) this.#statements.delete(this.#statements.keys().next().value!);
      this.#statements.set(sql, statement);
    }
    return statement;
  }
}

function bind(params: readonly SqlValue[]): unknown[] {
  return params.map((value) => {
    if (typeof value === 'boolean') return value ? 1 : 0;
    if (value instanceof Uint8Array && !Buffer.isBuffer(value)) return Buffer.from(value.buffer, value.byteOffset, value.byteLength);
    return value;
  });
}
