import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { REPO_ROOT } from '../../server/paths.ts';

export interface NodeRun {
  /** The exit code; null when it was killed for running past `timeoutMs`. */
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface NodeRunOptions {
  /** Added to this process's environment. */
  env?: Record<string, string>;
  timeoutMs?: number;
}

/**
 * Runs `node ...args` from the repository root and resolves once it has exited, with what it wrote. One still
 * running after `timeoutMs` is killed, so a test fails instead of hanging or leaving it behind.
 */
export async function runNodeToExit(args: string[], { env = {}, timeoutMs = 20_000 }: NodeRunOptions = {}): Promise<NodeRun> {
  const child = spawn(process.execPath, args, { cwd: REPO_ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  try {
    const [code] = (await once(child, 'exit')) as [number | null];
    return { code, stdout, stderr };
  } finally {
    clearTimeout(timer);
  }
}

/** Runs `script` as an ES module in its own Node process (`node ...nodeArgs --input-type=module -e script`). */
export function runNodeScript(script: string, { nodeArgs = [], ...options }: NodeRunOptions & { nodeArgs?: string[] } = {}): Promise<NodeRun> {
  return runNodeToExit([...nodeArgs, '--input-type=module', '-e', script], options);
}
