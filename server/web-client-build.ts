// `npm run server` on a fresh clone: the web client is built on first start (and again when its sources
// are newer than the build), so a candidate with only a browser can join without a separate build step.
// Building at start rather than on install keeps `npm ci` (CI, every install) fast and a failed build from
// failing the install. Only a source checkout with Vite installed can build; anywhere else nothing changes.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import type { WebClientState } from './http/static-files.ts';
import { REPO_ROOT } from './paths.ts';
import { mtimeOf, newestMtime } from './source-mtimes.ts';

/** What the renderer build reads: when any of it is newer than the built index.html, the build is stale. */
const WEB_SOURCES = ['renderer', 'server/protocol', 'preload', 'vite.config.ts', 'package.json'];
const STAGING_SUFFIX = '.building-';

export interface WebClientBuild {
  state(): WebClientState;
  /** Settles when the build ended (either way); stop() kills a build still running. */
  done: Promise<void>;
  stop(): void;
}

/**
 * Starts building the web client into `webRoot` when it is missing or stale and this is a source checkout
 * with Vite; returns null when there is nothing to do. Progress goes to `say` (one line each).
 */
export function buildWebClientIfNeeded(webRoot: string, say: (line: string) => void): WebClientBuild | null {
  const vite = viteEntry();
  if (!vite) return null;
  const built = mtimeOf(join(webRoot, 'index.html'));
  if (built !== null && built >= newestMtime(WEB_SOURCES)) return null;
  say(
    built === null
      ? 'Building the web client (first start, ~30 s)… the page at / says so until it is ready.'
      : 'Rebuilding the web client (its sources changed since the last build, ~30 s)…',
  );
  // Built next to the target and swapped in at the end, so a half-written build is never served.
  removeAbandonedStaging(webRoot);
  const staging = `${webRoot}${STAGING_SUFFIX}${process.pid}`;
  const started = Date.now();
  let state: WebClientState = 'building';
  const child = spawn(process.execPath, [vite, 'build', '--outDir', staging, '--emptyOutDir', '--logLevel', 'warn'], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
  const done = new Promise<void>((resolve) => {
    child.once('error', (error) => finish(false, error.message));
    child.once('exit', (code, signal) => finish(code === 0, signal ? `stopped by ${signal}` : stderr.trim()));
    function finish(ok: boolean, detail: string): void {
      if (state !== 'building') return;
      try {
        if (!ok) throw new Error(detail || 'vite build failed');
        rmSync(webRoot, { recursive: true, force: true });
        renameSync(staging, webRoot);
        state = 'ready';
        say(`Web client built in ${Math.round((Date.now() - started) / 1000)} s.`);
      } catch (error) {
        rmSync(staging, { recursive: true, force: true });
        state = 'failed';
        say(`The web client could not be built (run \`npm run build:renderer\` to see why): ${(error as Error).message}`);
      }
      resolve();
    }
  });
  return {
    state: () => state,
    done,
    stop: () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGKILL');
      rmSync(staging, { recursive: true, force: true });
    },
  };
}

/** Staging directories left by a server that was killed while building (its pid is gone). */
function removeAbandonedStaging(webRoot: string): void {
  const parent = dirname(webRoot);
  const prefix = `${basename(webRoot)}${STAGING_SUFFIX}`;
  if (!existsSync(parent)) return;
  for (const entry of readdirSync(parent).filter((e) => e.startsWith(prefix))) {
    if (!isAlive(Number(entry.slice(prefix.length)))) rmSync(join(parent, entry), { recursive: true, force: true });
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function viteEntry(): string | null {
  if (!existsSync(join(REPO_ROOT, 'vite.config.ts'))) return null;
  try {
    return join(dirname(createRequire(join(REPO_ROOT, 'package.json')).resolve('vite/package.json')), 'bin', 'vite.js');
  } catch {
    return null; // installed without dev dependencies
  }
}

