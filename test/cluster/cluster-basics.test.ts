// Three server processes on one PostgreSQL and one Redis, reached directly (no load balancer): any process
// answers any request, and a room's clients on different processes share one live document.
import { describe, expect, it } from 'vitest';
import { pollUntil } from '../support/poll.ts';
import { call } from '../control/api.ts';
import { connectSynced } from '../control/rooms/room-client.ts';
import { as, createRoom, join, person } from '../control/rooms/room-fixture.ts';
import { useTestCluster } from './support/test-cluster.ts';

describe('three server processes on one PostgreSQL and one Redis', () => {
  const fixture = useTestCluster(['node-a', 'node-b', 'node-c']);
  const node = (i: number) => fixture.cluster.nodes[i]!;

  it('each reports PostgreSQL, three live nodes and its own node id', async () => {
    const { cluster } = fixture;
    for (const n of cluster.nodes) {
      const health = await call(n, 'GET', '/v1/health');
      expect(health.status).toBe(200);
      expect(health.body).toMatchObject({ database: 'postgres', nodes: 3, nodeId: n.nodeId });
      expect(health.body.checks.collab.status).toBe('ok');
    }
  });

  it('a user registered on one process signs in on another; a room created on one is joined through the others', async () => {
    const { cluster, clients } = fixture;
    const host = await person(node(0), 'Hana');
    const ann = await person(node(1), 'Ann');
    const login = await call(node(2), 'POST', '/v1/auth/login', { body: { email: (await call(node(1), 'GET', '/v1/users/me', { token: ann.token })).body.email, password: 'correct horse battery' } });
    expect(login.status).toBe(200);
    expect(login.body.user.id).toBe(ann.id);

    const room = await createRoom(node(0), host);
    const hostJoin = await join(node(0), host, room);
    const annJoin = await join(node(1), ann, room);
    expect(annJoin.collabUrl).toBe(`${node(1).url.replace('http', 'ws')}/collab`);
    const a = await connectSynced(hostJoin);
    const b = await connectSynced(annJoin);
    clients.push(a, b);
    a.ydoc.getText('code').insert(0, 'from node a\n');
    b.ydoc.getText('code').insert(0, 'from node b\n');
    await pollUntil(() => [a.text(), b.text()], ([x, y]) => x === y && x!.includes('from node a') && x!.includes('from node b'), { what: 'the two providers to converge' });

    // A control call on the third process reaches both clients (through the room's owner).
    const changed = await as(node(2), host).post(`/v1/rooms/${room.id}/control/phase`, { to: 'warmup' });
    expect(changed.status).toBe(200);
    for (const c of [a, b]) await pollUntil(() => c.eventsOf('phase-changed').length, (n) => n === 1, { what: 'phase-changed on both processes' });
    // Read back on any process.
    expect((await as(node(1), host).get(`/v1/rooms/${room.id}`)).body.status).toBe('warmup');
    // Exactly one process holds the room's documents.
    const owner = await cluster.redis.client().get(`syncode:room-owner:${room.id}`);
    expect(cluster.nodes.map((n) => n.nodeId)).toContain(owner);
  });

  it('counts a rate limit across the processes: ten password-reset requests per minute per address, wherever they land', async () => {
    const body = { email: 'nobody@example.com' };
    for (let i = 0; i < 10; i++) expect((await call(node(i % 3), 'POST', '/v1/auth/forgot-password', { body })).status).not.toBe(429);
    const limited = await call(node(1), 'POST', '/v1/auth/forgot-password', { body });
    expect(limited.status).toBe(429);
    expect(limited.body.code).toBe('RATE_LIMITED');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});
