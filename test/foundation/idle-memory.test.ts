import { afterEach, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { REPO_ROOT } from '../../server/paths.ts';
import { pollUntil } from '../support/poll.ts';

// A real Node process (the release acts on its own heap and event loop, so not the test runner's): a burst
// of allocation (before the release is set up when BURST_FIRST is set, as a server's start-up is), a busy
// phase, then idle. It prints JSON lines: its logger's and its heap size every 100 ms.
const CHILD = `
import { getHeapStatistics } from 'node:v8';
const { releaseMemoryWhenIdle } = await import(process.env.MODULE_URL);
const print = (line) => process.stdout.write(JSON.stringify(line) + '\\n');
const heap = () => getHeapStatistics().total_heap_size;
const burst = () => {
  let kept = [];
  for (let i = 0; i < 1_500_000; i++) {
    kept.push({ i, text: 'update ' + i });
    if (kept.length > 300_000) kept = [];
  }
  print({ msg: 'burst', heap: heap() });
};
print({ msg: 'start', heap: heap() });
if (process.env.BURST_FIRST) burst();
releaseMemoryWhenIdle({ info: (msg, fields) => print({ msg, ...fields }), warn() {}, error() {} }, 200);
if (!process.env.BURST_FIRST) burst();
const busyUntil = Date.now() + 1500;
const spin = setInterval(() => {
  const end = Date.now() + 10;
  while (Date.now() < end);
  if (Date.now() < busyUntil) return;
  clearInterval(spin);
  print({ msg: 'idle', heap: heap() });
}, 20);
setInterval(() => print({ msg: 'heap', heap: heap() }), 100);
`;

const MiB = 1024 * 1024;

describe('releaseMemoryWhenIdle (server/idle-memory.ts)', () => {
  let child: ChildProcess | undefined;
  afterEach(() => {
    child?.kill('SIGKILL');
  });

  it.each([
    ['a burst', false],
    ['what start-up left behind (a burst before it was set up)', true],
  ])('gives %s back once the process is idle, not while it is busy, and once', async (_what, burstFirst) => {
    child = spawn(process.execPath, ['--input-type=module', '-e', CHILD], {
      env: { ...process.env, MODULE_URL: pathToFileURL(join(REPO_ROOT, 'server/idle-memory.ts')).href, ...(burstFirst ? { BURST_FIRST: '1' } : {}) },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const lines: Record<string, number | string>[] = [];
    let buffered = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      let nl: number;
      while ((nl = buffered.indexOf('\n')) >= 0) {
        lines.push(JSON.parse(buffered.slice(0, nl)) as Record<string, number | string>);
        buffered = buffered.slice(nl + 1);
      }
    });
    const released = (): Record<string, number | string>[] => lines.filter((l) => l.msg === 'idle: heap memory given back');
    await pollUntil(() => released().length, (n) => n > 0, { timeoutMs: 20_000, what: 'the release' });

    const at = (msg: string): number => lines.findIndex((l) => l.msg === msg);
    const start = lines[at('start')]!.heap as number;
    const burst = lines[at('burst')]!.heap as number;
    expect(burst - start).toBeGreaterThan(16 * MiB); // the burst grew the heap enough to be released
    expect(at('idle')).toBeGreaterThan(-1);
    expect(lines.indexOf(released()[0]!)).toBeGreaterThan(at('idle')); // nothing while the loop was busy
    const { heapMiB, nowMiB } = released()[0] as { heapMiB: number; nowMiB: number };
    expect(nowMiB).toBeLessThan(heapMiB - 16);
    const after = lines.length;
    await pollUntil(() => lines.slice(after).filter((l) => l.msg === 'heap').length, (n) => n >= 10, { what: 'a second of idle heap readings' });
    expect(released()).toHaveLength(1); // no new growth, no second collection
    const heapNow = lines.filter((l) => l.msg === 'heap').at(-1)!.heap as number;
    expect(heapNow).toBeLessThan(burst - 16 * MiB);
  }, 30_000);
});
