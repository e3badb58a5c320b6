// GET /metrics on a real server: stock y-websocket clients editing a room move the collab counters, the commit
// histogram and the room/connection gauges; real runs in the sandbox move the execution gauges; HTTP requests
// are counted by route template, never by raw path.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pollUntil } from '../support/poll.ts';
import { connectSynced } from '../control/rooms/room-client.ts';
import { as, createRoom, inProcess, join, people, type Person, type RoomServer } from '../control/rooms/room-fixture.ts';
import { parseSamples, sampleValue, type Sample } from './prometheus-text.ts';

async function scrape(server: { url: string }): Promise<{ samples: Sample[]; text: string }> {
  const res = await fetch(`${server.url}/metrics`);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
  const text = await res.text();
  return { samples: parseSamples(text), text };
}

const value = (samples: Sample[], name: string, labels: Record<string, string> = {}): number => sampleValue(samples, name, labels) ?? 0;

describe('GET /metrics (hosted, scraped from loopback)', () => {
  let server: RoomServer;
  let host: Person;
  let cid: Person;

  beforeAll(async () => {
    // One execution worker, so a second run waits in the queue while the first executes.
    server = await inProcess.start({ execution: { workers: 1 } });
    [host, cid] = await people(server, ['Hana', 'Cid'] as const);
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('reports the process: resident memory, CPU and event-loop lag', async () => {
    const { samples } = await scrape(server);
    expect(value(samples, 'process_resident_memory_bytes')).toBeGreaterThan(0);
    expect(sampleValue(samples, 'process_cpu_seconds_total')).toBeGreaterThan(0);
    expect(sampleValue(samples, 'nodejs_eventloop_lag_seconds')).toBeGreaterThanOrEqual(0);
  });

  it('counts accepted updates and group commits, and sees the room and its connections', async () => {
    const before = (await scrape(server)).samples;
    const room = await createRoom(server, host, { mode: 'interview', language: 'python' });
    const a = await connectSynced(await join(server, host, room));
    const b = await connectSynced(await join(server, cid, room));
    try {
      for (const word of ['one ', 'two ', 'three ', 'four ', 'five ']) a.ydoc.getText('code').insert(0, word);
      await pollUntil(() => b.text(), (t) => t.startsWith('five four three two one '), { what: 'the edits on the other client' });

      const { samples, text } = await scrape(server);
      // The commit that releases an update to its peers is observed before the peer can see it.
      expect(value(samples, 'syncode_collab_updates_total', { doc: 'code' }) - value(before, 'syncode_collab_updates_total', { doc: 'code' })).toBeGreaterThanOrEqual(5);
      expect(value(samples, 'syncode_collab_commit_seconds_count')).toBeGreaterThan(value(before, 'syncode_collab_commit_seconds_count'));
      expect(value(samples, 'syncode_collab_commit_seconds_sum')).toBeGreaterThan(0);
      expect(value(samples, 'syncode_rooms_loaded')).toBe(1);
      expect(value(samples, 'syncode_collab_connections')).toBe(2);

      const joins = { route: '/v1/rooms/:roomId/join', method: 'POST', status_class: '2xx' };
      expect(value(samples, 'syncode_http_requests_total', joins)).toBe(2);
      expect(value(samples, 'syncode_http_request_seconds_count', joins)).toBe(2);
      expect(text).not.toContain(room.id);
    } finally {
      a.destroy();
      b.destroy();
    }
    await pollUntil(async () => value((await scrape(server)).samples, 'syncode_collab_connections'), (n) => n === 0, { what: 'connections to close' });
  });

  it('counts requests that match no route under one label, by status class', async () => {
    const before = value((await scrape(server)).samples, 'syncode_http_requests_total', { route: 'unmatched', method: 'GET', status_class: '4xx' });
    expect((await fetch(`${server.url}/v1/rooms/${crypto.randomUUID()}/nothing-here`)).status).toBe(404);
    const after = value((await scrape(server)).samples, 'syncode_http_requests_total', { route: 'unmatched', method: 'GET', status_class: '4xx' });
    expect(after).toBe(before + 1);
  });

  it('shows a real run executing and the next one queued, then both gone', async () => {
    const room = await createRoom(server, host, { mode: 'interview', language: 'python' });
    await as(server, host).post(`/v1/rooms/${room.id}/control/phase`, { to: 'coding' });
    const run = { language: 'python', code: 'import time\ntime.sleep(2)\nprint("done")', stdin: '' };
    const first = await as(server, host).post(`/v1/rooms/${room.id}/run`, run);
    const second = await as(server, host).post(`/v1/rooms/${room.id}/run`, run);
    expect([first.status, second.status]).toEqual([202, 202]);

    const busy = await pollUntil(
      async () => (await scrape(server)).samples,
      (s) => value(s, 'syncode_execution_running') === 1 && value(s, 'syncode_execution_queue_depth') === 1,
      { timeoutMs: 20_000, intervalMs: 50, what: 'one run executing and one queued' },
    );
    expect(value(busy, 'syncode_http_requests_total', { route: '/v1/rooms/:roomId/run', method: 'POST', status_class: '2xx' })).toBe(2);

    for (const accepted of [first, second]) {
      await pollUntil(async () => (await as(server, host).get(accepted.body.pollUrl)).body.status, (s) => s === 'completed', {
        timeoutMs: 60_000,
        intervalMs: 100,
        what: `run ${accepted.body.id} to complete`,
      });
    }
    const idle = (await scrape(server)).samples;
    expect([value(idle, 'syncode_execution_running'), value(idle, 'syncode_execution_queue_depth')]).toEqual([0, 0]);
  }, 90_000);

  it('reports AI work by state (none without a provider)', async () => {
    const { samples } = await scrape(server);
    expect(sampleValue(samples, 'syncode_ai_jobs', { state: 'queued' })).toBe(0);
    expect(sampleValue(samples, 'syncode_ai_jobs', { state: 'running' })).toBe(0);
  });
});
