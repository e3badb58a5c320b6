// Storage of area `ai`: one entry point that migrates the schema and hands out the repositories.
import { migrate, type SqliteDatabase } from '../database.ts';
import { AI_MIGRATIONS } from './ai-migrations.ts';
import { AiJobRepository } from './ai-job-repository.ts';
import { AiMessageRepository } from './ai-message-repository.ts';
import { ReportRepository } from './report-repository.ts';

export interface AiStore {
  jobs: AiJobRepository;
  messages: AiMessageRepository;
  reports: ReportRepository;
  /** Runs `fn` in one SQLite transaction. */
  transaction<T>(fn: () => T): T;
}

export function openAiStore(db: SqliteDatabase): AiStore {
  migrate(db, 'ai', AI_MIGRATIONS);
  return {
    jobs: new AiJobRepository(db),
    messages: new AiMessageRepository(db),
    reports: new ReportRepository(db),
    transaction: (fn) => db.transaction(fn)(),
  };
}

export type * from './ai-records.ts';
