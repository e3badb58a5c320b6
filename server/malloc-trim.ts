// glibc's malloc_trim(0) for the idle memory release (server/idle-memory.ts), through a small N-API helper that
// scripts/build-native.ts builds from server/native/malloc-trim.c on `npm install`. Absent where it was not built
// (not Linux, no C compiler, an app packaged without it): the release then gives back V8's heap only.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from './paths.ts';
import type { Logger } from './server-options.ts';

export const MALLOC_TRIM_SOURCE = join(REPO_ROOT, 'server/native/malloc-trim.c');
export const MALLOC_TRIM_ADDON = join(REPO_ROOT, 'dist/native/malloc-trim.node');

/** Returns malloc's free pages to the system; true when there were some. */
export type MallocTrim = () => boolean;

export function loadMallocTrim(log: Logger): MallocTrim | null {
  if (process.platform !== 'linux' || !existsSync(MALLOC_TRIM_ADDON)) return null;
  const module = { exports: {} as { trim?: unknown } };
  try {
    process.dlopen(module, MALLOC_TRIM_ADDON);
  } catch (error) {
    log.warn('malloc-trim helper could not be loaded; memory freed by bursts stays with the process', { error: String(error) });
    return null;
  }
  const trim = module.exports.trim;
  return typeof trim === 'function' ? (trim as MallocTrim) : null;
}
