// Seeds the bundled problem bank (resources/problems/README.md; spec README "Problem bank"): every folder
// whose slug is not in the database yet is inserted, so a restart inserts nothing and problems an admin
// edited or deleted stay as they are. Reference solutions (`solutions/`) are never read.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import * as z from 'zod';
import { SUPPORTED_LANGUAGES, type SupportedLanguage } from '../../protocol/index.ts';
import { zProblemInput, type ProblemInput } from '../../protocol/api/problems.ts';
import type { ProblemFields, ProblemsRepository } from '../../storage/control/problems-repository.ts';
import type { Logger } from '../../server-options.ts';
import { toProblemFields } from './problem-routes.ts';

/** `createdBy` of bundled problems: no user created them. */
export const SYSTEM_AUTHOR_ID = '00000000-0000-0000-0000-000000000000';

const zBankProblem = z.object({
  slug: z.string(),
  title: z.string(),
  difficulty: z.string(),
  tags: z.array(z.string()),
  constraints: z.array(z.string()).optional(),
  examples: z.array(z.unknown()).optional(),
  timeLimitMs: z.number().optional(),
  memoryLimitKb: z.number().optional(),
});

/** Reads one problem folder into a ProblemInput (validated like an admin's POST), or throws. */
export function readBankProblem(dir: string): ProblemInput {
  const meta = zBankProblem.parse(JSON.parse(readFileSync(join(dir, 'problem.json'), 'utf8')));
  const starterCode: Partial<Record<SupportedLanguage, string>> = {};
  for (const file of readdirSync(join(dir, 'starter'))) {
    const lang = file.slice(0, file.length - extname(file).length);
    if ((SUPPORTED_LANGUAGES as readonly string[]).includes(lang)) starterCode[lang as SupportedLanguage] = readFileSync(join(dir, 'starter', file), 'utf8');
  }
  return zProblemInput.parse({
    ...meta,
    description: readFileSync(join(dir, 'statement.md'), 'utf8'),
    languages: SUPPORTED_LANGUAGES.filter((lang) => starterCode[lang] !== undefined),
    starterCode,
    testCases: JSON.parse(readFileSync(join(dir, 'tests.json'), 'utf8')) as unknown,
  });
}

/** Returns the number of problems inserted. A folder that is incomplete or invalid is skipped with a warning. */
export async function seedProblemBank(problemsDir: string, repo: ProblemsRepository, log: Logger): Promise<number> {
  let entries: string[];
  try {
    entries = readdirSync(problemsDir).sort();
  } catch {
    log.warn('problem bank folder not found', { problemsDir });
    return 0;
  }
  const existing = await repo.slugs();
  const fresh: { fields: ProblemFields; tests: ProblemInput['testCases'] }[] = [];
  for (const slug of entries) {
    const dir = join(problemsDir, slug);
    if (!statSync(dir).isDirectory() || existing.has(slug)) continue;
    try {
      const input = readBankProblem(dir);
      if (input.slug !== slug) throw new Error(`slug ${input.slug} differs from the folder name`);
      fresh.push({ fields: toProblemFields(input), tests: input.testCases });
    } catch (error) {
      log.warn('skipped a bundled problem', { slug, error: error instanceof Error ? error.message : String(error) });
    }
  }
  return repo.insertAll(fresh, SYSTEM_AUTHOR_ID, Date.now());
}
