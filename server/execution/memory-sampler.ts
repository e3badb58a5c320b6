// Peak-memory sampling for executions without a memory cgroup (limited mode, or bwrap without cgroups): the
// sandbox kills the tree when the peak passes the limit. How the tree's memory is read depends on the OS
// (tree-memory.*.ts); the figures are best effort (docs/sandbox.md).

import { openTreeMemoryReader } from './tree-memory.ts';

const SAMPLE_INTERVAL_MS = 10;

export interface MemorySampler {
  /** Takes a last sample and stops; resolves to the highest figure seen, in KiB. */
  stop(): Promise<number>;
}

export function startMemorySampler(rootPid: number, onSample?: (peakKb: number) => void): MemorySampler {
  const reader = openTreeMemoryReader(rootPid);
  let peak = 0;
  let stopped: Promise<number> | null = null;
  let pending: Promise<void> | null = null;
  const sample = async (): Promise<void> => {
    const kb = await reader.peakKb();
    if (kb > peak) peak = kb;
    onSample?.(peak);
  };
  // A tick that finds the previous sample still reading is skipped: a slow reader (a `ps` round trip) must not
  // build a queue of samples that the end of the run would then wait for.
  const tick = (): void => {
    pending ??= sample().finally(() => {
      pending = null;
    });
  };
  const timer = setInterval(tick, SAMPLE_INTERVAL_MS);
  tick();
  return {
    stop() {
      stopped ??= (async () => {
        clearInterval(timer);
        await pending;
        await sample();
        reader.close();
        return peak;
      })();
      return stopped;
    },
  };
}
