// Linux: VmHWM (the kernel's own resident high-water mark) of every process under the root, read from /proc, so
// short peaks between samples are still seen as long as the process is alive at a sample.

import { readFile } from 'node:fs/promises';
import type { TreeMemoryReader } from './tree-memory.ts';

export function linuxTreeMemory(rootPid: number): TreeMemoryReader {
  return { peakKb: () => treeHighWaterKb(rootPid), close() {} };
}

async function treeHighWaterKb(pid: number, depth = 0): Promise<number> {
  if (depth > 8) return 0;
  let own = 0;
  let children: string[] = [];
  try {
    const status = await readFile(`/proc/${pid}/status`, 'utf8');
    own = Number(/^VmHWM:\s+(\d+) kB$/m.exec(status)?.[1] ?? 0);
    children = (await readFile(`/proc/${pid}/task/${pid}/children`, 'utf8')).split(' ').filter(Boolean);
  } catch {
    return own;
  }
  const sub = await Promise.all(children.map((c) => treeHighWaterKb(Number(c), depth + 1)));
  return Math.max(own, ...sub);
}
