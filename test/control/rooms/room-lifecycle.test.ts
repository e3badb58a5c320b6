// Room lifecycle endpoints against a real server, once per collab implementation: create, list, lookup, get, join
// (every error), token renewal, leave (sockets close 1000), destroy (room-closed then 4003), auto-finish.
import { describe, expect, it } from 'vitest';
import { zJoinRoomResponse, zRoomDetail, zRoomPreview } from '../../../server/protocol/api/rooms.ts';
import { CloseCode } from '../../../server/protocol/index.ts';
import { pollUntil } from '../../support/poll.ts';
import { connectSynced } from './room-client.ts';
import { COLLAB_MODES, as, createRoom, expectError, join, person, problemBySlug, useRoomCast } from './room-fixture.ts';

describe.each(COLLAB_MODES)('room lifecycle ($name collab)', (mode) => {
  const cast = useRoomCast(mode);

  it('creates a room with defaults, the problem starter code in the code document, and the caller as host', async () => {
    const { server, host } = cast;
    const problem = await problemBySlug(server, host, 'two-sum');
    const room = await createRoom(server, host, { mode: 'interview', problemId: problem.id, language: 'python' });
    expect(zRoomDetail.parse(room)).toBeTruthy();
    expect(room).toMatchObject({
      name: "Hana's room",
      mode: 'interview',
      status: 'waiting',
      hostId: host.id,
      ownerId: host.id,
      language: 'python',
      editorLocked: false,
      lockReason: null,
      timer: null,
      myRole: 'host',
      config: { maxParticipants: 4, allowSpectators: true, warmupDurationMs: 300000, autoAdvance: false },
    });
    expect(room.code).toMatch(/^[ABCDEFGHJKLMNPQRSTUVWXYZ23456789]{6}$/);
    expect(room.problem.id).toBe(problem.id);
    expect(room.participants).toHaveLength(1);
    const joined = await join(server, host, room);
    const client = await connectSynced(joined);
    try {
      expect(client.text()).toBe(problem.starterCode.python);
    } finally {
      client.destroy();
    }
  });

  it('refuses unknown problems, unsupported languages and per-mode config violations', async () => {
    const { server, host } = cast;
    const h = as(server, host);
    expectError(await h.post('/v1/rooms', { mode: 'interview', problemId: crypto.randomUUID() }), 404, 'PROBLEM_NOT_FOUND');
    const problem = await problemBySlug(server, host, 'two-sum');
    const unsupported = (['javascript', 'typescript', 'python', 'go', 'rust', 'java', 'cpp', 'c'] as const).find(
      (l) => !problem.languages.includes(l),
    );
    if (unsupported) {
      expectError(await h.post('/v1/rooms', { mode: 'interview', problemId: problem.id, language: unsupported }), 400, 'PROBLEM_LANGUAGE_UNSUPPORTED');
    }
    const practice = await h.post('/v1/rooms', { mode: 'practice', config: { maxParticipants: 2 } });
    expectError(practice, 400, 'VALIDATION_FAILED');
    expect(practice.body.details.fields[0].path).toBe('config.maxParticipants');
    expectError(await h.post('/v1/rooms', { mode: 'peer', config: { maxParticipants: 1 } }), 400, 'VALIDATION_FAILED');
    expectError(await h.post('/v1/rooms', { mode: 'party' }), 400, 'VALIDATION_FAILED');
  });

  it('looks rooms up by invite code case-insensitively, and not once finished', async () => {
    const { server, host, ann } = cast;
    const room = await createRoom(server, host, { mode: 'peer', name: 'Lookup' });
    const preview = await as(server, ann).get(`/v1/rooms/lookup/${room.code.toLowerCase()}`);
    expect(preview.status).toBe(200);
    expect(zRoomPreview.parse(preview.body)).toMatchObject({
      id: room.id,
      name: 'Lookup',
      hostName: 'Hana',
      participantCount: 1,
      maxParticipants: 2,
      isFull: false,
      candidateSeatFree: true,
      allowSpectators: false,
      problemTitle: null,
    });
    // The join screen names the problem the room is for.
    const twoSum = await problemBySlug(server, host, 'two-sum');
    const withProblem = await createRoom(server, host, { mode: 'interview', problemId: twoSum.id });
    expect((await as(server, ann).get(`/v1/rooms/lookup/${withProblem.code}`)).body.problemTitle).toBe('Two Sum');
    expectError(await as(server, ann).get('/v1/rooms/lookup/ZZZZZZ'), 404, 'ROOM_NOT_FOUND');
    expect((await as(server, host).delete(`/v1/rooms/${room.id}`)).status).toBe(204);
    expectError(await as(server, ann).get(`/v1/rooms/lookup/${room.code}`), 404, 'ROOM_NOT_FOUND');
  });

  it('joins interview rooms: candidate seat, then spectators, code checks, kicked and closed rooms', async () => {
    const { server, host, ann, bob, cid } = cast;
    const room = await createRoom(server, host, { mode: 'interview', config: { maxParticipants: 3 } });
    const a = as(server, ann);
    expectError(await a.post(`/v1/rooms/${room.id}/join`, {}), 403, 'ROOM_CODE_INVALID');
    expectError(await a.post(`/v1/rooms/${room.id}/join`, { code: 'AAAAAA' }), 403, 'ROOM_CODE_INVALID');
    expectError(await a.post(`/v1/rooms/${crypto.randomUUID()}/join`, { code: room.code }), 404, 'ROOM_NOT_FOUND');
    expectError(await a.post('/v1/rooms/not-a-uuid/join', { code: room.code }), 404, 'ROOM_NOT_FOUND');

    const annJoin = await join(server, ann, { ...room, code: room.code.toLowerCase() });
    expect(zJoinRoomResponse.parse(annJoin)).toBeTruthy();
    expect(annJoin.me.role).toBe('candidate');
    expect(annJoin.collabUrl).toMatch(/^ws:\/\/127\.0\.0\.1:\d+\/collab$/);
    if (server.collab) expect(annJoin.collabUrl).toBe(`ws://127.0.0.1:${server.collab.port}/collab`);
    expect(annJoin.docs).toEqual({ code: `${room.id}/code`, whiteboard: `${room.id}/whiteboard` });
    expect(annJoin.room.code).toBe(room.code);

    expectError(await as(server, bob).post(`/v1/rooms/${room.id}/join`, { code: room.code, role: 'candidate' }), 409, 'ROOM_ROLE_UNAVAILABLE');
    const bobJoin = await join(server, bob, room);
    expect(bobJoin.me.role).toBe('spectator');
    expect(new Set([annJoin.me.color, bobJoin.me.color, room.participants[0].color]).size).toBe(3);

    const full = await as(server, cid).post(`/v1/rooms/${room.id}/join`, { code: room.code });
    expectError(full, 409, 'ROOM_FULL');
    expect(full.body.details.maxParticipants).toBe(3);

    // An active participant renews the collab token without a code; role is ignored.
    const renewed = await as(server, ann).post(`/v1/rooms/${room.id}/join`, { role: 'spectator' });
    expect(renewed.status).toBe(200);
    expect(renewed.body.me).toMatchObject({ role: 'candidate', color: annJoin.me.color });

    expect((await as(server, host).delete(`/v1/rooms/${room.id}/participants/${bob.id}`)).status).toBe(204);
    expectError(await as(server, bob).post(`/v1/rooms/${room.id}/join`, { code: room.code }), 403, 'ROOM_KICKED');
    expect((await as(server, host).post(`/v1/rooms/${room.id}/control/phase`, { to: 'finished' })).status).toBe(200);
    expectError(await as(server, cid).post(`/v1/rooms/${room.id}/join`, { code: room.code }), 409, 'ROOM_CLOSED');
  });

  it('peer and practice seats: no spectators by default, practice refuses every joiner', async () => {
    const { server, host, ann, bob } = cast;
    const peer = await createRoom(server, host, { mode: 'peer' });
    expectError(await as(server, ann).post(`/v1/rooms/${peer.id}/join`, { code: peer.code, role: 'spectator' }), 409, 'ROOM_ROLE_UNAVAILABLE');
    expect((await join(server, ann, peer)).me.role).toBe('candidate');
    expectError(await as(server, bob).post(`/v1/rooms/${peer.id}/join`, { code: peer.code }), 409, 'ROOM_FULL');
    const practice = await createRoom(server, host, { mode: 'practice' });
    expectError(await as(server, ann).post(`/v1/rooms/${practice.id}/join`, { code: practice.code }), 409, 'ROOM_FULL');
  });

  it('lists my rooms newest first with filters and cursor pages', async () => {
    const { server } = cast;
    const me = await person(server, 'Lister');
    const ids: string[] = [];
    for (const mode of ['interview', 'peer', 'practice']) ids.push((await createRoom(server, me, { mode })).id);
    const l = as(server, me);
    const first = await l.get('/v1/rooms?limit=2');
    expect(first.body.items.map((r: any) => r.id)).toEqual([ids[2], ids[1]]);
    expect(first.body.items[0]).toMatchObject({ myRole: 'host', participantCount: 1, problemTitle: null });
    const second = await l.get(`/v1/rooms?limit=2&cursor=${encodeURIComponent(first.body.nextCursor)}`);
    expect(second.body).toEqual({ items: [expect.objectContaining({ id: ids[0] })], nextCursor: null });
    expect((await l.get('/v1/rooms?mode=peer')).body.items.map((r: any) => r.id)).toEqual([ids[1]]);
    expect((await l.get('/v1/rooms?status=finished')).body.items).toEqual([]);
    expectError(await l.get('/v1/rooms?cursor=bogus'), 400, 'VALIDATION_FAILED');
  });

  it('leave closes the leaver’s sockets with 1000, broadcasts participant-left, and a free seat is rejoined without a code', async () => {
    const { server, host, ann } = cast;
    const room = await createRoom(server, host, { mode: 'interview' });
    const hostClient = await connectSynced(await join(server, host, room));
    const annClient = await connectSynced(await join(server, ann, room));
    try {
      expect((await as(server, ann).post(`/v1/rooms/${room.id}/leave`)).status).toBe(204);
      await pollUntil(() => annClient.closes, (c) => c.includes(CloseCode.NORMAL.code), { what: 'close 1000' });
      await pollUntil(() => hostClient.eventsOf('participant-left'), (e) => e.some((x) => x.userId === ann.id), { what: 'participant-left' });
      const list = await as(server, host).get(`/v1/rooms/${room.id}/participants?includeLeft=true`);
      expect(list.body.items.map((p: any) => [p.userId, p.state])).toEqual([
        [host.id, 'active'],
        [ann.id, 'left'],
      ]);
      expect((await as(server, host).get(`/v1/rooms/${room.id}/participants`)).body.items).toHaveLength(1);
      expectError(await as(server, ann).get(`/v1/rooms/${room.id}`), 403, 'ROOM_FORBIDDEN');
      const back = await as(server, ann).post(`/v1/rooms/${room.id}/join`, {});
      expect(back.status).toBe(200);
      expect(back.body.me).toMatchObject({ role: 'candidate', state: 'active', leftAt: null });
      // A fresh token works on /collab again after the leave (handshake check 6b).
      const again = await connectSynced(back.body);
      again.destroy();
    } finally {
      hostClient.destroy();
      annClient.destroy();
    }
  });

  it('destroy: host only, room-closed then 4003 on every socket, idempotent, ROOM_CLOSED afterwards', async () => {
    const { server, host, ann } = cast;
    const room = await createRoom(server, host, { mode: 'interview' });
    const annJoin = await join(server, ann, room);
    const code = await connectSynced(annJoin, 'code');
    const board = await connectSynced(annJoin, 'whiteboard');
    try {
      expectError(await as(server, ann).delete(`/v1/rooms/${room.id}`), 403, 'ROOM_FORBIDDEN');
      expect((await as(server, host).delete(`/v1/rooms/${room.id}`)).status).toBe(204);
      for (const c of [code, board]) {
        await pollUntil(() => c.closes, (x) => x.includes(CloseCode.ROOM_CLOSED.code), { what: 'close 4003' });
        expect(c.eventsOf('room-closed')).toEqual([expect.objectContaining({ reason: 'destroyed' })]);
      }
      expect((await as(server, host).delete(`/v1/rooms/${room.id}`)).status).toBe(204);
      const detail = await as(server, host).get(`/v1/rooms/${room.id}`);
      expect(detail.body).toMatchObject({ status: 'finished', timer: null });
      expect(detail.body.finishedAt).not.toBeNull();
      expectError(await as(server, host).post(`/v1/rooms/${room.id}/control/lock`), 409, 'ROOM_CLOSED');
      expectError(await as(server, ann).post(`/v1/rooms/${room.id}/leave`), 409, 'ROOM_CLOSED');
    } finally {
      code.destroy();
      board.destroy();
    }
  });

  it('auto-finishes once every participant has left or was kicked', async () => {
    const { server, host, ann } = cast;
    const room = await createRoom(server, host, { mode: 'interview' });
    await join(server, ann, room);
    expect((await as(server, host).delete(`/v1/rooms/${room.id}/participants/${ann.id}`)).status).toBe(204);
    expect((await as(server, host).get(`/v1/rooms/${room.id}`)).body.status).toBe('waiting');
    expect((await as(server, host).post(`/v1/rooms/${room.id}/leave`)).status).toBe(204);
    const rejoin = await as(server, host).post(`/v1/rooms/${room.id}/join`, {});
    expectError(rejoin, 409, 'ROOM_CLOSED');
  });
});
