import { performance } from 'node:perf_hooks';
import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { loadMallocTrim } from './malloc-trim.ts';
import type { Logger } from './server-options.ts';

/** The event loop was busy at most this share of the last check interval: the process is idle. */
const IDLE_UTILIZATION = 0.01;
/** The heap V8 holds grew by this much since the last release: worth giving back. */
const GROWTH_BYTES = 16 * 1024 * 1024;

type MemoryReducingGc = (options: { type: 'major'; execution: 'sync'; flavor: 'last-resort' }) => void;

/**
 * Gives the heap a burst left behind back to the system once the process is idle. V8 keeps the memory it
 * grew into under load (a young generation of up to 32 MiB, free old-generation pages) and only shrinks it
 * in a memory-reducing collection, which a Node process that goes quiet never gets: after 10,000 updates a
 * collab server held 140 MiB with 15 MiB of its heap live. When the event loop was busy at most 1 % of the
 * last 2 s and V8's heap has grown by 16 MiB since the last release, one last-resort collection runs (about
 * 50 ms for a 15 MiB live heap, paid while nothing else is happening); it then waits for the next growth.
 * What start-up left behind counts as such a burst. Then malloc's free pages go back too (server/malloc-trim.ts,
 * glibc only): glibc keeps what a burst freed inside its heap, 10 MiB after bench:collab's scenario (d).
 * For the process entry points (server, embedded server, collab server): memory is a process concern.
 */
export function releaseMemoryWhenIdle(log: Logger, checkIntervalMs = 2_000): void {
  const gc = memoryReducingGc();
  const trimMalloc = loadMallocTrim(log);
  // Start-up counts as a burst: loading, migrations and seeding leave the heap at 50-55 MiB with 15 MiB live,
  // which V8's own memory reducer gives back only about 25 s later. The first idle check releases it.
  let baseline = 0;
  let last = performance.eventLoopUtilization();
  const timer = setInterval(() => {
    const busy = performance.eventLoopUtilization(last).utilization;
    last = performance.eventLoopUtilization();
    const heap = getHeapStatistics().total_heap_size;
    if (heap < baseline) baseline = heap;
    if (busy > IDLE_UTILIZATION || heap - baseline < GROWTH_BYTES) return;
    const started = performance.now();
    gc({ type: 'major', execution: 'sync', flavor: 'last-resort' });
    baseline = getHeapStatistics().total_heap_size;
    const mallocTrimmed = trimMalloc?.() ?? false;
    log.info('idle: heap memory given back', {
      heapMiB: mib(heap),
      nowMiB: mib(baseline),
      mallocTrimmed,
      rssMiB: mib(process.memoryUsage.rss()),
      ms: Math.round(performance.now() - started),
    });
    // The collection itself is not load.
    last = performance.eventLoopUtilization();
  }, checkIntervalMs);
  timer.unref();
}

/**
 * V8's `gc` with the options of its gc extension, taken from a fresh context while --expose-gc is on and
 * switched off again right after, so no other code (nor any context made later) sees a global `gc`.
 */
function memoryReducingGc(): MemoryReducingGc {
  setFlagsFromString('--expose-gc');
  try {
    return runInNewContext('gc') as MemoryReducingGc;
  } finally {
    setFlagsFromString('--no-expose-gc');
  }
}

const mib = (bytes: number): number => Math.round(bytes / 1048576);
