import type Database from 'better-sqlite3';

/**
 * The local store's schema, versioned with SQLite's `user_version` (main/ cannot use the server's
 * migration helper: ARCHITECTURE.md keeps main/ off server internals). Append a step to change it.
 */
const STEPS: readonly ((db: Database.Database) => void)[] = [
  (db) => {
    db.exec(`
      CREATE TABLE docs (
        server TEXT NOT NULL, room_id TEXT NOT NULL, doc TEXT NOT NULL,
        updated_at INTEGER NOT NULL,
        PRIMARY KEY (server, room_id, doc)
      );
      CREATE TABLE doc_updates (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        server TEXT NOT NULL, room_id TEXT NOT NULL, doc TEXT NOT NULL,
        data BLOB NOT NULL,
        FOREIGN KEY (server, room_id, doc) REFERENCES docs (server, room_id, doc) ON DELETE CASCADE
      );
      CREATE INDEX doc_updates_by_doc ON doc_updates (server, room_id, doc, id);
      CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
      CREATE TABLE recent_rooms (
        server TEXT NOT NULL, room_id TEXT NOT NULL, name TEXT NOT NULL, last_opened_at INTEGER NOT NULL,
        PRIMARY KEY (server, room_id)
      );
    `);
  },
  (db) => {
    // Sessions of hosted servers the user took part in, cached when their page is opened online (history offline).
    db.exec(`
      CREATE TABLE history_cache (
        server TEXT NOT NULL, session_id TEXT NOT NULL, part TEXT NOT NULL,
        data TEXT NOT NULL, cached_at INTEGER NOT NULL,
        PRIMARY KEY (server, session_id, part)
      );
    `);
  },
];

export function migrateLocalStore(db: Database.Database): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  for (let v = current; v < STEPS.length; v++) {
    db.transaction(() => {
      STEPS[v]!(db);
      db.pragma(`user_version = ${v + 1}`);
    })();
  }
}
