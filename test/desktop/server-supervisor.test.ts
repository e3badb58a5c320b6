import { afterEach, describe, expect, it } from 'vitest';
import { request } from 'node:http';
import { startServerSupervisor, type ServerSupervisor, type SupervisorOptions } from '../../main/server-supervisor.ts';
import type { EmbeddedServerStatus } from '../../preload/api.ts';
import { LAUNCH_SECRET_HEADER } from '../../server/protocol/index.ts';
import { makeTempDir } from '../support/temp-dir.ts';
import { pollUntil } from '../support/poll.ts';
import { EMBEDDED_ENTRY, fixtureEntry, nodeFork, type NodeForkRecorder } from './node-fork.ts';

/** Status code of GET <url>/v1/health, or the connection error code. */
function healthStatus(url: string, secret: string): Promise<number | string> {
  return new Promise((resolve) => {
    const req = request(`${url}/v1/health`, { headers: { [LAUNCH_SECRET_HEADER]: secret } }, (res) => {
      res.resume();
      resolve(res.statusCode!);
    });
    req.on('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? 'error'));
    req.end();
  });
}

/** `features.ai` of the server's health: whether it has an AI provider. */
async function aiFeature(url: string, secret: string): Promise<boolean> {
  const res = await fetch(`${url}/v1/health`, { headers: { [LAUNCH_SECRET_HEADER]: secret } });
  return ((await res.json()) as { features: { ai: boolean } }).features.ai;
}

describe('embedded server supervisor (child_process.fork standing in for utilityProcess)', () => {
  let forker: NodeForkRecorder;
  let supervisor: ServerSupervisor | undefined;
  let removeDir: (() => void) | undefined;
  afterEach(async () => {
    await supervisor?.close();
    forker.killAll();
    removeDir?.();
    supervisor = undefined;
  });

  function start(entry: string, extra: Partial<SupervisorOptions> = {}): EmbeddedServerStatus[] {
    const dir = makeTempDir('syncode-embedded-');
    removeDir = dir.remove;
    forker = nodeFork();
    const statuses: EmbeddedServerStatus[] = [];
    supervisor = startServerSupervisor({
      fork: forker.fork,
      entryPath: entry,
      dataDir: dir.path,
      webRoot: null,
      problemsDir: null,
      onStatus: (s) => statuses.push(s),
      ...extra,
    });
    return statuses;
  }

  it('starts the real embedded server on loopback, and stops it cleanly', async () => {
    const statuses = start(EMBEDDED_ENTRY);
    const url = await supervisor!.ready();
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(supervisor!.status()).toEqual({ state: 'ready', url, message: null });
    expect(await healthStatus(url, supervisor!.launchSecret)).toBe(200);

    const child = forker.children[0]!;
    await supervisor!.close();
    expect(child.exitCode).toBe(0); // it exited by itself on `stop`, not killed
    expect(statuses.map((s) => s.state)).toEqual(['starting', 'ready', 'stopped']);
    expect(await healthStatus(url, supervisor!.launchSecret)).toBe('ECONNREFUSED');
  });

  it('uses a fresh launch secret per supervisor, and kills a child that ignores stop', async () => {
    start(fixtureEntry('silent-entry.ts'), { stopTimeoutMs: 100 });
    const other = startServerSupervisor({
      fork: forker.fork,
      entryPath: fixtureEntry('silent-entry.ts'),
      dataDir: '/nonexistent',
      webRoot: null,
      onStatus: () => {},
      stopTimeoutMs: 100,
    });
    expect(other.launchSecret).not.toBe(supervisor!.launchSecret);
    expect(supervisor!.launchSecret.length).toBeGreaterThanOrEqual(43); // 256 bits, base64url
    await other.close();
    expect(forker.children[1]!.signalCode).toBe('SIGKILL');
    expect(other.status().state).toBe('stopped');
  });

  it('gives up on a child that never sends ready, after the timeout and the allowed restarts', async () => {
    const statuses = start(fixtureEntry('silent-entry.ts'), {
      readyTimeoutMs: 300,
      maxRestarts: 1,
      backoff: { initialMs: 10, maxMs: 10 },
    });
    await expect(supervisor!.ready()).rejects.toThrow(/not ready after 300 ms/);
    expect(statuses.map((s) => s.state)).toEqual(['starting', 'restarting', 'starting', 'failed']);
    expect(forker.children).toHaveLength(2);
    await pollUntil(() => forker.children.every((c) => c.signalCode === 'SIGKILL'), Boolean, { what: 'children killed' });
  });

  it('restarts a crashing child with doubling, capped back-off, then reports failed', async () => {
    const statuses = start(fixtureEntry('crashing-entry.ts'), { maxRestarts: 4, backoff: { initialMs: 20, maxMs: 50 } });
    await expect(supervisor!.ready()).rejects.toThrow(/exited before ready \(code 3\)/);
    const delays = statuses.filter((s) => s.state === 'restarting').map((s) => Number(/in (\d+) ms/.exec(s.message!)![1]));
    expect(delays).toEqual([20, 40, 50, 50]);
    expect(statuses.at(-1)!.state).toBe('failed');
    expect(statuses.at(-1)!.message).toMatch(/gave up after 4 restarts/);
    expect(forker.children).toHaveLength(5);
  });

  it('restarts the real server after a crash, on the same port, with the same secret', async () => {
    const statuses = start(EMBEDDED_ENTRY, { backoff: { initialMs: 10, maxMs: 10 } });
    const url = await supervisor!.ready();
    forker.children[0]!.kill('SIGKILL');
    await pollUntil(() => supervisor!.status(), (s) => s.state === 'ready' && forker.children.length === 2, {
      what: 'restarted server',
      timeoutMs: 20_000,
    });
    const seen = JSON.stringify(statuses);
    expect(statuses.map((s) => s.state), seen).toEqual(['starting', 'ready', 'restarting', 'starting', 'ready']);
    expect(supervisor!.status().url, seen).toBe(url);
    expect(await healthStatus(url, supervisor!.launchSecret)).toBe(200);
  });

  it('restarts the real server with new AI settings: a clean stop, the same port, ready again with the provider', async () => {
    const statuses = start(EMBEDDED_ENTRY);
    const url = await supervisor!.ready();
    expect(await aiFeature(url, supervisor!.launchSecret)).toBe(false);
    const provider = { baseUrl: 'http://127.0.0.1:9/v1', model: 'fake-model' };
    expect(await supervisor!.restart(provider)).toBe(url);
    expect(await aiFeature(url, supervisor!.launchSecret)).toBe(true);
    expect(forker.children).toHaveLength(2);
    expect(forker.children[0]!.exitCode).toBe(0); // stopped by `stop`, not killed
    expect(statuses.map((s) => s.state)).toEqual(['starting', 'ready', 'restarting', 'starting', 'ready']);
    expect(await healthStatus(url, supervisor!.launchSecret)).toBe(200);
    // Back to no provider, twice at once: the calls run one after the other and both end ready.
    const both = await Promise.all([supervisor!.restart(null), supervisor!.restart(null)]);
    expect(both).toEqual([url, url]);
    expect(forker.children).toHaveLength(4);
    expect(await aiFeature(url, supervisor!.launchSecret)).toBe(false);
  }, 120_000); // four real server starts: a cold start takes seconds on a loaded machine

  it('a restart waiting for ready is rejected when the supervisor closes', async () => {
    start(fixtureEntry('silent-entry.ts'), { stopTimeoutMs: 100 });
    const restarting = supervisor!.restart(null);
    await pollUntil(() => forker.children.length, (n) => n === 2, { what: 'the second child' });
    await supervisor!.close();
    await expect(restarting).rejects.toThrow(/supervisor closed/);
  });
});
