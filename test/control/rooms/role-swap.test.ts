// Role swap in peer mode, once per collab implementation: request, decline, accept (roles exchanged
// and applied on open sockets), pending conflicts, and expiry (TTL shortened through ServerOptions).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { zRoleSwapRequest } from '../../../server/protocol/api/rooms.ts';
import { pollUntil } from '../../support/poll.ts';
import { connectSynced } from './room-client.ts';
import { COLLAB_MODES, as, createRoom, expectError, join, people, type Person, type RoomServer } from './room-fixture.ts';

const SWAP_TTL_MS = 400;

describe.each(COLLAB_MODES)('role swap ($name collab)', (mode) => {
  let server: RoomServer;
  let host: Person;
  let ann: Person;

  beforeAll(async () => {
    server = await mode.start({ roleSwapTtlMs: SWAP_TTL_MS });
    [host, ann] = await people(server, ['Hana', 'Ann'] as const);
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('needs peer mode and an active counterpart', async () => {
    const interview = await createRoom(server, host, { mode: 'interview' });
    expectError(await as(server, host).post(`/v1/rooms/${interview.id}/control/role-swap`), 409, 'ROOM_MODE_UNSUPPORTED');
    const peer = await createRoom(server, host, { mode: 'peer' });
    expectError(await as(server, host).post(`/v1/rooms/${peer.id}/control/role-swap`), 409, 'ROOM_ROLE_UNAVAILABLE');
  });

  it('declines, then accepts: roles and host rights are exchanged and take effect on open sockets', async () => {
    const room = await createRoom(server, host, { mode: 'peer' });
    const annClient = await connectSynced(await join(server, ann, room));
    try {
      const asked = await as(server, ann).post(`/v1/rooms/${room.id}/control/role-swap`);
      expect(asked.status).toBe(202);
      expect(zRoleSwapRequest.parse(asked.body)).toMatchObject({ requestedBy: ann.id, counterpartId: host.id, status: 'pending' });
      expect(Date.parse(asked.body.expiresAt) - Date.parse(asked.body.createdAt)).toBe(SWAP_TTL_MS);
      expectError(await as(server, host).post(`/v1/rooms/${room.id}/control/role-swap`), 409, 'ROOM_SWAP_PENDING');
      expect((await as(server, host).get(`/v1/rooms/${room.id}`)).body.pendingRoleSwap.id).toBe(asked.body.id);
      expectError(await as(server, ann).post(`/v1/rooms/${room.id}/control/role-swap/${asked.body.id}`, { accept: true }), 403, 'ROOM_FORBIDDEN');
      const declined = await as(server, host).post(`/v1/rooms/${room.id}/control/role-swap/${asked.body.id}`, { accept: false });
      expect(declined.body).toMatchObject({ status: 'declined' });
      expect(declined.body.resolvedAt).not.toBeNull();
      expectError(await as(server, host).post(`/v1/rooms/${room.id}/control/role-swap/${asked.body.id}`, { accept: true }), 404, 'ROOM_SWAP_NOT_FOUND');

      const again = await as(server, host).post(`/v1/rooms/${room.id}/control/role-swap`);
      expectError(await as(server, ann).post(`/v1/rooms/${room.id}/control/role-swap/${again.body.id}`, { accept: 'yes' }), 400, 'VALIDATION_FAILED');
      const accepted = await as(server, ann).post(`/v1/rooms/${room.id}/control/role-swap/${again.body.id}`, { accept: true });
      expect(accepted.body.status).toBe('accepted');
      const detail = (await as(server, ann).get(`/v1/rooms/${room.id}`)).body;
      expect(detail).toMatchObject({ hostId: ann.id, myRole: 'host', pendingRoleSwap: null });
      expect(detail.participants.find((p: any) => p.userId === host.id).role).toBe('candidate');
      expect(annClient.eventsOf('role-swap').map((e) => e.action)).toEqual(['requested', 'declined', 'requested', 'accepted']);
      expect(annClient.eventsOf('role-swap')[3].roles).toEqual({ [host.id]: 'candidate', [ann.id]: 'host' });
      // Host rights followed the swap.
      expect((await as(server, ann).patch(`/v1/rooms/${room.id}/settings`, { name: 'Ann hosts' })).status).toBe(200);
      expectError(await as(server, host).patch(`/v1/rooms/${room.id}/settings`, { name: 'Hana hosts' }), 403, 'ROOM_FORBIDDEN');
    } finally {
      annClient.destroy();
    }
  });

  it('expires unanswered requests and broadcasts role-swap expired', async () => {
    const room = await createRoom(server, host, { mode: 'peer' });
    const annClient = await connectSynced(await join(server, ann, room));
    try {
      const asked = await as(server, host).post(`/v1/rooms/${room.id}/control/role-swap`);
      await pollUntil(() => annClient.eventsOf('role-swap'), (e) => e.some((x) => x.action === 'expired'), { what: 'role-swap expired' });
      expect(annClient.eventsOf('role-swap').at(-1).request).toMatchObject({ id: asked.body.id, status: 'expired' });
      expectError(await as(server, ann).post(`/v1/rooms/${room.id}/control/role-swap/${asked.body.id}`, { accept: true }), 404, 'ROOM_SWAP_NOT_FOUND');
      expect((await as(server, ann).get(`/v1/rooms/${room.id}`)).body.pendingRoleSwap).toBeNull();
    } finally {
      annClient.destroy();
    }
  });
});
