// SIGTERM on a cluster member: its sockets (its own and those it pipes to another owner) close with 1012,
// its rooms are handed over at once, it exits 0, and the clients reconnect elsewhere with nothing lost.
import { describe, expect, it } from 'vitest';
import { CloseCode } from '../../server/protocol/index.ts';
import { pollUntil } from '../support/poll.ts';
import { connectRoomClient, connectSynced } from '../control/rooms/room-client.ts';
import { createRoom, join, person } from '../control/rooms/room-fixture.ts';
import { useTestCluster } from './support/test-cluster.ts';

describe('drain: SIGTERM on a cluster member', () => {
  const fixture = useTestCluster(['node-a', 'node-b', 'node-c']);

  it('an owner closes its sockets and the piped ones with 1012, hands the room over, and the clients carry on elsewhere', async () => {
    const { cluster, clients } = fixture;
    const [a, b, c] = cluster.nodes as [(typeof cluster.nodes)[0], (typeof cluster.nodes)[0], (typeof cluster.nodes)[0]];
    const host = await person(a, 'Hana');
    const room = await createRoom(a, host, { mode: 'interview' });
    const leaseKey = `syncode:room-owner:${room.id}`;
    expect(await cluster.redis.client().get(leaseKey)).toBe('node-a');
    const direct = await connectSynced(await join(a, host, room));
    const piped = await connectSynced(await join(b, await person(b, 'Ann'), room));
    clients.push(direct, piped);
    direct.ydoc.getText('code').insert(0, 'typed on the owner\n');
    piped.ydoc.getText('code').insert(0, 'typed through node-b\n');
    await pollUntil(() => [direct.text(), piped.text()], ([x, y]) => x === y && x!.split('\n').length === 3, { what: 'both edits everywhere' });
    const before = piped.text();

    expect(await a.stop('SIGTERM')).toBe(0);
    expect(direct.closes).toContain(CloseCode.SERVICE_RESTART.code);
    expect(piped.closes).toContain(CloseCode.SERVICE_RESTART.code);
    direct.destroy(); // its process is gone; a load balancer would send it to another one, like `piped`

    // node-b took the room over for the client that reconnected through it: nothing was lost.
    await pollUntil(() => piped.provider.synced, Boolean, { what: 'the piped client to reconnect', timeoutMs: 15_000 });
    expect(await cluster.redis.client().get(leaseKey)).toBe('node-b');
    const fresh = await connectSynced(await join(c, await person(c, 'Bob'), room));
    clients.push(fresh);
    expect(fresh.text()).toBe(before);
    expect(piped.closes.filter((code) => code === CloseCode.TRY_AGAIN_LATER.code)).toEqual([]); // handed over, not waited for
  });

  it('a process that only pipes sockets to the owner ends them with 1012 between two frames when it drains', async () => {
    const { cluster, clients } = fixture;
    const [, b, c] = cluster.nodes as [(typeof cluster.nodes)[0], (typeof cluster.nodes)[0], (typeof cluster.nodes)[0]];
    const host = await person(b, 'Ida');
    const room = await createRoom(b, host, { mode: 'interview' });
    expect(await cluster.redis.client().get(`syncode:room-owner:${room.id}`)).toBe('node-b');
    const owner = await connectSynced(await join(b, host, room));
    const viaC = connectRoomClient(await join(c, await person(c, 'Joe'), room));
    clients.push(owner, viaC);
    await pollUntil(() => viaC.provider.synced, Boolean, { what: 'the client piped through node-c' });
    // Keep frames flowing through the pipe while it drains.
    const typing = setInterval(() => owner.ydoc.getText('code').insert(0, 'x'), 2);
    try {
      await pollUntil(() => viaC.text().length, (n) => n > 50, { what: 'frames through node-c' });
      expect(await c.stop('SIGTERM')).toBe(0);
    } finally {
      clearInterval(typing);
    }
    // (Then 1006s: the process is gone, and no load balancer sends the client elsewhere.)
    expect(viaC.closes[0]).toBe(CloseCode.SERVICE_RESTART.code);
    // The owner noticed the piped connection end; the room stays where it was.
    expect(await cluster.redis.client().get(`syncode:room-owner:${room.id}`)).toBe('node-b');
  });
});
