// Schema of area `rooms`: rooms, participants, role swaps, code snapshots, final whiteboard states,
// session events, peer feedback and per-user session deletions. Migrated after area `control` because
// participants, feedback and deletions reference users. Instants are INTEGER epoch milliseconds.
import type { SqlMigration } from '../sql/index.ts';

export const ROOM_MIGRATIONS: readonly SqlMigration[] = [
  {
    version: 1,
    name: 'rooms, participants, role swaps, snapshots, whiteboards, session events, feedback, deletions',
    up: (db) =>
      db.exec(`
        CREATE TABLE rooms (
          id TEXT PRIMARY KEY,
          code TEXT NOT NULL UNIQUE,
          name TEXT NOT NULL,
          mode TEXT NOT NULL,
          status TEXT NOT NULL,
          host_id TEXT NOT NULL REFERENCES users (id),
          owner_id TEXT NOT NULL REFERENCES users (id),
          problem_id TEXT,
          language TEXT NOT NULL,
          config TEXT NOT NULL,
          editor_locked INTEGER NOT NULL,
          lock_reason TEXT,
          -- The current phase's timer (null columns: untimed, waiting or finished). elapsed_ms is the
          -- time run before resumed_at; resumed_at is set while running, paused_at while paused.
          timer_duration_ms INTEGER,
          timer_elapsed_ms INTEGER,
          timer_started_at INTEGER,
          timer_resumed_at INTEGER,
          timer_paused_at INTEGER,
          created_at INTEGER NOT NULL,
          updated_at INTEGER NOT NULL,
          started_at INTEGER,
          finished_at INTEGER
        );
        CREATE INDEX rooms_status ON rooms (status, created_at);
        CREATE INDEX rooms_created ON rooms (created_at, id);
        CREATE TABLE participants (
          room_id TEXT NOT NULL REFERENCES rooms (id),
          user_id TEXT NOT NULL REFERENCES users (id),
          role TEXT NOT NULL,
          state TEXT NOT NULL,
          color TEXT NOT NULL,
          muted INTEGER NOT NULL DEFAULT 0,
          recording_consent INTEGER,
          join_seq INTEGER NOT NULL,
          joined_at INTEGER NOT NULL,
          last_joined_at INTEGER NOT NULL,
          left_at INTEGER,
          PRIMARY KEY (room_id, user_id)
        );
        CREATE INDEX participants_user ON participants (user_id, state);
        CREATE TABLE role_swaps (
          id TEXT PRIMARY KEY,
          room_id TEXT NOT NULL REFERENCES rooms (id),
          requested_by TEXT NOT NULL,
          counterpart_id TEXT NOT NULL,
          status TEXT NOT NULL,
          created_at INTEGER NOT NULL,
          expires_at INTEGER NOT NULL,
          resolved_at INTEGER
        );
        CREATE INDEX role_swaps_room ON role_swaps (room_id, status);
        CREATE TABLE code_snapshots (
          id TEXT PRIMARY KEY,
          room_id TEXT NOT NULL REFERENCES rooms (id),
          taken_at INTEGER NOT NULL,
          trigger TEXT NOT NULL,
          bytes BLOB NOT NULL
        );
        CREATE INDEX code_snapshots_room ON code_snapshots (room_id, taken_at, id);
        CREATE TABLE whiteboard_states (
          room_id TEXT PRIMARY KEY REFERENCES rooms (id),
          snapshot_id TEXT NOT NULL,
          taken_at INTEGER NOT NULL,
          bytes BLOB NOT NULL
        );
        CREATE TABLE session_events (
          seq INTEGER PRIMARY KEY AUTOINCREMENT,
          id TEXT NOT NULL UNIQUE,
          room_id TEXT NOT NULL REFERENCES rooms (id),
          at INTEGER NOT NULL,
          type TEXT NOT NULL,
          actor_id TEXT,
          data TEXT NOT NULL,
          -- Set for events delivered at least once (user-disconnected): a repeat is ignored.
          dedupe_key TEXT UNIQUE
        );
        CREATE INDEX session_events_room ON session_events (room_id, at, seq);
        CREATE TABLE feedback (
          id TEXT PRIMARY KEY,
          room_id TEXT NOT NULL REFERENCES rooms (id),
          author_id TEXT NOT NULL REFERENCES users (id),
          target_user_id TEXT NOT NULL REFERENCES users (id),
          ratings TEXT NOT NULL,
          comment TEXT,
          created_at INTEGER NOT NULL,
          UNIQUE (room_id, author_id, target_user_id)
        );
        CREATE INDEX feedback_room ON feedback (room_id, created_at);
        CREATE TABLE session_deletions (
          room_id TEXT NOT NULL REFERENCES rooms (id),
          user_id TEXT NOT NULL REFERENCES users (id),
          deleted_at INTEGER NOT NULL,
          PRIMARY KEY (room_id, user_id)
        );
      `),
  },
  {
    version: 2,
    name: 'feedback recommendation (the interviewer scorecard)',
    up: (db) => db.exec(`ALTER TABLE feedback ADD COLUMN recommendation TEXT`),
  },
];
