// Redis going away under a cluster member: it keeps serving the rooms it owns, reports itself degraded,
// refuses room changes it cannot lock (503), and never crashes; once Redis is back (empty) it takes its
// rooms' leases anew (clients reconnect once, 1012) and reports ok.
import { afterAll, describe, expect, it } from 'vitest';
import { CloseCode } from '../../server/protocol/index.ts';
import { pollUntil } from '../support/poll.ts';
import { startRedisServer, type RedisServer } from '../support/redis-server.ts';
import { call } from '../control/api.ts';
import { connectSynced } from '../control/rooms/room-client.ts';
import { as, createRoom, expectError, join, person } from '../control/rooms/room-fixture.ts';
import { useTestCluster } from './support/test-cluster.ts';

describe('a Redis outage under a cluster member', () => {
  const fixture = useTestCluster(['node-a', 'node-b']);
  let restarted: RedisServer | undefined;
  afterAll(async () => {
    await restarted?.stop();
  });

  it('serves its own rooms, answers degraded and 503 for room changes, then re-leases its rooms when Redis is back', async () => {
    const { cluster, clients } = fixture;
    const a = cluster.nodes[0]!;
    const host = await person(a, 'Hana');
    const room = await createRoom(a, host, { mode: 'interview' });
    const hana = await connectSynced(await join(a, host, room));
    const ann = await connectSynced(await join(a, await person(a, 'Ann'), room));
    clients.push(hana, ann);

    await cluster.redis.stop();
    const degraded = await pollUntil(async () => (await call(a, 'GET', '/v1/health')).body, (h) => h.status === 'degraded', { what: 'health degraded' });
    expect(degraded.checks.collab).toMatchObject({ status: 'degraded', message: expect.stringContaining('Redis unreachable') });
    hana.ydoc.getText('code').insert(0, 'typed while Redis was away\n');
    await pollUntil(() => ann.text(), (t) => t.includes('typed while Redis was away'), { what: 'the owned room to keep relaying' });
    expectError(await as(a, host).post(`/v1/rooms/${room.id}/control/phase`, { to: 'warmup' }), 503, 'ROOM_COLLAB_UNAVAILABLE');
    expect((await as(a, host).get(`/v1/rooms/${room.id}`)).status).toBe(200);

    restarted = await startRedisServer(cluster.redis.port);
    // The empty Redis has no lease for the room: the process lets its clients go (1012) and takes it again.
    await pollUntil(() => hana.closes, (codes) => codes.includes(CloseCode.SERVICE_RESTART.code), { what: 'the room handed back', timeoutMs: 20_000 });
    await pollUntil(() => [hana.provider.synced, ann.provider.synced], (s) => s.every(Boolean), { what: 'clients back', timeoutMs: 20_000 });
    expect(ann.text()).toContain('typed while Redis was away');
    const health = await pollUntil(async () => (await call(a, 'GET', '/v1/health')).body, (h) => h.status === 'ok' && h.nodes === 2, { what: 'health ok', timeoutMs: 20_000 });
    expect(health.checks.collab.status).toBe('ok');
    expect(await restarted.client().get(`syncode:room-owner:${room.id}`)).toBe('node-a');
    expect((await as(a, host).post(`/v1/rooms/${room.id}/control/phase`, { to: 'warmup' })).status).toBe(200);
    expect(a.child.exitCode).toBeNull();
  });
});
