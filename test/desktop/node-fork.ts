// child_process.fork standing in for Electron's utilityProcess.fork (same message semantics with
// `serialization: 'advanced'`), so the supervisor runs against real child processes without Electron.
import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { EmbeddedChild, ForkEmbedded } from '../../main/server-supervisor.ts';
import { REPO_ROOT } from '../../server/paths.ts';

export const EMBEDDED_ENTRY = join(REPO_ROOT, 'server/embedded/embedded-entry.ts');
export const fixtureEntry = (name: string): string => join(import.meta.dirname, 'fixtures', name);

export interface NodeForkRecorder {
  fork: ForkEmbedded;
  /** Every child forked so far, in order. */
  children: ChildProcess[];
  /** Kills whatever is still running (test cleanup). */
  killAll(): void;
}

export function nodeFork(): NodeForkRecorder {
  const children: ChildProcess[] = [];
  return {
    children,
    fork(entryPath): EmbeddedChild {
      const cp = fork(entryPath, [], { serialization: 'advanced', stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
      let stderr = '';
      cp.stderr!.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-4000)));
      cp.once('exit', (code) => {
        if (code !== 0 && code !== null && process.env.SYNCODE_TEST_VERBOSE) process.stderr.write(stderr);
      });
      children.push(cp);
      return {
        postMessage: (m) => void (cp.connected && cp.send(m)),
        onMessage: (l) => void cp.on('message', l),
        onExit: (l) => void cp.on('exit', (code) => l(code)),
        kill: () => void cp.kill('SIGKILL'),
      };
    },
    killAll() {
      for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
    },
  };
}
