// How the server CLIs (server/cli.ts, server/collab/cli.ts) start: as one bundled file with the server's process
// settings, in place of the process that was started. Run through Node's type stripping, every source module stays
// in memory as its stripped text and its compiled code: tens of MiB more than the bundle (docs/collab.md, Memory),
// which also starts faster. The bundle is built the way the desktop app's embedded server is
// (server/bundle-options.ts), on the first start and again whenever the server's sources or the installed packages
// are newer than it.
import { mkdirSync, renameSync, utimesSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { SERVER_BUNDLE_OPTIONS } from './bundle-options.ts';
import { REPO_ROOT } from './paths.ts';
import { serverMallocEnv } from './protocol/malloc-arenas.ts';
import { mtimeOf, newestMtime } from './source-mtimes.ts';

export interface CliProgram {
  /** The CLI proper, relative to the repository (`server/cli-main.ts`). */
  source: string;
  /**
   * Its bundle, relative to the repository and one folder below it (`dist/server-cli.mjs`), as the server's
   * modules resolve the repository's files from their own location one folder below it (server/paths.ts).
   */
  bundle: string;
}

/** What a bundle is built from: when any of it is newer than the bundle, the bundle is rebuilt. */
const BUNDLE_INPUTS = ['server', 'package.json', 'node_modules/.package-lock.json'];

/**
 * Replaces this process (process.execve: same pid, stdio, Node flags and arguments) with `program`'s bundle,
 * built first when it is missing or stale, run with the server's malloc arena limit
 * (server/protocol/malloc-arenas.ts). Returns, and the caller runs the CLI from its sources, where that cannot
 * be done: on a platform without execve (Windows), when the parent holds an IPC channel to this process (a
 * channel does not survive an exec), or when the bundle cannot be built (the reason goes to stderr).
 */
export async function launchCli(program: CliProgram): Promise<void> {
  if (!process.execve || process.channel) return;
  let bundle: string;
  try {
    bundle = await freshBundle(program);
  } catch (error) {
    process.stderr.write(`Running the server from its sources: its bundle could not be built (${(error as Error).message})\n`);
    return;
  }
  const env = serverMallocEnv(process.env, process.platform) ?? process.env;
  process.execve(process.execPath, [process.execPath, ...process.execArgv, bundle, ...process.argv.slice(2)], env);
}

async function freshBundle(program: CliProgram): Promise<string> {
  const out = join(REPO_ROOT, program.bundle);
  const built = mtimeOf(out);
  if (built !== null && built >= newestMtime(BUNDLE_INPUTS)) return out;
  const startedAt = new Date();
  const { build } = await import('esbuild');
  const result = await build({ ...SERVER_BUNDLE_OPTIONS, entryPoints: [join(REPO_ROOT, program.source)], outfile: out, write: false });
  mkdirSync(dirname(out), { recursive: true });
  // Each file is written beside its place and renamed into it, the bundle last: a process starting meanwhile
  // runs the previous bundle or this one, never part of one. The bundle is dated when the build started, so a
  // source saved during the build makes the next start rebuild.
  const files = [...result.outputFiles].sort((a, b) => Number(a.path === out) - Number(b.path === out));
  for (const file of files) {
    const staging = `${file.path}.${process.pid}`;
    writeFileSync(staging, file.contents);
    if (file.path === out) utimesSync(staging, startedAt, startedAt);
    renameSync(staging, file.path);
  }
  return out;
}
