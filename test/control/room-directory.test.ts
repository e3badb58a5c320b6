// The user, problem and admin endpoints that reach into rooms (RoomDirectory) against a real server with
// the in-process collab plane: active room, account deletion leaving rooms, bans kicking, training stats
// sessions, PROBLEM_IN_USE, admin room list and force close, and the 503 routes' room check.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server.ts';
import { ADMIN, call, loginAdmin } from './api.ts';
import { as, createRoom, join, people, problemBySlug } from './rooms/room-fixture.ts';

describe('rooms seen from users, problems and admin', () => {
  let server: TestServer;
  let admin: Awaited<ReturnType<typeof loginAdmin>>;
  const asAdmin = (method: string, path: string, body?: unknown) => call(server, method, path, { token: admin.accessToken, body });
  beforeAll(async () => {
    server = await startTestServer({ rateLimits: false, webRoot: null, adminEmail: ADMIN.email, adminPassword: ADMIN.password });
    admin = await loginAdmin(server);
  });
  afterAll(() => server.stop());

  it('reports the active room until the caller leaves', async () => {
    const [host, guest] = await people(server, ['Host A', 'Guest A']);
    expect((await as(server, guest).get('/v1/users/me/active-room')).body).toEqual({ room: null });
    const room = await createRoom(server, host, { mode: 'interview', name: 'Active' });
    await join(server, guest, room);
    const active = await as(server, guest).get('/v1/users/me/active-room');
    expect(active.body.room).toMatchObject({ id: room.id, name: 'Active', myRole: 'candidate', status: 'waiting' });
    expect((await as(server, guest).post(`/v1/rooms/${room.id}/leave`)).status).toBe(204);
    expect((await as(server, guest).get('/v1/users/me/active-room')).body).toEqual({ room: null });
    expect((await as(server, host).get('/v1/users/me/active-room')).body.room.id).toBe(room.id);
  });

  it('account deletion leaves every open room; a ban kicks from every open room', async () => {
    const [host, leaver, banned] = await people(server, ['Host B', 'Leaver B', 'Banned B']);
    const room = await createRoom(server, host, { mode: 'interview' });
    await join(server, leaver, room);
    await join(server, banned, room, 'spectator');
    expect((await as(server, leaver).delete('/v1/users/me', { password: 'correct horse battery' })).status).toBe(204);
    expect((await asAdmin('PATCH', `/v1/admin/users/${banned.id}`, { banned: true, banReason: 'spam' })).status).toBe(200);
    const all = await as(server, host).get(`/v1/rooms/${room.id}/participants?includeLeft=true`);
    const state = Object.fromEntries(all.body.items.map((p: any) => [p.userId, p.state]));
    expect(state).toEqual({ [host.id]: 'active', [leaver.id]: 'left' });
    // The ban kicked the spectator: once unbanned, rejoining is refused as for any kicked participant.
    await asAdmin('PATCH', `/v1/admin/users/${banned.id}`, { banned: false });
    const rejoin = await as(server, banned).post(`/v1/rooms/${room.id}/join`, { code: room.code });
    expect(rejoin.body.code).toBe('ROOM_KICKED');
  });

  it('refuses to delete a problem selected in an open room, allows it once the room finished', async () => {
    const created = await asAdmin('POST', '/v1/problems', {
      slug: 'in-use-check', title: 'In use', difficulty: 'easy', description: 'x', tags: [], languages: ['python'],
      testCases: [{ input: '', expectedOutput: '\n', hidden: false }],
    });
    const [host] = await people(server, ['Host C']);
    const room = await createRoom(server, host, { mode: 'practice', problemId: created.body.id, language: 'python' });
    const refused = await asAdmin('DELETE', `/v1/problems/${created.body.id}`);
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('PROBLEM_IN_USE');
    expect((await as(server, host).delete(`/v1/rooms/${room.id}`)).status).toBe(204);
    expect((await asAdmin('DELETE', `/v1/problems/${created.body.id}`)).status).toBe(204);
  });

  it('counts finished sessions in training stats and the public profile', async () => {
    const [solo, viewer] = await people(server, ['Solo D', 'Viewer D']);
    const twoSum = await problemBySlug(server, solo, 'two-sum');
    const room = await createRoom(server, solo, { mode: 'practice', problemId: twoSum.id, language: 'python' });
    expect((await as(server, solo).post(`/v1/rooms/${room.id}/control/phase`, { to: 'coding' })).status).toBe(200);
    expect((await as(server, solo).post(`/v1/rooms/${room.id}/control/phase`, { to: 'finished' })).status).toBe(200);
    const stats = await as(server, solo).get('/v1/users/me/stats');
    expect(stats.body.points.at(-1)).toMatchObject({ sessions: 1, averageScore: null });
    expect(stats.body.points.reduce((n: number, p: any) => n + p.sessions, 0)).toBe(1);
    const profile = await as(server, viewer).get(`/v1/users/${solo.id}`);
    expect(profile.body.stats.sessionsCompleted).toBe(1);
  });

  it('lists rooms for admins newest first, force-closes them once, and audits it', async () => {
    const [host] = await people(server, ['Host E']);
    const first = await createRoom(server, host, { mode: 'interview', name: 'Older' });
    const second = await createRoom(server, host, { mode: 'peer', name: 'Newer' });
    const listed = await asAdmin('GET', '/v1/admin/rooms?status=waiting&limit=100');
    const ids = listed.body.items.map((r: any) => r.id);
    expect(ids.indexOf(second.id)).toBeLessThan(ids.indexOf(first.id));
    expect(listed.body.items.find((r: any) => r.id === first.id)).toMatchObject({ name: 'Older', hostId: host.id, hostName: 'Host E', participantCount: 1 });
    expect((await asAdmin('GET', '/v1/admin/rooms?mode=peer&limit=100')).body.items.every((r: any) => r.mode === 'peer')).toBe(true);
    const p1 = await asAdmin('GET', '/v1/admin/rooms?limit=1');
    const p2 = await asAdmin('GET', `/v1/admin/rooms?limit=1&cursor=${encodeURIComponent(p1.body.nextCursor)}`);
    expect(p2.body.items[0].id).not.toBe(p1.body.items[0].id);

    expect((await asAdmin('POST', `/v1/admin/rooms/${first.id}/close`, {})).body.code).toBe('VALIDATION_FAILED');
    expect((await asAdmin('POST', `/v1/admin/rooms/${first.id}/close`, { reason: 'abuse report' })).status).toBe(204);
    expect((await as(server, host).get(`/v1/rooms/${first.id}`)).body.status).toBe('finished');
    expect((await asAdmin('POST', `/v1/admin/rooms/${first.id}/close`, { reason: 'again' })).body.code).toBe('ROOM_CLOSED');
    const audit = await asAdmin('GET', `/v1/admin/audit-logs?action=admin.room-closed&targetId=${first.id}`);
    expect(audit.body.items).toHaveLength(1);
    const dashboard = await asAdmin('GET', '/v1/admin/stats');
    expect(dashboard.body.rooms.byStatus.finished).toBeGreaterThanOrEqual(1);
    expect(dashboard.body.rooms.createdLast24h).toBeGreaterThanOrEqual(2);
    expect(dashboard.body.collab.documents).toEqual(expect.any(Number));
  });

  it('answers the unconfigured areas with 503 for a real room and 404 for an unknown one', async () => {
    const [host] = await people(server, ['Host F']);
    const room = await createRoom(server, host, { mode: 'interview' });
    const cases: [string, string, string][] = [
      ['POST', `/v1/rooms/${room.id}/ai/hints`, 'AI_UNAVAILABLE'],
      ['GET', `/v1/rooms/${room.id}/ai/weaknesses`, 'AI_UNAVAILABLE'],
      ['POST', `/v1/rooms/${room.id}/media/recording/start`, 'ROOM_MEDIA_UNAVAILABLE'],
      ['POST', '/v1/matchmaking/queue', 'MATCH_UNAVAILABLE'],
      ['GET', '/v1/matchmaking/status', 'MATCH_UNAVAILABLE'],
    ];
    for (const [method, path, code] of cases) {
      const res = await call(server, method, path, { token: host.token, body: method === 'POST' ? {} : undefined });
      expect(res.status, path).toBe(503);
      expect(res.body.code).toBe(code);
    }
    const unknown = await call(server, 'POST', '/v1/rooms/00000000-0000-4000-8000-000000000000/ai/hints', { token: host.token, body: {} });
    expect(unknown.body.code).toBe('ROOM_NOT_FOUND');
    expect((await call(server, 'POST', `/v1/rooms/${room.id}/ai/hints`, { body: {} })).status).toBe(401);
  });
});
