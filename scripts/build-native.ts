// Builds the server's one native helper, dist/native/malloc-trim.node from server/native/malloc-trim.c, with the
// system's C compiler (`cc`, or $CC) against the running Node's N-API headers. Runs on `npm install`
// (postinstall). Optional: where it cannot be built (not Linux, no compiler, no headers) it says why and exits 0,
// and the servers run without it (server/malloc-trim.ts).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { MALLOC_TRIM_ADDON, MALLOC_TRIM_SOURCE } from '../server/malloc-trim.ts';
import { REPO_ROOT } from '../server/paths.ts';

/** Builds the helper; returns why it was not built, or null. */
function buildMallocTrim(): string | null {
  if (process.platform !== 'linux') return 'malloc_trim is glibc’s, on Linux only';
  const headerDirs = [join(dirname(process.execPath), '..', 'include', 'node'), '/usr/include/node'];
  const headers = headerDirs.find((dir) => existsSync(join(dir, 'node_api.h')));
  if (!headers) return `no Node headers (node_api.h) in ${headerDirs.join(' or ')}`;
  const compiler = process.env.CC ?? 'cc';
  mkdirSync(dirname(MALLOC_TRIM_ADDON), { recursive: true });
  // Written beside its place and renamed in: a running server never loads a half-written file.
  const staged = `${MALLOC_TRIM_ADDON}.${process.pid}.tmp`;
  const result = spawnSync(compiler, ['-O2', '-shared', '-fPIC', '-Wall', '-Werror', `-I${headers}`, '-o', staged, MALLOC_TRIM_SOURCE], { encoding: 'utf8' });
  if (result.error || result.status !== 0) {
    rmSync(staged, { force: true });
    return result.error ? `${compiler} could not run (${result.error.message})` : `${compiler} failed: ${result.stderr.trim()}`;
  }
  renameSync(staged, MALLOC_TRIM_ADDON);
  return null;
}

const notBuilt = buildMallocTrim();
process.stdout.write(
  notBuilt
    ? `malloc-trim helper not built: ${notBuilt}. Servers run without it: memory a burst freed stays with the process.\n`
    : `built ${relative(REPO_ROOT, MALLOC_TRIM_ADDON)}\n`,
);
