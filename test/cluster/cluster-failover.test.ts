// kill -9 of a room's owner while its clients type: the owner's lease runs out within 10 s, another process
// loads the room from PostgreSQL on the next connection, and no update any client had received is lost.
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { pollUntil } from '../support/poll.ts';
import { connectRoomClient, connectSynced, type RoomClient } from '../control/rooms/room-client.ts';
import { as, createRoom, join, person } from '../control/rooms/room-fixture.ts';
import { useTestCluster } from './support/test-cluster.ts';

/** What a client had received from the server: its state vector without its own client id. */
function received(client: RoomClient): Map<number, number> {
  const sv = Y.decodeStateVector(Y.encodeStateVector(client.ydoc));
  sv.delete(client.ydoc.clientID);
  return sv;
}

describe('failover: kill -9 of a room owner under load', () => {
  // Rate limits off: three clients typing every few milliseconds are a load test, not an attack.
  const fixture = useTestCluster(['node-a', 'node-b'], { rateLimits: false });

  it('another process takes the room over; a fresh client sees every update any client had received', async () => {
    const { cluster, clients } = fixture;
    const [a, b] = cluster.nodes as [(typeof cluster.nodes)[0], (typeof cluster.nodes)[0]];
    const host = await person(a, 'Hana');
    const room = await createRoom(a, host, { mode: 'interview' });
    const leaseKey = `syncode:room-owner:${room.id}`;
    expect(await cluster.redis.client().get(leaseKey)).toBe('node-a');
    // The host types on the owner, the candidate through node-b (piped to the owner); a spectator on node-b
    // only reads; a fourth joiner's token is kept for later.
    const writers = [await connectSynced(await join(a, host, room)), await connectSynced(await join(b, await person(b, 'Ann'), room))];
    const reader = await connectSynced(await join(b, await person(b, 'Bob'), room));
    const late = await join(b, await person(b, 'Cid'), room);
    const everyone = [...writers, reader];
    clients.push(...everyone);
    const typing = writers.map((w, i) => setInterval(() => w.ydoc.getText('code').insert(0, String(i)), 5));
    await pollUntil(() => writers[1]!.text().length, (n) => n > 300, { what: 'typing on both processes', timeoutMs: 20_000 });

    // The lease the owner renews expires within 10 s of its last renewal.
    const ttl = await cluster.redis.client().pttl(leaseKey);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(10_000);
    expect(await a.stop('SIGKILL')).toBe('SIGKILL');
    for (const t of typing) clearInterval(t);
    const seen = everyone.map(received);
    for (const c of everyone) c.destroy();

    const fresh = connectRoomClient(late);
    clients.push(fresh);
    await pollUntil(() => fresh.provider.synced, Boolean, { what: 'the fresh client to sync through node-b', timeoutMs: 30_000, intervalMs: 100 });
    expect(await cluster.redis.client().get(leaseKey)).toBe('node-b');
    const recovered = Y.decodeStateVector(Y.encodeStateVector(fresh.ydoc));
    let checked = 0;
    for (const sv of seen) {
      for (const [client, clock] of sv) {
        expect(recovered.get(client) ?? 0).toBeGreaterThanOrEqual(clock);
        checked += clock;
      }
    }
    expect(checked).toBeGreaterThan(300);
    // The room is fully usable on the survivor: a control call reaches the fresh client.
    expect((await as(b, host).post(`/v1/rooms/${room.id}/control/phase`, { to: 'coding' })).status).toBe(200);
    await pollUntil(() => fresh.eventsOf('phase-changed').length, (n) => n === 1, { what: 'phase-changed after the takeover' });
  });
});
