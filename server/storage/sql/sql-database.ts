// The storage layer's one async interface over SQL (docs/deployment.md, "Storage"). Two implementations:
// SQLite (better-sqlite3, the embedded default) and PostgreSQL (`pg`, pooled), chosen by SYNCODE_DATABASE_URL.
// Repositories write the SQL both accept: `?` placeholders, INTEGER epoch milliseconds, 0/1 flags, TEXT JSON,
// `ON CONFLICT … DO NOTHING/UPDATE`, `RETURNING`. Where the dialects differ a repository branches on `dialect`.

/** A bound parameter. Uint8Array is a BLOB (SQLite) / BYTEA (PostgreSQL); booleans are stored as 0/1. */
export type SqlValue = string | number | bigint | boolean | null | Uint8Array;

export type SqlDialect = 'sqlite' | 'postgres';

export interface SqlExecutor {
  readonly dialect: SqlDialect;
  /** Every row. Integer columns come back as numbers, BLOB/BYTEA as Uint8Array (a Buffer). */
  all<T>(sql: string, params?: readonly SqlValue[]): Promise<T[]>;
  /** The first row, or undefined. */
  get<T>(sql: string, params?: readonly SqlValue[]): Promise<T | undefined>;
  /** A statement without rows to read; `changes` is the number of rows it inserted, updated or deleted. */
  run(sql: string, params?: readonly SqlValue[]): Promise<{ changes: number }>;
  /**
   * Several statements without parameters (schema changes). On PostgreSQL the SQLite column types are
   * translated (INTEGER → BIGINT, BLOB → BYTEA, REAL → DOUBLE PRECISION, INTEGER PRIMARY KEY AUTOINCREMENT →
   * an identity column) and `COLLATE NOCASE` is dropped.
   */
  exec(sql: string): Promise<void>;
}

export interface SqlDatabase extends SqlExecutor {
  /**
   * Runs `fn` in one transaction: committed when it resolves, rolled back when it throws. Every query issued
   * while `fn` runs — through this object, from any repository — joins the transaction (async context);
   * queries from elsewhere wait on SQLite's single connection and use another pooled connection on
   * PostgreSQL. A transaction inside a transaction joins the outer one.
   */
  transaction<T>(fn: () => Promise<T>): Promise<T>;
  /** A human-readable name of where the data lives (health, logs): the SQLite file or `postgres://host/db`. */
  readonly location: string;
  close(): Promise<void>;
}
