import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from './paths.ts';

/** When a file was last modified (ms), or null when it does not exist. */
export function mtimeOf(path: string): number | null {
  return statSync(path, { throwIfNoEntry: false })?.mtimeMs ?? null;
}

/**
 * The newest modification time (ms) among `inputs` (paths relative to the repository; folders with everything
 * in them; missing ones skipped): what a build from them is compared with to know whether it is stale.
 */
export function newestMtime(inputs: readonly string[]): number {
  let newest = 0;
  const visit = (path: string): void => {
    const stat = statSync(path, { throwIfNoEntry: false });
    if (!stat) return;
    newest = Math.max(newest, stat.mtimeMs);
    if (stat.isDirectory()) for (const entry of readdirSync(path)) visit(join(path, entry));
  };
  for (const input of inputs) visit(join(REPO_ROOT, input));
  return newest;
}
