import type { SqlMigration } from '../sql/index.ts';

/**
 * Schema of the collab store (area `collab`: collab.sqlite, or the PostgreSQL database). The update log is append-only and per update (author and
 * accepted time: keystroke-level replay); checkpoints only speed up loading (latest checkpoint + the
 * log rows after it).
 */
export const COLLAB_MIGRATIONS: readonly SqlMigration[] = [
  {
    version: 1,
    name: 'collab documents, update log, checkpoints, enforcement state',
    up: async (db) => {
      await db.exec(`
        CREATE TABLE collab_rooms (
          room_id TEXT PRIMARY KEY,
          mode TEXT NOT NULL,
          phase TEXT NOT NULL,
          language TEXT NOT NULL,
          problem_id TEXT,
          editor_locked INTEGER NOT NULL,
          lock_reason TEXT,
          timer_json TEXT,
          recording INTEGER NOT NULL DEFAULT 0,
          created_at INTEGER NOT NULL,
          destroyed_at INTEGER,
          last_snapshot_update_id INTEGER NOT NULL DEFAULT 0
        );
        CREATE TABLE collab_participants (
          room_id TEXT NOT NULL REFERENCES collab_rooms(room_id),
          user_id TEXT NOT NULL,
          role TEXT,
          left_at INTEGER,
          kicked INTEGER NOT NULL DEFAULT 0,
          PRIMARY KEY (room_id, user_id)
        );
        CREATE TABLE collab_updates (
          id INTEGER PRIMARY KEY AUTOINCREMENT,
          room_id TEXT NOT NULL,
          doc TEXT NOT NULL,
          user_id TEXT,
          accepted_at INTEGER NOT NULL,
          bytes BLOB NOT NULL
        );
        CREATE INDEX collab_updates_by_doc ON collab_updates (room_id, doc, id);
        CREATE TABLE collab_checkpoints (
          room_id TEXT NOT NULL,
          doc TEXT NOT NULL,
          upto_update_id INTEGER NOT NULL,
          created_at INTEGER NOT NULL,
          state BLOB NOT NULL,
          PRIMARY KEY (room_id, doc, upto_update_id)
        );
        CREATE TABLE collab_banned_clients (
          room_id TEXT NOT NULL,
          doc TEXT NOT NULL,
          client_id INTEGER NOT NULL,
          banned_at INTEGER NOT NULL,
          PRIMARY KEY (room_id, doc, client_id)
        );
        CREATE TABLE collab_resync_flags (
          room_id TEXT NOT NULL,
          user_id TEXT NOT NULL,
          doc TEXT NOT NULL,
          flagged_at INTEGER NOT NULL,
          PRIMARY KEY (room_id, user_id, doc)
        );
        CREATE TABLE collab_pending_snapshots (
          id TEXT PRIMARY KEY,
          room_id TEXT NOT NULL,
          doc TEXT NOT NULL,
          trigger TEXT NOT NULL,
          taken_at TEXT NOT NULL,
          bytes BLOB NOT NULL
        );
      `);
    },
  },
  {
    version: 2,
    name: 'Yjs clientID ownership per document',
    up: async (db) => {
      // A clientID belongs to the user whose message first brought a struct of it to the document (accepted or
      // rejected); server-origin writes are owned by SERVER_CLIENT_OWNER. A rejection bans only clientIDs its
      // sender owns.
      await db.exec(`
        CREATE TABLE collab_client_owners (
          room_id TEXT NOT NULL,
          doc TEXT NOT NULL,
          client_id INTEGER NOT NULL,
          user_id TEXT NOT NULL,
          PRIMARY KEY (room_id, doc, client_id)
        );
      `);
    },
  },
  {
    version: 3,
    name: 'compact update log: integer document and author keys',
    up: async (db) => {
      // The log is kept for the session's whole life (replay), so each row stays small: the room id and the author's
      // id are stored once in a key table instead of as 36-character text in every row and in the index. Ids are
      // kept, so replay sequence numbers do not change.
      await db.exec(`
        CREATE TABLE collab_doc_keys (
          doc_key INTEGER PRIMARY KEY,
          room_id TEXT NOT NULL,
          doc TEXT NOT NULL,
          UNIQUE (room_id, doc)
        );
        CREATE TABLE collab_authors (
          author_key INTEGER PRIMARY KEY,
          user_id TEXT NOT NULL UNIQUE
        );
        INSERT INTO collab_doc_keys (room_id, doc) SELECT DISTINCT room_id, doc FROM collab_updates ORDER BY room_id, doc;
        INSERT INTO collab_authors (user_id) SELECT DISTINCT user_id FROM collab_updates WHERE user_id IS NOT NULL ORDER BY user_id;
        CREATE TABLE collab_log (
          id INTEGER PRIMARY KEY AUTOINCREMENT,
          doc_key INTEGER NOT NULL,
          author_key INTEGER,
          accepted_at INTEGER NOT NULL,
          bytes BLOB NOT NULL
        );
        INSERT INTO collab_log (id, doc_key, author_key, accepted_at, bytes)
          SELECT u.id, d.doc_key, a.author_key, u.accepted_at, u.bytes
          FROM collab_updates u
          JOIN collab_doc_keys d ON d.room_id = u.room_id AND d.doc = u.doc
          LEFT JOIN collab_authors a ON a.user_id = u.user_id
          ORDER BY u.id;
        DROP TABLE collab_updates;
        CREATE INDEX collab_log_by_doc ON collab_log (doc_key, id);
      `);
      // PostgreSQL's identity column does not see ids inserted explicitly: the next append continues after them.
      if (db.dialect === 'postgres') {
        await db.get(`SELECT setval(pg_get_serial_sequence('collab_log', 'id'), COALESCE(MAX(id), 0) + 1, false) FROM collab_log`);
      }
    },
  },
];
