import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../../server/paths.ts';

/** Where tests save screenshots: test-results/screenshots/<name> (git-ignored, kept by CI as artifacts). */
export function screenshotPath(name: string): string {
  const dir = join(REPO_ROOT, 'test-results', 'screenshots');
  mkdirSync(dir, { recursive: true });
  return join(dir, name);
}
