import { afterAll, describe, expect, it } from 'vitest';
import { cpSync } from 'node:fs';
import { createRequire, Module } from 'node:module';
import { join } from 'node:path';
import { REPO_ROOT } from '../../server/paths.ts';
import { makeTempDir } from '../support/temp-dir.ts';

interface Issue {
  id: string;
  file: string;
  location: { line: number; column: number };
  severity: { name: string; value: number };
  confidence: { name: string };
  sample?: string;
}
type Run = (options: Record<string, unknown>) => Promise<{ issues: Issue[]; errors: unknown[]; atomicChecks: number }>;

const RUNNER = join(REPO_ROOT, 'node_modules/@doyensec/electronegativity/dist/runner.js');

/**
 * The runner, with its one network call (it downloads fresh translations from GitHub on every run, and
 * its HTTP client crashes the process when that times out offline) answered by a stub that reports
 * "offline": the bundled English texts are used instead. Only that external fetch is faked.
 */
function loadRunner(): Run {
  const require = createRequire(RUNNER);
  const gotPath = createRequire(require.resolve('./locales/i18n.js')).resolve('got');
  const stub = new Module(gotPath);
  stub.exports = () => Promise.reject(new Error('offline'));
  stub.loaded = true;
  (Module as unknown as { _cache: Record<string, Module> })._cache[gotPath] = stub;
  return require(RUNNER) as Run;
}

describe('electronegativity over the desktop app (main, preload, renderer)', () => {
  const dir = makeTempDir('syncode-eneg-');
  afterAll(() => dir.remove());

  it('finds nothing above low severity', async () => {
    // The app's own code only: what Electron loads (main bundle sources, preload, renderer, package.json).
    for (const part of ['main', 'preload', 'renderer/src', 'renderer/index.html', 'package.json']) {
      cpSync(join(REPO_ROOT, part), join(dir.path, part), { recursive: true });
    }
    const log = console.log;
    console.log = () => {}; // the runner prints its translation fallback notice
    let result: Awaited<ReturnType<Run>>;
    try {
      result = await loadRunner()({ input: dir.path, isRelative: true, severitySet: 'informational', confidenceSet: 'tentative', parserPlugins: [] });
    } finally {
      console.log = log;
    }
    expect(result.atomicChecks).toBeGreaterThan(20); // the checks really ran
    const serious = result.issues
      .filter((i) => i.severity.value > 1) // 1 = LOW
      .map((i) => `${i.id} ${i.severity.name} ${i.file}:${i.location.line} ${i.sample ?? ''}`);
    expect(serious).toEqual([]);
  }, 60_000);
});
