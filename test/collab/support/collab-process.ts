import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { REPO_ROOT } from '../../../server/paths.ts';
import { INTERNAL_SECRET, JWT_SECRET } from './collab-harness.ts';

export interface CollabProcess {
  child: ChildProcess;
  url: string;
  port: number;
  /** Resolves with the exit code or signal name. */
  exited: Promise<number | string>;
}

/** The standalone collab server (`server/collab/cli.ts`) as a real child process on port 0, on `dataDir` (and the PostgreSQL `databaseUrl`). */
export async function spawnCollabProcess(data: { dataDir: string; databaseUrl: string | undefined }, extraArgs: string[] = []): Promise<CollabProcess> {
  const database = data.databaseUrl ? { SYNCODE_DATABASE_URL: data.databaseUrl } : {};
  const child = spawn(process.execPath, [join(REPO_ROOT, 'server/collab/cli.ts'), '--port', '0', '--data-dir', data.dataDir, ...extraArgs], {
    env: { ...process.env, SYNCODE_JWT_SECRET: JWT_SECRET, SYNCODE_INTERNAL_SECRET: INTERNAL_SECRET, ...database },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | string>((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal ?? -1)));
  child.stderr!.resume();
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`collab process did not start: ${out}`)), 15_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /SynCode collab listening on (http:\/\/\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    child.once('exit', () => {
      clearTimeout(timer);
      reject(new Error(`collab process exited before ready: ${out}`));
    });
  });
  return { child, url, port: Number(new URL(url).port), exited };
}
