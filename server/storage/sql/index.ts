import { join } from 'node:path';
import type { SqlDatabase } from './sql-database.ts';
import { openSqliteDatabase } from './sqlite-database.ts';
import { openPostgresDatabase } from './postgres-database.ts';

export type { SqlDatabase, SqlExecutor, SqlValue, SqlDialect } from './sql-database.ts';
export { openSqliteDatabase } from './sqlite-database.ts';
export { migrateSql, type SqlMigration } from './migrate.ts';

/**
 * The server's database: PostgreSQL when `databaseUrl` is a `postgres://` / `postgresql://` URL
 * (SYNCODE_DATABASE_URL), otherwise the SQLite file `name` in the data directory.
 */
export function openServerDatabase(databaseUrl: string | undefined, dataDir: string, name: string): SqlDatabase {
  if (databaseUrl && /^postgres(ql)?:\/\//.test(databaseUrl)) return openPostgresDatabase(databaseUrl);
  if (databaseUrl) throw new Error(`SYNCODE_DATABASE_URL must be a postgres:// URL (got ${databaseUrl.split(':')[0]}:)`);
  return openSqliteDatabase(join(dataDir, name));
}
