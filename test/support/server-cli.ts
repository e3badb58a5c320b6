import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { REPO_ROOT } from '../../server/paths.ts';

/**
 * Runs `node server/cli.ts ...args` with `env` added to the environment, for a start the server is expected
 * to refuse: resolves with its exit code and stderr. A server that starts instead is killed after
 * `timeoutMs`, and reported as code null with its stdout appended, so the test fails instead of hanging.
 */
export async function runServerCliToExit(args: string[], env: Record<string, string>, timeoutMs = 20_000): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, ['server/cli.ts', '--port', '0', ...args], {
    cwd: REPO_ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  let stdout = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  try {
    const [code] = (await once(child, 'exit')) as [number | null];
    return { code, stderr: code === null ? `${stderr}\n${stdout}` : stderr };
  } finally {
    clearTimeout(timer);
  }
}

export interface ServerProcess {
  child: ChildProcess;
  /** `http://127.0.0.1:PORT` from the ready line. */
  url: string;
  /** Resolves with the exit code, or the signal's name. */
  exited: Promise<number | string>;
  /** What the process wrote to stderr so far (its JSON log lines). */
  stderr(): string;
}

/**
 * Runs `node server/cli.ts --port 0 ...args` with `env` added to the environment (the web client build off) and
 * resolves once it printed its ready line. Kill it (`child.kill`) and await `exited` in the test's cleanup.
 */
export async function spawnServerCli(args: string[], env: Record<string, string>, timeoutMs = 60_000): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['server/cli.ts', '--port', '0', ...args], {
    cwd: REPO_ROOT,
    env: { ...process.env, SYNCODE_WEB_BUILD: 'off', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | string>((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal ?? -1)));
  let stderr = '';
  let stdout = '';
  child.stderr!.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-200_000)));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`server did not start within ${timeoutMs} ms: ${stderr}`));
    }, timeoutMs);
    child.stdout!.on('data', (d: Buffer) => {
      stdout += d.toString();
      const m = /^SynCode server listening on (http:\/\/\S+)$/m.exec(stdout);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code} before it was ready: ${stderr}`));
    });
  });
  return { child, url, exited, stderr: () => stderr };
}
