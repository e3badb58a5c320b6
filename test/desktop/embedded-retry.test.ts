// The embedded entry retries on any free port when the previous run's port is taken. The failed attempt
// must leave nothing alive in the child: one server over the data directory, not two.
import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { readdirSync, readlinkSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { isEmbeddedChildMessage, type EmbeddedChildMessage } from '../../server/protocol/embedded-messages.ts';
import { LAUNCH_SECRET_HEADER } from '../../server/protocol/index.ts';
import { makeTempDir } from '../support/temp-dir.ts';
import { pollUntil } from '../support/poll.ts';
import { EMBEDDED_ENTRY } from './node-fork.ts';

/** How many descriptors the process holds on each file under `dir`. */
function openFileCounts(pid: number, dir: string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const fd of readdirSync(`/proc/${pid}/fd`)) {
    try {
      const target = readlinkSync(`/proc/${pid}/fd/${fd}`);
      if (target.startsWith(dir)) counts[target.slice(dir.length + 1)] = (counts[target.slice(dir.length + 1)] ?? 0) + 1;
    } catch {
      // Closed while listing.
    }
  }
  return counts;
}

describe('embedded entry: retry after the preferred port was taken', () => {
  const cleanups: (() => void | Promise<void>)[] = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });

  it('starts on another port with a single server over the data directory', async () => {
    const dir = makeTempDir('syncode-embedded-retry-');
    cleanups.push(() => dir.remove());
    const blocker: Server = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    cleanups.push(() => new Promise<void>((resolve) => blocker.close(() => resolve())));
    const takenPort = (blocker.address() as { port: number }).port;

    const child: ChildProcess = fork(EMBEDDED_ENTRY, [], { serialization: 'advanced', stdio: ['ignore', 'ignore', 'ignore', 'ipc'] });
    cleanups.push(async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = once(child, 'exit');
      child.kill('SIGKILL');
      await exited;
    });
    const messages: EmbeddedChildMessage[] = [];
    child.on('message', (m) => {
      if (isEmbeddedChildMessage(m)) messages.push(m);
    });
    const launchSecret = 'embedded-retry-launch-secret';
    child.send({ type: 'start', options: { dataDir: dir.path, launchSecret, port: takenPort, webRoot: null, problemsDir: null } });
    const ready = await pollUntil(() => messages.find((m) => m.type !== 'stopped'), (m) => m !== undefined, { what: 'ready', timeoutMs: 30_000 });
    expect(ready).toMatchObject({ type: 'ready' });
    if (ready?.type !== 'ready') return;
    expect(ready.port).not.toBe(takenPort);
    const health = await fetch(`${ready.url}/v1/health`, { headers: { [LAUNCH_SECRET_HEADER]: launchSecret } });
    expect(health.status).toBe(200);

    // Each SQLite file is open once: the failed attempt's database and collab store were closed.
    const counts = openFileCounts(child.pid!, dir.path);
    expect(counts['syncode.sqlite']).toBe(1);
    expect(counts['collab.sqlite']).toBe(1);

    const stopped = once(child, 'exit');
    child.send({ type: 'stop' });
    expect((await stopped)[0]).toBe(0);
  });
});
