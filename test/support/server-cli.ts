import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { REPO_ROOT } from '../../server/paths.ts';
import { runNodeToExit } from './node-script.ts';
import { pollUntil } from './poll.ts';

/**
 * Runs `node server/cli.ts ...args` with `env` added to the environment, for a start the server is expected
 * to refuse: resolves with its exit code and stderr. A server that starts instead is killed after
 * `timeoutMs`, and reported as code null with its stdout appended, so the test fails instead of hanging.
 */
export async function runServerCliToExit(args: string[], env: Record<string, string>, timeoutMs = 20_000): Promise<{ code: number | null; stderr: string }> {
  const { code, stdout, stderr } = await runNodeToExit(['server/cli.ts', '--port', '0', ...args], { env, timeoutMs });
  return { code, stderr: code === null ? `${stderr}\n${stdout}` : stderr };
}

export interface ServerCli {
  url: string;
  /** The process (its pid, whether it still runs). */
  child: ChildProcess;
  /** Everything the process wrote to stderr so far (its JSON log lines). */
  stderr(): string;
  /**
   * Sends `signal` (SIGTERM unless told) if it still runs, then resolves once the process is gone: with its exit
   * code, or the name of the signal that ended it.
   */
  stop(signal?: NodeJS.Signals): Promise<number | string>;
}

export type LogLine = Record<string, unknown>;

/** The process's stderr so far as JSON log lines (a line that is not JSON fails the test that reads it). */
export function logLines(cli: ServerCli): LogLine[] {
  return cli
    .stderr()
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as LogLine);
}

/**
 * Starts `node server/cli.ts --port 0 ...args` with `env` added and waits for its ready line. Always `await
 * stop()` (a process that failed to start is killed before this rejects).
 */
export async function startServerCli(args: string[], env: Record<string, string>, timeoutMs = 45_000): Promise<ServerCli> {
  const child = spawn(process.execPath, ['server/cli.ts', '--port', '0', ...args], {
    cwd: REPO_ROOT,
    env: { ...process.env, SYNCODE_WEB_BUILD: 'off', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  let stdout = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  const exited = once(child, 'exit').then(([code, signal]) => (code as number | null) ?? (signal as string));
  const stop = async (signal: NodeJS.Signals = 'SIGTERM'): Promise<number | string> => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    return exited;
  };
  try {
    const url = await pollUntil(() => /^SynCode server listening on (\S+)$/m.exec(stdout)?.[1], (u) => u !== undefined || child.exitCode !== null, {
      timeoutMs,
      intervalMs: 25,
      what: 'the ready line',
    });
    if (url === undefined) throw new Error(`the server exited with ${child.exitCode}: ${stderr}`);
    return { url, child, stderr: () => stderr, stop };
  } catch (error) {
    child.kill('SIGKILL');
    await exited;
    throw error;
  }
}
