// Peak-memory sampling for executions without a memory cgroup (limited mode, or bwrap without cgroups).
// It reads VmHWM (the kernel's own resident high-water mark) of every process under the root pid, so short
// peaks between samples are still seen as long as the process is alive at a sample. Linux only; elsewhere it
// reports 0 (docs/sandbox.md: limited mode's memory figures are best effort).

import { readFile } from 'node:fs/promises';

const SAMPLE_INTERVAL_MS = 10;

export interface MemorySampler {
  /** Takes a last sample and stops; resolves to the highest VmHWM seen, in KiB. */
  stop(): Promise<number>;
}

export function startMemorySampler(rootPid: number, onSample?: (peakKb: number) => void): MemorySampler {
  let peak = 0;
  let stopped = false;
  let pending: Promise<void> = Promise.resolve();
  const sample = async (): Promise<void> => {
    const kb = await treeHighWaterKb(rootPid);
    if (kb > peak) peak = kb;
    onSample?.(peak);
  };
  const timer = setInterval(() => {
    pending = pending.then(sample);
  }, SAMPLE_INTERVAL_MS);
  pending = pending.then(sample);
  return {
    async stop() {
      if (!stopped) {
        stopped = true;
        clearInterval(timer);
        pending = pending.then(sample);
      }
      await pending;
      return peak;
    },
  };
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
