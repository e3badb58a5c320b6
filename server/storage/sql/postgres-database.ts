// SqlDatabase on a `pg` pool (hosted scale-out: several server processes on one PostgreSQL). BIGINT and
// NUMERIC results are parsed as numbers (epoch milliseconds and counts fit in 2^53); BYTEA comes back as Buffer.
import { AsyncLocalStorage } from 'node:async_hooks';
import pg from 'pg';
import type { SqlDatabase, SqlValue } from './sql-database.ts';
import { numberPlaceholders, postgresSchema } from './postgres-dialect.ts';

const INT8_OID = 20;
const NUMERIC_OID = 1700;

const types = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === INT8_OID || oid === NUMERIC_OID) return (value: string) => Number(value);
    return pg.types.getTypeParser(oid, format);
  },
};

export interface PostgresOptions {
  /** Pooled connections per process. Default 10. */
  maxConnections?: number;
}

export function openPostgresDatabase(url: string, options: PostgresOptions = {}): SqlDatabase {
  const pool = new pg.Pool({ connectionString: url, max: options.maxConnections ?? 10, types: types as pg.CustomTypesConfig });
  // An idle pooled connection that the server drops must not crash the process; the next query reconnects.
  pool.on('error', () => {});
  return new PostgresSqlDatabase(pool, url);
}

interface TransactionContext {
  client: pg.PoolClient;
  open: boolean;
}

class PostgresSqlDatabase implements SqlDatabase {
  readonly dialect = 'postgres';
  readonly location: string;
  readonly #pool: pg.Pool;
  readonly #context = new AsyncLocalStorage<TransactionContext>();
  readonly #texts = new Map<string, string>();

  constructor(pool: pg.Pool, url: string) {
    this.#pool = pool;
    this.location = redact(url);
  }

  async all<T>(sql: string, params: readonly SqlValue[] = []): Promise<T[]> {
    return (await this.#query(sql, params)).rows as T[];
  }

  async get<T>(sql: string, params: readonly SqlValue[] = []): Promise<T | undefined> {
    return (await this.#query(sql, params)).rows[0] as T | undefined;
  }

  async run(sql: string, params: readonly SqlValue[] = []): Promise<{ changes: number }> {
    return { changes: (await this.#query(sql, params)).rowCount ?? 0 };
  }

  async exec(sql: string): Promise<void> {
    await this.#executor().query(postgresSchema(sql));
  }

  async transaction<T>(fn: () => Promise<T>): Promise<T> {
    if (this.#context.getStore()?.open) return fn();
    const client = await this.#pool.connect();
    const context: TransactionContext = { client, open: true };
    try {
      await client.query('BEGIN');
      const result = await this.#context.run(context, fn);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {});
      throw error;
    } finally {
      context.open = false;
      client.release();
    }
  }

  async close(): Promise<void> {
    await this.#pool.end();
  }

  #executor(): pg.Pool | pg.PoolClient {
    const context = this.#context.getStore();
    return context?.open ? context.client : this.#pool;
  }

  #query(sql: string, params: readonly SqlValue[]): Promise<pg.QueryResult> {
    let text = this.#texts.get(sql);
    if (text === undefined) {
      text = numberPlaceholders(sql);
      this.#texts.set(sql, text);
    }
    return this.#executor().query(text, params.map(bind));
  }
}

function bind(value: SqlValue): unknown {
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'bigint') return value.toString();
  if (value instanceof Uint8Array && !Buffer.isBuffer(value)) return Buffer.from(value.buffer, value.byteOffset, value.byteLength);
  return value;
}

/** The URL without its password (logs and health). */
function redact(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'postgres';
  }
}
