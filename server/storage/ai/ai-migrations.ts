// Schema of area `ai`: AI jobs (messages, hints, reviews), the conversation messages and the training
// reports. The AI plane is opened before the control plane, so this area is migrated before `control` and
// `rooms`: room and user ids are plain columns, not foreign keys into their tables. Instants are INTEGER
// epoch milliseconds. Unfinished work records the node id of the process running it (`node_id`): what a
// dead process left unfinished is failed by a live one (server/node-liveness.ts).
import type { SqlMigration } from '../sql/index.ts';

export const AI_MIGRATIONS: readonly SqlMigration[] = [
  {
    version: 1,
    name: 'ai jobs, conversation messages, training reports',
    up: (db) =>
      db.exec(`
        CREATE TABLE ai_jobs (
          id TEXT PRIMARY KEY,
          room_id TEXT NOT NULL,
          user_id TEXT NOT NULL,
          kind TEXT NOT NULL,
          status TEXT NOT NULL,
          -- JSON: what the job was asked (hint level, review code and language).
          input TEXT NOT NULL,
          -- JSON of the job's result (HintResult, CodeReview); message jobs point at their reply instead.
          result TEXT,
          reply_message_id TEXT,
          error_code TEXT,
          error_message TEXT,
          created_at INTEGER NOT NULL,
          completed_at INTEGER
        );
        CREATE INDEX ai_jobs_room_kind ON ai_jobs (room_id, kind);
        CREATE INDEX ai_jobs_user_created ON ai_jobs (user_id, created_at);
        CREATE INDEX ai_jobs_status ON ai_jobs (status);
        CREATE TABLE ai_messages (
          seq INTEGER PRIMARY KEY AUTOINCREMENT,
          id TEXT NOT NULL UNIQUE,
          room_id TEXT NOT NULL,
          user_id TEXT NOT NULL,
          role TEXT NOT NULL,
          content TEXT NOT NULL,
          created_at INTEGER NOT NULL
        );
        CREATE INDEX ai_messages_conversation ON ai_messages (room_id, user_id, seq);
        CREATE TABLE training_reports (
          room_id TEXT NOT NULL,
          subject_user_id TEXT NOT NULL,
          status TEXT NOT NULL,
          -- JSON of the generated report (scores, summary, dimensions, strengths, improvements).
          report TEXT,
          -- JSON array of the weaknesses the model found in this session (tag, label, severity, evidence).
          weaknesses TEXT,
          error_message TEXT,
          created_at INTEGER NOT NULL,
          generated_at INTEGER,
          finished_at INTEGER NOT NULL,
          PRIMARY KEY (room_id, subject_user_id)
        );
        CREATE INDEX training_reports_subject ON training_reports (subject_user_id, finished_at);
      `),
  },
  {
    version: 2,
    name: 'the server process running each AI job and training report',
    // NULL: written before jobs recorded their process; such work is failed at the next start.
    up: (db) =>
      db.exec(`
        ALTER TABLE ai_jobs ADD COLUMN node_id TEXT;
        ALTER TABLE training_reports ADD COLUMN node_id TEXT;
      `),
  },
  {
    version: 3,
    name: 'the text so far of a reply being generated',
    // Saved every few hundred milliseconds while a clustered process streams a reply: a follower on another
    // process starts from it, then continues with the relayed tokens.
    up: (db) => db.exec(`ALTER TABLE ai_jobs ADD COLUMN reply_text TEXT`),
  },
  {
    version: 4,
    name: 'cancel requests of AI jobs running on another process',
    // Set by the process a cancel reached; the process running the job polls for it, should the request
    // relayed over Redis be lost.
    up: (db) => db.exec(`ALTER TABLE ai_jobs ADD COLUMN cancel_requested_at INTEGER`),
  },
];
