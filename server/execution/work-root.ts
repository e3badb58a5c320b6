// The plane's temp directory for job boxes (and limited mode's scratch dirs), named after the server's pid so that
// a later start can remove what a crashed server left behind.

import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';

const WORK_ROOT = /^syncode-exec-(\d+)-/;

export async function createWorkRoot(parent: string): Promise<string> {
  for (const name of await readdir(parent)) {
    const owner = WORK_ROOT.exec(name)?.[1];
    if (!owner || isAlive(Number(owner))) continue;
    const dir = join(parent, name);
    try {
      // Only our own user's leftovers: on a shared /tmp, another user's directory is none of our business.
      if ((await stat(dir)).uid !== process.getuid?.()) continue;
      await rm(dir, { recursive: true, force: true });
    } catch {
      // Gone meanwhile, or not ours to remove.
    }
  }
  return mkdtemp(join(parent, `syncode-exec-${process.pid}-`));
}

/** Whether a process with this pid exists (EPERM: it does, under another user). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
