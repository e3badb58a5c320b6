// Runs the vitest suite twice — everything on SQLite, then the suites that touch storage again on a throwaway
// PostgreSQL cluster (SYNCODE_TEST_DATABASE=postgres, test/support/test-database.ts) — and ends with one plain
// line `N passed, N failed, N skipped` over both runs (CI reads that line). With arguments (files, filters)
// only the SQLite run happens, with those arguments; `--postgres` first runs only the PostgreSQL pass.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../server/paths.ts';

/** The suites whose tests read or write the database: the same tests, on PostgreSQL. */
const POSTGRES_SUITES = ['test/storage', 'test/control', 'test/collab', 'test/ai', 'test/execution/execution-store.test.ts', 'test/execution/restart-recovery.test.ts'];

interface Tally {
  passed: number;
  failed: number;
  skipped: number;
}

const outDir = join(REPO_ROOT, 'test-results');
mkdirSync(outDir, { recursive: true });
const vitest = join(REPO_ROOT, 'node_modules', 'vitest', 'vitest.mjs');

function runPass(name: string, args: string[], env: NodeJS.ProcessEnv): Tally {
  const report = join(outDir, `vitest-${name}.json`);
  rmSync(report, { force: true });
  process.stdout.write(`\n=== ${name} ===\n`);
  const result = spawnSync(process.execPath, [vitest, 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...args], {
    cwd: REPO_ROOT,
    stdio: 'inherit',
    env,
  });
  const tally: Tally = { passed: 0, failed: 0, skipped: 0 };
  try {
    const json = JSON.parse(readFileSync(report, 'utf8')) as {
      numPassedTests: number;
      numFailedTests: number;
      numPendingTests: number;
      numTodoTests: number;
      testResults: { status: string; assertionResults: unknown[] }[];
    };
    tally.passed = json.numPassedTests;
    // A file that fails to load has no failed tests of its own; count it so it cannot pass silently.
    const brokenFiles = json.testResults.filter((f) => f.status === 'failed' && f.assertionResults.length === 0).length;
    tally.failed = json.numFailedTests + brokenFiles;
    tally.skipped = json.numPendingTests + json.numTodoTests;
  } catch {
    tally.failed = 1;
  }
  if (result.status !== 0 && tally.failed === 0) tally.failed = 1;
  if (tally.passed === 0) tally.failed = Math.max(tally.failed, 1);
  process.stdout.write(`${name}: ${tally.passed} passed, ${tally.failed} failed, ${tally.skipped} skipped\n`);
  return tally;
}

const args = process.argv.slice(2);
const postgresOnly = args[0] === '--postgres';
const tallies: Tally[] = [];
if (!postgresOnly) tallies.push(runPass('sqlite', args, { ...process.env, SYNCODE_TEST_DATABASE: 'sqlite' }));
if (postgresOnly || args.length === 0) {
  tallies.push(runPass('postgres', postgresOnly && args.length > 1 ? args.slice(1) : POSTGRES_SUITES, { ...process.env, SYNCODE_TEST_DATABASE: 'postgres' }));
}
const total = tallies.reduce((sum, t) => ({ passed: sum.passed + t.passed, failed: sum.failed + t.failed, skipped: sum.skipped + t.skipped }));
process.stdout.write(`\n${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped\n`);
process.exit(total.failed === 0 ? 0 : 1);
