// Room clocks with several processes: every process keeps every open room's clocks, and a firing takes the
// room lock and re-reads the room, so each expiry and auto-advance happens exactly once (the session's
// events say so), and still happens when the process that set the clock is gone.
import { describe, expect, it } from 'vitest';
import { pollUntil } from '../support/poll.ts';
import { as, createRoom, type Person, person } from '../control/rooms/room-fixture.ts';
import { useTestCluster } from './support/test-cluster.ts';

/** Every event of the session's timeline, oldest first. */
async function timeline(server: { url: string }, who: Person, roomId: string): Promise<{ type: string; data: any }[]> {
  const all: { type: string; data: any }[] = [];
  let cursor: string | null = null;
  do {
    const page: any = await as(server, who).get(`/v1/sessions/${roomId}/timeline?limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    if (page.status !== 200) throw new Error(`timeline: ${page.status} ${JSON.stringify(page.body)}`);
    all.push(...page.body.items);
    cursor = page.body.nextCursor;
  } while (cursor);
  return all;
}

describe('room clocks across processes', () => {
  const fixture = useTestCluster(['node-a', 'node-b']);

  it('phase timers expire and auto-advance exactly once, though both processes keep the clocks', async () => {
    const { cluster } = fixture;
    const [a, b] = cluster.nodes as [(typeof cluster.nodes)[0], (typeof cluster.nodes)[0]];
    const host = await person(a, 'Hana');
    const room = await createRoom(a, host, {
      mode: 'peer',
      config: { warmupDurationMs: 1000, codingDurationMs: 1000, wrapupDurationMs: 1000, autoAdvance: true },
    });
    expect((await as(a, host).post(`/v1/rooms/${room.id}/control/phase`, { to: 'warmup' })).status).toBe(200);
    await pollUntil(async () => (await as(b, host).get(`/v1/rooms/${room.id}`)).body.status, (s) => s === 'finished', {
      what: 'auto-advance to finished',
      timeoutMs: 30_000,
      intervalMs: 200,
    });
    const events = await timeline(b, host, room.id);
    expect(events.filter((e) => e.type === 'timer-expired').map((e) => e.data.timer.phase)).toEqual(['warmup', 'coding', 'wrapup']);
    expect(events.filter((e) => e.type === 'phase-changed').map((e) => e.data.to)).toEqual(['warmup', 'coding', 'wrapup', 'finished']);
    expect(events.filter((e) => e.type === 'room-finished')).toHaveLength(1);
  });

  it('a clock set on a process that is then killed fires on another, once', async () => {
    const { cluster } = fixture;
    const [a, b] = cluster.nodes as [(typeof cluster.nodes)[0], (typeof cluster.nodes)[0]];
    const host = await person(a, 'Ida');
    const room = await createRoom(a, host, { mode: 'interview', config: { warmupDurationMs: 2000 } });
    expect((await as(a, host).post(`/v1/rooms/${room.id}/control/phase`, { to: 'warmup' })).status).toBe(200);
    expect(await a.stop('SIGKILL')).toBe('SIGKILL');
    // The room's collab owner died with it: the expiry is retried until another process owns the room.
    const detail = await pollUntil(async () => (await as(b, host).get(`/v1/rooms/${room.id}`)).body, (d) => d.timer?.running === false, {
      what: 'the warmup timer to expire on node-b',
      timeoutMs: 40_000,
      intervalMs: 250,
    });
    expect(detail).toMatchObject({ status: 'warmup', timer: { remainingMs: 0 } });
    const events = await timeline(b, host, room.id);
    expect(events.filter((e) => e.type === 'timer-expired')).toHaveLength(1);
  });
});
