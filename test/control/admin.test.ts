// /v1/admin: dashboard (queue time from the real execution plane), user listing and detail, bans (refused on
// every request, refresh families revoked), role changes, self-modification, rooms, audit log filters.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server.ts';
import { pollUntil } from '../support/poll.ts';
import { ADMIN, call, loginAdmin, registerUser } from './api.ts';
import { as, createRoom, join, people } from './rooms/room-fixture.ts';

describe('admin', () => {
  let server: TestServer;
  let admin: Awaited<ReturnType<typeof loginAdmin>>;
  const asAdmin = (method: string, path: string, body?: unknown) => call(server, method, path, { token: admin.accessToken, body });
  beforeAll(async () => {
    server = await startTestServer({ rateLimits: false, adminEmail: ADMIN.email, adminPassword: ADMIN.password, execution: { workers: 1 } });
    admin = await loginAdmin(server);
  });
  afterAll(() => server.stop());

  it('is forbidden to non-admins on every admin route, before any lookup', async () => {
    const u = await registerUser(server, 'Plain');
    for (const [method, path] of [
      ['GET', '/v1/admin/stats'],
      ['GET', '/v1/admin/users'],
      ['GET', '/v1/admin/users/00000000-0000-4000-8000-000000000000'],
      ['PATCH', `/v1/admin/users/${u.user.id}`],
      ['GET', '/v1/admin/rooms'],
      ['POST', '/v1/admin/rooms/00000000-0000-4000-8000-000000000000/close'],
      ['GET', '/v1/admin/audit-logs'],
    ] as const) {
      const res = await call(server, method, path, { token: u.accessToken, body: method === 'GET' ? undefined : {} });
      expect(res.status, path).toBe(403);
      expect(res.body.code).toBe('ADMIN_FORBIDDEN');
    }
  });

  it('reports the dashboard', async () => {
    const res = await asAdmin('GET', '/v1/admin/stats');
    expect(res.status).toBe(200);
    expect(res.body.users.total).toBeGreaterThanOrEqual(2);
    expect(res.body.users.activeLast24h).toBeGreaterThanOrEqual(1);
    expect(Object.keys(res.body.rooms.byStatus).sort()).toEqual(['coding', 'finished', 'waiting', 'warmup', 'wrapup']);
    // No job has run on this server yet.
    expect(res.body.executions).toEqual({ runsLast24h: 0, submissionsLast24h: 0, averageQueueMs: 0 });
  });

  it("averages the queue time of the real execution plane's jobs", async () => {
    const [host, ann] = await people(server, ['Queue Host', 'Queue Ann'] as const);
    const room = await createRoom(server, host, { mode: 'interview', language: 'python' });
    await join(server, ann, room);
    await as(server, host).post(`/v1/rooms/${room.id}/control/phase`, { to: 'coding' });
    // One worker (see beforeAll): the second run is accepted while the first still sleeps, so it waits.
    const first = await as(server, host).post(`/v1/rooms/${room.id}/run`, { language: 'python', code: 'import time\ntime.sleep(1)' });
    const second = await as(server, ann).post(`/v1/rooms/${room.id}/run`, { language: 'python', code: 'print(1)' });
    for (const job of [first, second]) {
      expect(job.status).toBe(202);
      await pollUntil(async () => (await asAdmin('GET', job.body.pollUrl)).body.status, (s) => s === 'completed', { timeoutMs: 60_000, what: 'run' });
    }
    const stats = await asAdmin('GET', '/v1/admin/stats');
    expect(stats.body.executions.runsLast24h).toBe(2);
    expect(Number.isInteger(stats.body.executions.averageQueueMs)).toBe(true);
    expect(stats.body.executions.averageQueueMs).toBeGreaterThan(0);
  });

  it('lists users newest first with filters and pages', async () => {
    const made = [];
    for (const name of ['Listed One', 'Listed Two', 'Listed Three']) made.push(await registerUser(server, name));
    const all = await asAdmin('GET', '/v1/admin/users?q=listed&limit=100');
    expect(all.body.items.map((e: any) => e.id)).toEqual(made.map((m) => m.user.id).reverse());
    expect(all.body.items[0]).toMatchObject({ role: 'user', banned: false, deletedAt: null, lastLoginAt: null });
    const p1 = await asAdmin('GET', '/v1/admin/users?q=listed&limit=2');
    const p2 = await asAdmin('GET', `/v1/admin/users?q=listed&limit=2&cursor=${encodeURIComponent(p1.body.nextCursor)}`);
    expect([...p1.body.items, ...p2.body.items]).toEqual(all.body.items);
    expect(p2.body.nextCursor).toBeNull();
    const admins = await asAdmin('GET', '/v1/admin/users?role=admin');
    expect(admins.body.items.map((e: any) => e.email)).toEqual([ADMIN.email]);
    const audit = await asAdmin('GET', '/v1/admin/audit-logs?limit=1');
    const foreign = await asAdmin('GET', `/v1/admin/users?cursor=${encodeURIComponent(audit.body.nextCursor)}`);
    expect(foreign.status).toBe(400);
  });

  it('bans a user: every request refused, refresh and login refused, sessions revoked; unban restores login', async () => {
    const u = await registerUser(server, 'Banned');
    const noReason = await asAdmin('PATCH', `/v1/admin/users/${u.user.id}`, { banned: true });
    expect(noReason.body.details.fields[0].path).toBe('banReason');
    const banned = await asAdmin('PATCH', `/v1/admin/users/${u.user.id}`, { banned: true, banReason: 'abuse' });
    expect(banned.status).toBe(200);
    expect(banned.body).toMatchObject({ banned: true, banReason: 'abuse', bannedAt: expect.any(String), sessionCount: 0, activeRoomId: null });
    expect(banned.body.quotas.plan).toBe('free');
    const me = await call(server, 'GET', '/v1/users/me', { token: u.accessToken });
    expect(me.status).toBe(403);
    expect(me.body).toMatchObject({ code: 'AUTH_ACCOUNT_BANNED', details: { reason: 'abuse' } });
    expect((await call(server, 'POST', '/v1/auth/refresh', { body: { refreshToken: u.refreshToken } })).body.code).toBe('AUTH_REFRESH_INVALID');
    const login = await call(server, 'POST', '/v1/auth/login', { body: { email: u.user.email, password: 'correct horse battery' } });
    expect(login.body.code).toBe('AUTH_ACCOUNT_BANNED');
    expect((await asAdmin('GET', '/v1/admin/users?banned=true')).body.items.map((e: any) => e.id)).toContain(u.user.id);

    const lifted = await asAdmin('PATCH', `/v1/admin/users/${u.user.id}`, { banned: false });
    expect(lifted.body).toMatchObject({ banned: false, banReason: null, bannedAt: null });
    expect((await call(server, 'POST', '/v1/auth/login', { body: { email: u.user.email, password: 'correct horse battery' } })).status).toBe(200);
    const detail = await asAdmin('GET', `/v1/admin/users/${u.user.id}`);
    expect(detail.body.recentAudit.map((e: any) => e.action)).toEqual(['auth.login', 'admin.user-updated', 'admin.user-updated']);
  });

  it('changes roles, refuses self-modification and unknown users', async () => {
    const u = await registerUser(server, 'Promoted');
    const promoted = await asAdmin('PATCH', `/v1/admin/users/${u.user.id}`, { role: 'admin' });
    expect(promoted.body.role).toBe('admin');
    // The role is read per request, not from the token: the old token now has admin rights.
    expect((await call(server, 'GET', '/v1/admin/stats', { token: u.accessToken })).status).toBe(200);
    const self = await asAdmin('PATCH', `/v1/admin/users/${admin.user.id}`, { role: 'user' });
    expect(self.status).toBe(409);
    expect(self.body.code).toBe('ADMIN_SELF_MODIFICATION');
    expect((await asAdmin('PATCH', `/v1/admin/users/${admin.user.id}`, { banned: true, banReason: 'x' })).body.code).toBe('ADMIN_SELF_MODIFICATION');
    expect((await asAdmin('PATCH', `/v1/admin/users/${admin.user.id}`, { role: 'admin' })).status).toBe(200);
    expect((await asAdmin('GET', '/v1/admin/users/00000000-0000-4000-8000-000000000000')).body.code).toBe('USER_NOT_FOUND');
    expect((await asAdmin('PATCH', '/v1/admin/users/nope', { role: 'user' })).body.code).toBe('USER_NOT_FOUND');
  });

  it('lists rooms and refuses to close unknown rooms', async () => {
    const rooms = await asAdmin('GET', '/v1/admin/rooms?status=coding');
    expect(rooms.status).toBe(200);
    expect(rooms.body.items).toEqual(expect.any(Array));
    expect((await asAdmin('GET', '/v1/admin/rooms?status=bogus')).status).toBe(400);
    const close = await asAdmin('POST', '/v1/admin/rooms/00000000-0000-4000-8000-000000000000/close', { reason: 'test' });
    expect(close.status).toBe(404);
    expect(close.body.code).toBe('ROOM_NOT_FOUND');
  });

  it('filters the audit log by action, actor and time range, newest first', async () => {
    const since = new Date().toISOString();
    const u = await registerUser(server, 'Audited');
    await call(server, 'POST', '/v1/auth/login', { body: { email: u.user.email, password: 'wrong password' } });
    await call(server, 'POST', '/v1/auth/login', { body: { email: u.user.email, password: 'correct horse battery' } });
    const failed = await asAdmin('GET', `/v1/admin/audit-logs?action=auth.login-failed&targetId=${u.user.id}`);
    expect(failed.body.items).toEqual([
      expect.objectContaining({ action: 'auth.login-failed', actorId: null, actorType: 'system', targetType: 'user', ip: expect.any(String), details: { email: u.user.email } }),
    ]);
    const mine = await asAdmin('GET', `/v1/admin/audit-logs?actorId=${u.user.id}&from=${since}`);
    expect(mine.body.items.map((e: any) => e.action)).toEqual(['auth.login']);
    const none = await asAdmin('GET', `/v1/admin/audit-logs?actorId=${u.user.id}&to=${since}`);
    expect(none.body.items).toEqual([]);
    const at = mine.body.items[0].at;
    expect(at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  });
});
