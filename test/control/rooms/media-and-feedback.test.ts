// The room media token (LiveKit grants signed locally; no LiveKit server is contacted) and peer feedback,
// including the 7-day window after the finish (the finish is moved back in the server's real database).
import { jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { zMediaToken, zPeerFeedbackEntry } from '../../../server/protocol/api/rooms.ts';
import { openServerDatabase } from '../../../server/storage/sql/index.ts';
import { ADMIN, loginAdmin } from '../api.ts';
import { as, createRoom, expectError, inProcess, join, people, type Person, type RoomServer } from './room-fixture.ts';

const LIVEKIT = { url: 'wss://livekit.example.test', apiKey: 'APIkey123', apiSecret: 'livekit-test-secret-0123456789abcdef0123' };
const RATINGS = { problemSolving: 4, communication: 5, codeQuality: 3, overall: 4 };

describe('media token', () => {
  let server: RoomServer;
  let bare: RoomServer;

  beforeAll(async () => {
    [server, bare] = await Promise.all([inProcess.start({ livekit: LIVEKIT }), inProcess.start()]);
  });
  afterAll(async () => {
    await Promise.all([server?.stop(), bare?.stop()]);
  });

  it('grants publish to participants and subscribe-only to spectators, for room = roomId and identity = userId', async () => {
    const [host, ann, bob] = await people(server, ['Hana', 'Ann', 'Bob'] as const);
    const room = await createRoom(server, host, { mode: 'interview' });
    await join(server, ann, room);
    await join(server, bob, room);
    const key = new TextEncoder().encode(LIVEKIT.apiSecret);
    for (const [who, canPublish] of [
      [ann, true],
      [bob, false],
    ] as const) {
      const res = await as(server, who).post(`/v1/rooms/${room.id}/media/token`);
      expect(res.status).toBe(200);
      expect(zMediaToken.parse(res.body)).toMatchObject({ url: LIVEKIT.url, roomName: room.id, identity: who.id, canPublish });
      const { payload } = await jwtVerify(res.body.token, key);
      expect(payload).toMatchObject({ iss: LIVEKIT.apiKey, sub: who.id, video: { room: room.id, roomJoin: true, canPublish, canSubscribe: true } });
    }
    await as(server, host).delete(`/v1/rooms/${room.id}`);
    expectError(await as(server, host).post(`/v1/rooms/${room.id}/media/token`), 409, 'ROOM_CLOSED');
  });

  it('answers 503 ROOM_MEDIA_UNAVAILABLE without LiveKit', async () => {
    const [host] = await people(bare, ['Hana'] as const);
    const room = await createRoom(bare, host, { mode: 'interview' });
    expectError(await as(bare, host).post(`/v1/rooms/${room.id}/media/token`), 503, 'ROOM_MEDIA_UNAVAILABLE');
  });
});

describe('peer feedback', () => {
  let server: RoomServer;
  let host: Person;
  let ivan: Person;
  let ann: Person;
  let bob: Person;
  let admin: { token: string };

  beforeAll(async () => {
    server = await inProcess.start({ adminEmail: ADMIN.email, adminPassword: ADMIN.password });
    [host, ivan, ann, bob] = await people(server, ['Hana', 'Ivan', 'Ann', 'Bob'] as const);
    admin = { token: (await loginAdmin(server)).accessToken };
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('is taken in wrapup and for 7 days after the finish, once per author and target, never about spectators or oneself', async () => {
    const room = await createRoom(server, host, { mode: 'interview' });
    await join(server, ann, room);
    await join(server, ivan, room);
    await join(server, bob, room);
    await as(server, host).patch(`/v1/rooms/${room.id}/participants/${ivan.id}`, { role: 'interviewer' });
    const R = `/v1/rooms/${room.id}`;
    const early = await as(server, host).post(`${R}/feedback`, { targetUserId: ann.id, ratings: RATINGS });
    expectError(early, 409, 'ROOM_INVALID_PHASE');
    expect(early.body.details).toEqual({ phase: 'waiting', allowed: ['wrapup', 'finished'] });
    await as(server, host).post(`${R}/control/phase`, { to: 'wrapup' });

    const first = await as(server, host).post(`${R}/feedback`, { targetUserId: ann.id, ratings: RATINGS, comment: 'Clear thinking' });
    expect(first.status).toBe(201);
    expect(zPeerFeedbackEntry.parse(first.body)).toMatchObject({ authorId: host.id, authorName: 'Hana', targetUserId: ann.id, comment: 'Clear thinking' });
    expectError(await as(server, host).post(`${R}/feedback`, { targetUserId: ann.id, ratings: RATINGS }), 409, 'ROOM_FEEDBACK_EXISTS');
    for (const target of [host.id, bob.id, crypto.randomUUID()]) {
      expectError(await as(server, host).post(`${R}/feedback`, { targetUserId: target, ratings: RATINGS }), 400, 'ROOM_FEEDBACK_INVALID_TARGET');
    }
    expectError(await as(server, host).post(`${R}/feedback`, { targetUserId: ann.id, ratings: { ...RATINGS, overall: 6 } }), 400, 'VALIDATION_FAILED');
    expectError(await as(server, bob).post(`${R}/feedback`, { targetUserId: ann.id, ratings: RATINGS }), 403, 'ROOM_FORBIDDEN');

    // Ann leaves, the room finishes; as a non-spectator participant at the finish she may still give feedback.
    await as(server, ann).post(`${R}/leave`);
    await as(server, host).post(`${R}/control/phase`, { to: 'finished' });
    const late = await as(server, ann).post(`${R}/feedback`, { targetUserId: host.id, ratings: RATINGS });
    expect(late.status).toBe(201);
    expectError(await as(server, bob).post(`${R}/feedback`, { targetUserId: host.id, ratings: RATINGS }), 403, 'ROOM_FORBIDDEN');

    const all = await as(server, admin).get(`${R}/feedback`);
    expect(all.body.items.map((f: any) => f.authorId)).toEqual([host.id, ann.id]);
    expect((await as(server, ivan).get(`${R}/feedback`)).body.items).toHaveLength(2);
    expect((await as(server, host).get(`${R}/feedback/mine`)).body.items.map((f: any) => f.targetUserId)).toEqual([ann.id]);

    const db = openServerDatabase(server.databaseUrl, server.dataDir, 'syncode.sqlite');
    try {
      await db.run('UPDATE rooms SET finished_at = ? WHERE id = ?', [Date.now() - 8 * 24 * 60 * 60 * 1000, room.id]);
    } finally {
      await db.close();
    }
    expectError(await as(server, ivan).post(`${R}/feedback`, { targetUserId: ann.id, ratings: RATINGS }), 409, 'ROOM_CLOSED');
  });

  it('keeps a scorecard recommendation when one is given, null otherwise, and refuses an unknown one', async () => {
    const room = await createRoom(server, host, { mode: 'interview' });
    await join(server, ann, room);
    await join(server, ivan, room);
    await as(server, host).patch(`/v1/rooms/${room.id}/participants/${ivan.id}`, { role: 'interviewer' });
    const R = `/v1/rooms/${room.id}`;
    await as(server, host).post(`${R}/control/phase`, { to: 'wrapup' });
    expectError(await as(server, host).post(`${R}/feedback`, { targetUserId: ann.id, ratings: RATINGS, recommendation: 'maybe' }), 400, 'VALIDATION_FAILED');
    const scorecard = await as(server, host).post(`${R}/feedback`, { targetUserId: ann.id, ratings: RATINGS, comment: 'Tested edge cases', recommendation: 'strong-yes' });
    expect(scorecard.status).toBe(201);
    expect(zPeerFeedbackEntry.parse(scorecard.body).recommendation).toBe('strong-yes');
    await as(server, ivan).post(`${R}/feedback`, { targetUserId: ann.id, ratings: RATINGS });
    await as(server, host).post(`${R}/control/phase`, { to: 'finished' });
    const seen = (await as(server, host).get(`/v1/sessions/${room.id}/feedback`)).body.items.map((f: any) => [f.authorId, f.recommendation]);
    expect(seen).toEqual([[host.id, 'strong-yes'], [ivan.id, null]]);
  });
});
