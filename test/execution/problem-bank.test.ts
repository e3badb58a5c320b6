// The bundled problem bank must be correct: every reference solution (Python and JavaScript) is judged by the
// real sandbox against every test case of its problem and must be ACCEPTED.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_PROBLEMS_DIR } from '../../server/paths.ts';
import type { SupportedLanguage } from '../../server/protocol/index.ts';
import { startPlane, submissionRequest, submitToEnd, type PlaneFixture } from './plane-fixture.ts';

interface BankProblem {
  slug: string;
  timeLimitMs: number;
  memoryLimitKb: number;
  tests: { input: string; expectedOutput: string; hidden: boolean }[];
}

/**
 * This checks the bank's answers, not machine speed: the suite runs next to everything else on a 2-core CI box,
 * so the reference solutions get three times the problem's time limit.
 */
const TIME_SLACK = 3;

const SOLUTIONS: [SupportedLanguage, string][] = [
  ['python', 'python.py'],
  ['javascript', 'javascript.js'],
];

const problems = readdirSync(DEFAULT_PROBLEMS_DIR, { withFileTypes: true })
  .filter((e) => e.isDirectory() && existsSync(join(DEFAULT_PROBLEMS_DIR, e.name, 'tests.json')))
  .map((e): BankProblem => {
    const dir = join(DEFAULT_PROBLEMS_DIR, e.name);
    const meta = JSON.parse(readFileSync(join(dir, 'problem.json'), 'utf8')) as { timeLimitMs?: number; memoryLimitKb?: number };
    return {
      slug: e.name,
      timeLimitMs: meta.timeLimitMs ?? 2000,
      memoryLimitKb: meta.memoryLimitKb ?? 262144,
      tests: JSON.parse(readFileSync(join(dir, 'tests.json'), 'utf8')) as BankProblem['tests'],
    };
  });

let fx: PlaneFixture;
beforeAll(async () => {
  fx = await startPlane({ workers: availableParallelism() });
});
afterAll(() => fx.close());

describe.concurrent('problem bank reference solutions', () => {
  it('has problems', () => {
    expect(problems.length).toBeGreaterThan(0);
  });

  for (const problem of problems) {
    for (const [language, file] of SOLUTIONS) {
      const path = join(DEFAULT_PROBLEMS_DIR, problem.slug, 'solutions', file);
      it(`${problem.slug}: ${file} is ACCEPTED on all ${problem.tests.length} tests`, async () => {
        expect(existsSync(path), `${path} exists`).toBe(true);
        const result = await submitToEnd(
          fx.plane,
          submissionRequest(language, readFileSync(path, 'utf8'), problem.tests, {
            timeLimitMs: problem.timeLimitMs * TIME_SLACK,
            memoryLimitKb: problem.memoryLimitKb,
          }),
          300_000,
        );
        const failures = result.tests
          .filter((t) => t.verdict !== 'ACCEPTED')
          .map((t) => ({ index: t.index, verdict: t.verdict, timeMs: t.timeMs, stderr: t.stderr?.slice(0, 300), actual: t.actualOutput?.slice(0, 200), expected: t.expectedOutput?.slice(0, 200) }));
        expect(failures).toEqual([]);
        expect(result.verdict).toBe('ACCEPTED');
      }, 300_000);
    }
  }
});
