import type { SqlMigration } from '../sql/index.ts';
import { testDataHash } from './test-data-hash.ts';

/** A per-test row as migration 1 stored it (texts inline). */
interface OldTestRow {
  submission_id: string;
  idx: number;
  test_case_id: string;
  hidden: number;
  input: string;
  expected_output: string;
  verdict: string | null;
  time_ms: number | null;
  memory_kb: number | null;
  actual_output: string | null;
  stderr: string | null;
}

/**
 * Execution jobs. `seq` gives the stable newest-first order of the list endpoints and the cursor. Test texts are
 * copied into the store when a submission is queued (once per distinct content, migration 2), so a queued
 * submission can run after a restart even if the problem changed meanwhile. No foreign keys to rooms/users: those
 * tables belong to other areas.
 */
export const EXECUTION_MIGRATIONS: readonly SqlMigration[] = [
  {
    version: 1,
    name: 'runs, submissions and per-test results',
    async up(db) {
      await db.exec(`
        CREATE TABLE exec_runs (
          seq INTEGER PRIMARY KEY AUTOINCREMENT,
          id TEXT NOT NULL UNIQUE,
          room_id TEXT NOT NULL,
          user_id TEXT NOT NULL,
          language TEXT NOT NULL,
          code TEXT NOT NULL,
          stdin TEXT NOT NULL,
          time_limit_ms INTEGER NOT NULL,
          memory_limit_kb INTEGER NOT NULL,
          status TEXT NOT NULL,
          result_json TEXT,
          error_code TEXT,
          error_message TEXT,
          created_at TEXT NOT NULL,
          completed_at TEXT
        );
        CREATE INDEX exec_runs_room ON exec_runs (room_id, seq);
        CREATE INDEX exec_runs_status ON exec_runs (status);

        CREATE TABLE exec_submissions (
          seq INTEGER PRIMARY KEY AUTOINCREMENT,
          id TEXT NOT NULL UNIQUE,
          room_id TEXT NOT NULL,
          user_id TEXT NOT NULL,
          problem_id TEXT NOT NULL,
          language TEXT NOT NULL,
          snapshot_id TEXT NOT NULL,
          code TEXT NOT NULL,
          time_limit_ms INTEGER NOT NULL,
          memory_limit_kb INTEGER NOT NULL,
          status TEXT NOT NULL,
          verdict TEXT,
          passed INTEGER NOT NULL DEFAULT 0,
          total INTEGER NOT NULL,
          compile_output TEXT,
          max_time_ms INTEGER,
          max_memory_kb INTEGER,
          error_code TEXT,
          error_message TEXT,
          created_at TEXT NOT NULL,
          completed_at TEXT
        );
        CREATE INDEX exec_submissions_room ON exec_submissions (room_id, seq);
        CREATE INDEX exec_submissions_status ON exec_submissions (status);

        CREATE TABLE exec_submission_tests (
          submission_id TEXT NOT NULL REFERENCES exec_submissions (id) ON DELETE CASCADE,
          idx INTEGER NOT NULL,
          test_case_id TEXT NOT NULL,
          hidden INTEGER NOT NULL,
          input TEXT NOT NULL,
          expected_output TEXT NOT NULL,
          verdict TEXT,
          time_ms INTEGER,
          memory_kb INTEGER,
          actual_output TEXT,
          stderr TEXT,
          PRIMARY KEY (submission_id, idx)
        );
      `);
    },
  },
  {
    version: 2,
    name: 'test texts stored once per distinct content',
    // Every submission of a problem judges the same tests (up to 200 × 1 MiB each): keep one copy of each text.
    async up(db) {
      await db.exec(`
        CREATE TABLE exec_test_data (
          hash TEXT PRIMARY KEY,
          input TEXT NOT NULL,
          expected_output TEXT NOT NULL
        );
        CREATE TABLE exec_submission_tests_v2 (
          submission_id TEXT NOT NULL REFERENCES exec_submissions (id) ON DELETE CASCADE,
          idx INTEGER NOT NULL,
          test_case_id TEXT NOT NULL,
          hidden INTEGER NOT NULL,
          test_hash TEXT NOT NULL REFERENCES exec_test_data (hash),
          verdict TEXT,
          time_ms INTEGER,
          memory_kb INTEGER,
          actual_output TEXT,
          stderr TEXT,
          PRIMARY KEY (submission_id, idx)
        );
      `);
      const old = await db.all<OldTestRow>('SELECT * FROM exec_submission_tests');
      for (const row of old) {
        const hash = testDataHash(row.input, row.expected_output);
        await db.run('INSERT INTO exec_test_data (hash, input, expected_output) VALUES (?, ?, ?) ON CONFLICT DO NOTHING', [
          hash,
          row.input,
          row.expected_output,
        ]);
        await db.run(
          `INSERT INTO exec_submission_tests_v2
            (submission_id, idx, test_case_id, hidden, test_hash, verdict, time_ms, memory_kb, actual_output, stderr)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          [row.submission_id, row.idx, row.test_case_id, row.hidden, hash, row.verdict, row.time_ms, row.memory_kb, row.actual_output, row.stderr],
        );
      }
      await db.exec('DROP TABLE exec_submission_tests; ALTER TABLE exec_submission_tests_v2 RENAME TO exec_submission_tests;');
    },
  },
  {
    version: 3,
    name: 'start time of each job',
    // The admin dashboard's average queue time (created → started). Jobs started before this migration keep NULL
    // and are left out of the average.
    async up(db) {
      await db.exec(`
        ALTER TABLE exec_runs ADD COLUMN started_at TEXT;
        ALTER TABLE exec_submissions ADD COLUMN started_at TEXT;
        CREATE INDEX exec_runs_started ON exec_runs (started_at);
        CREATE INDEX exec_submissions_started ON exec_submissions (started_at);
      `);
    },
  },
  {
    version: 4,
    name: 'static-analysis jobs',
    // Like runs: the request (queued jobs run after a restart) and the result as JSON. No list endpoint, so no room index.
    async up(db) {
      await db.exec(`
        CREATE TABLE exec_analyses (
          seq INTEGER PRIMARY KEY AUTOINCREMENT,
          id TEXT NOT NULL UNIQUE,
          room_id TEXT NOT NULL,
          user_id TEXT NOT NULL,
          language TEXT NOT NULL,
          code TEXT NOT NULL,
          estimate_complexity INTEGER NOT NULL,
          problem_statement TEXT,
          status TEXT NOT NULL,
          result_json TEXT,
          error_code TEXT,
          error_message TEXT,
          created_at TEXT NOT NULL,
          started_at TEXT,
          completed_at TEXT
        );
        CREATE INDEX exec_analyses_status ON exec_analyses (status);
      `);
    },
  },
  {
    version: 5,
    name: 'the server process holding each job',
    // Several processes share one database (server/node-liveness.ts): a queued job is in the memory queue of the
    // process that accepted (or took over) it, a running one executes there. What a dead process held is failed
    // or taken over by a live one. Jobs from before this migration keep NULL: only a process's start takes them.
    async up(db) {
      await db.exec(`
        ALTER TABLE exec_runs ADD COLUMN node_id TEXT;
        ALTER TABLE exec_submissions ADD COLUMN node_id TEXT;
        ALTER TABLE exec_analyses ADD COLUMN node_id TEXT;
      `);
    },
  },
];
