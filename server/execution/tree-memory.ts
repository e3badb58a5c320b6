// Reads the memory high-water mark of an execution's process tree, for runs without a memory cgroup. Each OS
// exposes it differently; the platform-named files hold the specifics.

import { darwinTreeMemory } from './tree-memory.darwin.ts';
import { linuxTreeMemory } from './tree-memory.linux.ts';
import { win32TreeMemory } from './tree-memory.win32.ts';

export interface TreeMemoryReader {
  /** The highest memory figure (KiB) of any process in the tree right now, or the latest one known. */
  peakKb(): Promise<number>;
  close(): void;
}

export function openTreeMemoryReader(rootPid: number): TreeMemoryReader {
  if (process.platform === 'linux') return linuxTreeMemory(rootPid);
  if (process.platform === 'win32') return win32TreeMemory(rootPid);
  return darwinTreeMemory(rootPid);
}
