// Statements over a variable number of rows, run the way each backend does them best. PostgreSQL: one statement
// for all rows (one round trip). SQLite: no round trip to save, and SQLite keeps a prepared statement per distinct
// text, which for a multi-row VALUES list of every size a group commit produces adds up to tens of MiB; so one
// cached single-row statement per row, in one transaction.
import type { SqlDatabase, SqlValue } from '../sql/index.ts';

/** Rows per PostgreSQL statement; more go in several statements in one transaction (bounded text and parameter count). */
const MAX_ROWS_PER_STATEMENT = 256;

/** `?, ?, ?` */
export function marks(n: number): string {
  return Array.from({ length: n }, () => '?').join(', ');
}

/**
 * `INSERT INTO … VALUES (?, …), (?, …) <tail>` for `rows`; returns the rows its RETURNING clause gives (in row
 * order on SQLite; PostgreSQL does not promise an order).
 */
export async function insertRows<T>(db: SqlDatabase, head: string, rows: readonly (readonly SqlValue[])[], tail = ''): Promise<T[]> {
  if (rows.length === 0) return [];
  const returning = /\bRETURNING\b/i.test(tail);
  const statement = (n: number): string => `${head} VALUES ${Array.from({ length: n }, () => `(${marks(rows[0]!.length)})`).join(', ')} ${tail}`;
  const execute = async (sql: string, params: readonly SqlValue[]): Promise<T[]> => (returning ? db.all<T>(sql, params) : (await db.run(sql, params), []));
  if (db.dialect === 'sqlite') {
    const one = statement(1);
    return concat(rows.length, (i) => execute(one, rows[i]!), db);
  }
  const chunks = Math.ceil(rows.length / MAX_ROWS_PER_STATEMENT);
  return concat(chunks, (c) => {
    const chunk = rows.slice(c * MAX_ROWS_PER_STATEMENT, (c + 1) * MAX_ROWS_PER_STATEMENT);
    return execute(statement(chunk.length), chunk.flat());
  }, db);
}

/** `sql(marks)` with an `IN (…)` list over `values`: one statement on PostgreSQL, one per value on SQLite. */
export async function selectIn<T>(db: SqlDatabase, sql: (marks: string) => string, values: readonly SqlValue[]): Promise<T[]> {
  if (values.length === 0) return [];
  if (db.dialect === 'postgres') return db.all<T>(sql(marks(values.length)), values);
  const one = sql(marks(1));
  return concat(values.length, (i) => db.all<T>(one, [values[i]!]));
}

/** The rows of `step(0 … n-1)`, run in order; in one transaction of `db` when given and n > 1. */
async function concat<T>(n: number, step: (i: number) => Promise<T[]>, db?: SqlDatabase): Promise<T[]> {
  const run = async (): Promise<T[]> => {
    const all: T[] = [];
    for (let i = 0; i < n; i++) all.push(...(await step(i)));
    return all;
  };
  return db && n > 1 ? db.transaction(run) : run();
}
