// Schema of the control plane's own tables (area `control`). Rooms, participants, sessions, feedback and
// snapshots are area `rooms` (server/storage/rooms/), migrated after this one because they reference users.
// Instants are INTEGER epoch milliseconds; JSON columns hold arrays/objects as text. Written in SQLite's SQL:
// SqlExecutor.exec translates the column types for PostgreSQL.
import type { SqlMigration } from '../sql/index.ts';

export const CONTROL_MIGRATIONS: readonly SqlMigration[] = [
  {
    version: 1,
    name: 'users, refresh token families, password resets, audit log',
    up: (db) =>
      db.exec(`
        CREATE TABLE users (
          id TEXT PRIMARY KEY,
          email TEXT NOT NULL UNIQUE,
          password_hash TEXT NOT NULL,
          display_name TEXT NOT NULL,
          avatar_url TEXT,
          bio TEXT,
          preferred_language TEXT,
          role TEXT NOT NULL,
          banned_at INTEGER,
          ban_reason TEXT,
          deleted_at INTEGER,
          last_login_at INTEGER,
          created_at INTEGER NOT NULL,
          updated_at INTEGER NOT NULL
        );
        CREATE INDEX users_created ON users (created_at, id);
        CREATE TABLE refresh_families (
          id TEXT PRIMARY KEY,
          user_id TEXT NOT NULL REFERENCES users (id),
          created_at INTEGER NOT NULL,
          revoked_at INTEGER,
          revoke_reason TEXT
        );
        CREATE INDEX refresh_families_user ON refresh_families (user_id);
        CREATE TABLE refresh_tokens (
          id TEXT PRIMARY KEY,
          family_id TEXT NOT NULL REFERENCES refresh_families (id),
          token_hash TEXT NOT NULL UNIQUE,
          created_at INTEGER NOT NULL,
          expires_at INTEGER NOT NULL,
          used_at INTEGER
        );
        CREATE TABLE password_resets (
          id TEXT PRIMARY KEY,
          user_id TEXT NOT NULL REFERENCES users (id),
          token_hash TEXT NOT NULL UNIQUE,
          created_at INTEGER NOT NULL,
          expires_at INTEGER NOT NULL,
          used_at INTEGER
        );
        CREATE TABLE audit_log (
          id TEXT PRIMARY KEY,
          at INTEGER NOT NULL,
          actor_id TEXT,
          actor_type TEXT NOT NULL,
          action TEXT NOT NULL,
          target_type TEXT,
          target_id TEXT,
          ip TEXT,
          details TEXT NOT NULL
        );
        CREATE INDEX audit_log_at ON audit_log (at, id);
        CREATE INDEX audit_log_target ON audit_log (target_id);
      `),
  },
  {
    version: 2,
    name: 'problems, test cases, tags, bookmarks, execution outcomes',
    up: (db) =>
      db.exec(`
        CREATE TABLE problems (
          id TEXT PRIMARY KEY,
          slug TEXT NOT NULL UNIQUE,
          title TEXT NOT NULL,
          difficulty TEXT NOT NULL,
          description TEXT NOT NULL,
          constraints TEXT NOT NULL,
          tags TEXT NOT NULL,
          languages TEXT NOT NULL,
          examples TEXT NOT NULL,
          starter_code TEXT NOT NULL,
          time_limit_ms INTEGER NOT NULL,
          memory_limit_kb INTEGER NOT NULL,
          created_by TEXT NOT NULL,
          created_at INTEGER NOT NULL,
          updated_at INTEGER NOT NULL,
          deleted_at INTEGER
        );
        CREATE INDEX problems_title ON problems (title COLLATE NOCASE, id);
        CREATE TABLE problem_tags (
          problem_id TEXT NOT NULL REFERENCES problems (id) ON DELETE CASCADE,
          tag TEXT NOT NULL,
          PRIMARY KEY (problem_id, tag)
        );
        CREATE INDEX problem_tags_tag ON problem_tags (tag);
        CREATE TABLE test_cases (
          id TEXT PRIMARY KEY,
          problem_id TEXT NOT NULL REFERENCES problems (id) ON DELETE CASCADE,
          position INTEGER NOT NULL,
          input TEXT NOT NULL,
          expected_output TEXT NOT NULL,
          hidden INTEGER NOT NULL
        );
        CREATE INDEX test_cases_problem ON test_cases (problem_id, position);
        CREATE TABLE bookmarks (
          user_id TEXT NOT NULL REFERENCES users (id),
          problem_id TEXT NOT NULL REFERENCES problems (id),
          created_at INTEGER NOT NULL,
          PRIMARY KEY (user_id, problem_id)
        );
        CREATE INDEX bookmarks_user_created ON bookmarks (user_id, created_at, problem_id);
        -- One row per finished run or submission, recorded from ExecutionPlane.onDidFinish: the source of
        -- acceptanceRate, solved, training stats and the admin dashboard's execution counts.
        CREATE TABLE execution_outcomes (
          id TEXT PRIMARY KEY,
          kind TEXT NOT NULL,
          room_id TEXT NOT NULL,
          user_id TEXT NOT NULL,
          problem_id TEXT,
          status TEXT NOT NULL,
          verdict TEXT,
          created_at INTEGER NOT NULL,
          completed_at INTEGER NOT NULL
        );
        CREATE INDEX execution_outcomes_problem ON execution_outcomes (problem_id, user_id);
        CREATE INDEX execution_outcomes_user ON execution_outcomes (user_id, completed_at);
      `),
  },
  {
    version: 3,
    name: 'problems ordered by LOWER(title), the case-insensitive order both SQLite and PostgreSQL can index',
    up: (db) =>
      db.exec(`
        DROP INDEX problems_title;
        CREATE INDEX problems_title_lower ON problems (LOWER(title), id);
      `),
  },
];
