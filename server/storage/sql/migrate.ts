import { StartupError } from '../../config/startup-error.ts';
import type { SqlDatabase, SqlExecutor } from './sql-database.ts';

/** One numbered schema change, written in SQLite's SQL (see SqlExecutor.exec for the PostgreSQL translation). */
export interface SqlMigration {
  version: number;
  name: string;
  up: (db: SqlExecutor) => Promise<void>;
}

/** Any fixed number: the advisory lock that keeps two processes starting at once from migrating together. */
const MIGRATION_LOCK = 7_412_003;

/**
 * Applies the pending migrations of one area (`control`, `collab`, `execution`, ...) in order, all in one
 * transaction. Each area numbers its own migrations, so planes evolve their schemas independently in one
 * database. On PostgreSQL the transaction first takes an advisory lock: processes starting together wait.
 */
export async function migrateSql(db: SqlDatabase, area: string, migrations: readonly SqlMigration[]): Promise<void> {
  try {
    await db.transaction(() => applyPending(db, area, migrations));
  } catch (error) {
    throw unreachable(db, error) ?? error;
  }
}

/** Inside the migration transaction: takes the advisory lock (PostgreSQL), then applies what `area` lacks. */
async function applyPending(db: SqlDatabase, area: string, migrations: readonly SqlMigration[]): Promise<void> {
  if (db.dialect === 'postgres') await db.get('SELECT pg_advisory_xact_lock(?)', [MIGRATION_LOCK]);
  await db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    area TEXT NOT NULL, version INTEGER NOT NULL, name TEXT NOT NULL, applied_at TEXT NOT NULL,
    PRIMARY KEY (area, version))`);
  const rows = await db.all<{ version: number }>('SELECT version FROM schema_migrations WHERE area = ?', [area]);
  const applied = new Set(rows.map((r) => r.version));
  for (const m of [...migrations].sort((a, b) => a.version - b.version)) {
    if (applied.has(m.version)) continue;
    await m.up(db);
    await db.run('INSERT INTO schema_migrations (area, version, name, applied_at) VALUES (?, ?, ?, ?)', [
      area,
      m.version,
      m.name,
      new Date().toISOString(),
    ]);
  }
}

/** PostgreSQL's answers that mean the server cannot be used with this URL at all (not a failed migration). */
const UNREACHABLE_CODES = new Set([
  'ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EHOSTUNREACH', 'ECONNRESET',
  '28P01', // invalid password
  '28000', // no such role, or not allowed by pg_hba.conf
  '3D000', // no such database
]);

/**
 * A database the server cannot reach or log in to is the operator's to fix: a StartupError (exit 2) naming the
 * database (its URL with the password hidden) and the setting, rather than a bare `connect ECONNREFUSED`.
 */
function unreachable(db: SqlDatabase, error: unknown): StartupError | null {
  const code = (error as { code?: unknown })?.code;
  if (db.dialect !== 'postgres' || typeof code !== 'string' || !UNREACHABLE_CODES.has(code)) return null;
  return new StartupError(`cannot use the PostgreSQL database ${db.location} (SYNCODE_DATABASE_URL): ${(error as Error).message}`, { cause: error });
}
