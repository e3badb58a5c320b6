// Whether bubblewrap can build the sandbox on this machine. It is asked with the same namespace flags every
// execution uses, so the server never claims isolation it cannot deliver; when it cannot, the answer says why
// (bubblewrap's own message), for the operator to read in the log and in GET /v1/health.

import { spawn } from 'node:child_process';
import { NAMESPACE_ARGS } from './bwrap-args.ts';

/** Resolves to null when isolation works, else to the reason it does not. */
export function probeIsolation(bwrapPath: string): Promise<string | null> {
  if (process.platform !== 'linux') return Promise.resolve(`namespace isolation (bubblewrap) exists only on Linux, not on ${process.platform}`);
  return new Promise((resolve) => {
    const child = spawn(bwrapPath, [...NAMESPACE_ARGS, '--ro-bind', '/', '/', 'true'], {
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { PATH: '/usr/bin:/bin' },
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      if (stderr.length < 1000) stderr += chunk.toString('utf8');
    });
    child.on('error', (error: NodeJS.ErrnoException) => {
      resolve(error.code === 'ENOENT' ? `bubblewrap not found at ${bwrapPath} (install the "bubblewrap" package)` : `${bwrapPath} cannot start: ${error.message}`);
    });
    child.on('close', (code, signal) => {
      if (code === 0) return resolve(null);
      const said = stderr.trim().split('\n')[0]?.slice(0, 300);
      resolve(`bubblewrap cannot create the sandbox's namespaces: ${said || (signal ? `killed by ${signal}` : `exit status ${code}`)}`);
    });
  });
}
