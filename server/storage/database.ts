import Database from 'better-sqlite3';
import { closeSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import { DATA_DIR_MODE, DATA_FILE_MODE } from '../config/data-dir.ts';

export type SqliteDatabase = Database.Database;

/** One numbered schema change. `up` runs inside a transaction. */
export interface Migration {
  version: number;
  name: string;
  up: (db: SqliteDatabase) => void;
}

/**
 * Opens (creating if needed) a SQLite file in WAL mode with foreign keys on. A new file is created 0600 in
 * a 0700 folder before SQLite opens it, because SQLite gives its -wal and -shm files the database file's
 * permissions: none of the three is ever readable by other local users.
 */
export function openDatabase(file: string): SqliteDatabase {
  if (file !== ':memory:') {
    mkdirSync(dirname(file), { recursive: true, mode: DATA_DIR_MODE });
    closeSync(openSync(file, 'a', DATA_FILE_MODE));
  }
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  return db;
}

/**
 * Applies the pending migrations of one area (`control`, `collab`, `execution`, ...) in order. Each area
 * numbers its own migrations, so planes evolve their schemas independently in one file.
 */
export function migrate(db: SqliteDatabase, area: string, migrations: readonly Migration[]): void {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    area TEXT NOT NULL, version INTEGER NOT NULL, name TEXT NOT NULL, applied_at TEXT NOT NULL,
    PRIMARY KEY (area, version))`);
  const applied = new Set(
    (db.prepare('SELECT version FROM schema_migrations WHERE area = ?').all(area) as { version: number }[]).map(
      (r) => r.version,
    ),
  );
  const sorted = [...migrations].sort((a, b) => a.version - b.version);
  for (const m of sorted) {
    if (applied.has(m.version)) continue;
    db.transaction(() => {
      m.up(db);
      db.prepare('INSERT INTO schema_migrations (area, version, name, applied_at) VALUES (?, ?, ?, ?)').run(
        area,
        m.version,
        m.name,
        new Date().toISOString(),
      );
    })();
  }
}
