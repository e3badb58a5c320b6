// Room participants, once per collab implementation: list, PATCH role/mute (host transfer, interviewer,
// seat rules, effect on open sockets), kick (4002, ROOM_KICKED on rejoin).
import { describe, expect, it } from 'vitest';
import { zRoomParticipantSummary } from '../../../server/protocol/api/rooms.ts';
import { CloseCode } from '../../../server/protocol/index.ts';
import { pollUntil } from '../../support/poll.ts';
import { connectSynced } from './room-client.ts';
import { COLLAB_MODES, as, createRoom, expectError, join, useRoomCast } from './room-fixture.ts';

describe.each(COLLAB_MODES)('room participants ($name collab)', (mode) => {
  const cast = useRoomCast(mode);

  it('lists active participants in join order with their colours and mute state', async () => {
    const { server, host, ann, bob } = cast;
    const room = await createRoom(server, host, { mode: 'interview' });
    await join(server, ann, room);
    await join(server, bob, room);
    const list = await as(server, bob).get(`/v1/rooms/${room.id}/participants`);
    expect(list.status).toBe(200);
    expect(list.body.items.map((p: any) => [p.userId, p.role])).toEqual([
      [host.id, 'host'],
      [ann.id, 'candidate'],
      [bob.id, 'spectator'],
    ]);
    for (const p of list.body.items) expect(zRoomParticipantSummary.parse(p)).toMatchObject({ muted: false, state: 'active', recordingConsent: null });
    expectError(await as(server, bob).get(`/v1/rooms/${room.id}/participants?includeLeft=maybe`), 400, 'VALIDATION_FAILED');
  });

  it('mute: anyone on themself, only the host on others', async () => {
    const { server, host, ann, cid } = cast;
    const room = await createRoom(server, host, { mode: 'interview' });
    await join(server, ann, room);
    const self = await as(server, ann).patch(`/v1/rooms/${room.id}/participants/${ann.id}`, { muted: true });
    expect(self.body).toMatchObject({ userId: ann.id, muted: true, role: 'candidate' });
    expectError(await as(server, ann).patch(`/v1/rooms/${room.id}/participants/${host.id}`, { muted: true }), 403, 'ROOM_FORBIDDEN');
    expectError(await as(server, ann).patch(`/v1/rooms/${room.id}/participants/${ann.id}`, { role: 'interviewer' }), 403, 'ROOM_FORBIDDEN');
    expect((await as(server, host).patch(`/v1/rooms/${room.id}/participants/${ann.id}`, { muted: false })).body.muted).toBe(false);
    expectError(await as(server, host).patch(`/v1/rooms/${room.id}/participants/${cid.id}`, { muted: true }), 404, 'ROOM_PARTICIPANT_NOT_FOUND');
    expectError(await as(server, host).patch(`/v1/rooms/${room.id}/participants/nope`, { muted: true }), 404, 'ROOM_PARTICIPANT_NOT_FOUND');
    expectError(await as(server, host).patch(`/v1/rooms/${room.id}/participants/${ann.id}`, { muted: 'yes' }), 400, 'VALIDATION_FAILED');
  });

  it('interview roles: interviewer by the host, seat rules, host transfer, and the new role applies on open sockets', async () => {
    const { server, host, ann, bob } = cast;
    const room = await createRoom(server, host, { mode: 'interview' });
    await join(server, ann, room);
    const bobJoin = await join(server, bob, room);
    const bobClient = await connectSynced(bobJoin);
    try {
      const h = as(server, host);
      expectError(await h.patch(`/v1/rooms/${room.id}/participants/${bob.id}`, { role: 'candidate' }), 409, 'ROOM_ROLE_UNAVAILABLE');
      expectError(await h.patch(`/v1/rooms/${room.id}/participants/${host.id}`, { role: 'spectator' }), 409, 'ROOM_ROLE_UNAVAILABLE');
      const promoted = await h.patch(`/v1/rooms/${room.id}/participants/${bob.id}`, { role: 'interviewer' });
      expect(promoted.body.role).toBe('interviewer');
      expect(bobClient.eventsOf('participant-updated')).toEqual([expect.objectContaining({ userId: bob.id, role: 'interviewer' })]);
      // The spectator-turned-interviewer may write now, without reconnecting.
      bobClient.ydoc.getText('code').insert(0, 'x = 1');
      const check = await connectSynced(await join(server, host, room));
      try {
        await pollUntil(() => check.text(), (t) => t === 'x = 1', { what: 'interviewer edit relayed' });
      } finally {
        check.destroy();
      }
      const transfer = await h.patch(`/v1/rooms/${room.id}/participants/${bob.id}`, { role: 'host' });
      expect(transfer.body.role).toBe('host');
      const detail = await as(server, bob).get(`/v1/rooms/${room.id}`);
      expect(detail.body.hostId).toBe(bob.id);
      expect(detail.body.ownerId).toBe(host.id);
      expect(detail.body.participants.find((p: any) => p.userId === host.id).role).toBe('interviewer');
      expectError(await h.patch(`/v1/rooms/${room.id}/participants/${ann.id}`, { muted: true }), 403, 'ROOM_FORBIDDEN');
    } finally {
      bobClient.destroy();
    }
  });

  it('role changes are refused outside interview mode', async () => {
    const { server, host, ann } = cast;
    const room = await createRoom(server, host, { mode: 'peer' });
    await join(server, ann, room);
    expectError(await as(server, host).patch(`/v1/rooms/${room.id}/participants/${ann.id}`, { role: 'host' }), 409, 'ROOM_MODE_UNSUPPORTED');
  });

  it('kick: host only, not self; sockets close with 4002; others see participant-kicked; rejoin is refused', async () => {
    const { server, host, ann, cid } = cast;
    const room = await createRoom(server, host, { mode: 'interview' });
    const hostClient = await connectSynced(await join(server, host, room));
    const annClient = await connectSynced(await join(server, ann, room));
    try {
      expectError(await as(server, ann).delete(`/v1/rooms/${room.id}/participants/${host.id}`), 403, 'ROOM_FORBIDDEN');
      expectError(await as(server, host).delete(`/v1/rooms/${room.id}/participants/${host.id}`), 403, 'ROOM_FORBIDDEN');
      expectError(await as(server, host).delete(`/v1/rooms/${room.id}/participants/${cid.id}`), 404, 'ROOM_PARTICIPANT_NOT_FOUND');
      expect((await as(server, host).delete(`/v1/rooms/${room.id}/participants/${ann.id}`, { reason: 'rude' })).status).toBe(204);
      await pollUntil(() => annClient.closes, (c) => c.includes(CloseCode.KICKED.code), { what: 'close 4002' });
      await pollUntil(() => hostClient.eventsOf('participant-kicked'), (e) => e.some((x) => x.userId === ann.id && x.by === host.id), {
        what: 'participant-kicked',
      });
      expectError(await as(server, ann).post(`/v1/rooms/${room.id}/join`, { code: room.code }), 403, 'ROOM_KICKED');
      expectError(await as(server, ann).get(`/v1/rooms/${room.id}`), 403, 'ROOM_FORBIDDEN');
      expectError(await as(server, host).delete(`/v1/rooms/${room.id}/participants/${ann.id}`), 404, 'ROOM_PARTICIPANT_NOT_FOUND');
    } finally {
      hostClient.destroy();
      annClient.destroy();
    }
  });
});
