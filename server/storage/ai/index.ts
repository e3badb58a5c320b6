// Storage of area `ai`: one entry point that migrates the schema and hands out the repositories.
import { migrateSql, type SqlDatabase } from '../sql/index.ts';
import { AI_MIGRATIONS } from './ai-migrations.ts';
import { AiJobRepository } from './ai-job-repository.ts';
import { AiMessageRepository } from './ai-message-repository.ts';
import { ReportRepository } from './report-repository.ts';

export interface AiStore {
  jobs: AiJobRepository;
  messages: AiMessageRepository;
  reports: ReportRepository;
  /** Runs `fn` in one transaction: the repositories' queries made while it runs join it. */
  transaction<T>(fn: () => Promise<T>): Promise<T>;
}

export async function openAiStore(db: SqlDatabase): Promise<AiStore> {
  await migrateSql(db, 'ai', AI_MIGRATIONS);
  return {
    jobs: new AiJobRepository(db),
    messages: new AiMessageRepository(db),
    reports: new ReportRepository(db),
    transaction: (fn) => db.transaction(fn),
  };
}

export type * from './ai-records.ts';
