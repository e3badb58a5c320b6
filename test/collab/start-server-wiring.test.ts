import { afterEach, describe, expect, it } from 'vitest';
import { CloseCode } from '../../server/protocol/index.ts';
import { pollUntil } from '../support/poll.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';
import { call } from '../control/api.ts';
import { connectRoomClient } from '../control/rooms/room-client.ts';
import { createRoom, join, person } from '../control/rooms/room-fixture.ts';

describe('the collab plane inside startServer (in-process mode: direct calls, no /internal routes)', () => {
  let server: TestServer | undefined;
  afterEach(async () => {
    await server?.stop();
    server = undefined;
  });

  it('serves /collab on the same origin, reports its health, and closes sockets with 1001 on shutdown', async () => {
    server = await startTestServer({ webRoot: null, problemsDir: null });
    const health = await call(server, 'GET', '/v1/health');
    expect(health.body.checks.collab).toMatchObject({ status: 'ok' });
    const [host, candidate] = [await person(server, 'Host'), await person(server, 'Cand')];
    const room = await createRoom(server, host);
    const hostJoin = await join(server, host, room);
    expect(hostJoin.collabUrl).toBe(`${server.url.replace('http', 'ws')}/collab`);
    const a = connectRoomClient(hostJoin);
    const b = connectRoomClient(await join(server, candidate, room));
    await pollUntil(() => a.provider.synced && b.provider.synced, Boolean);
    a.ydoc.getText('code').insert(0, 'shared');
    await pollUntil(() => b.text(), (t) => t.startsWith('shared'));
    expect(b.eventsOf('room-state')[0]).toMatchObject({ role: 'candidate', phase: 'waiting' });
    const plain = await fetch(`${server.url}/collab/${room.id}/code`);
    expect(plain.status).toBe(426);
    await plain.arrayBuffer();
    await server.stop();
    server = undefined;
    await pollUntil(() => [...a.closes, ...b.closes], (codes) => codes.filter((c) => c === CloseCode.GOING_AWAY.code).length === 2);
    a.destroy();
    b.destroy();
  });
});
