// macOS (and any POSIX system without /proc): the resident size of every process from `ps`, walked from the
// root. `ps` is a process of its own, so at most one runs at a time and callers get the latest answer meanwhile;
// a peak shorter than one `ps` round trip can be missed (RLIMIT_AS still bounds the program).

import { execFile } from 'node:child_process';
import { parseProcessTable, treeMaxKb } from './process-table.ts';
import type { TreeMemoryReader } from './tree-memory.ts';

export function darwinTreeMemory(rootPid: number): TreeMemoryReader {
  let latest = 0;
  let inFlight: Promise<number> | null = null;
  const read = (): Promise<number> =>
    new Promise((resolve) => {
      execFile('ps', ['-A', '-o', 'pid=,ppid=,rss='], { maxBuffer: 8 * 1024 * 1024 }, (error, stdout) => {
        if (!error) latest = Math.max(latest, treeMaxKb(parseProcessTable(stdout), rootPid));
        inFlight = null;
        resolve(latest);
      });
    });
  return {
    peakKb() {
      inFlight ??= read();
      return inFlight;
    },
    close() {},
  };
}
