import type { Migration } from '../database.ts';

/**
 * Schema of collab.sqlite (area `collab`). The update log is append-only and per update (author and
 * accepted time: keystroke-level replay); checkpoints only speed up loading (latest checkpoint + the
 * log rows after it).
 */
export const COLLAB_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'collab documents, update log, checkpoints, enforcement state',
    up: (db) => {
      db.exec(`
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
    up: (db) => {
      // A clientID belongs to the user whose message first brought a struct of it to the document (accepted or
      // rejected); server-origin writes are owned by SERVER_CLIENT_OWNER. A rejection bans only clientIDs its
      // sender owns.
      db.exec(`
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
];
