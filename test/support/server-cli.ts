import { spawn } from 'node:child_process';
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
