// /v1/users: profile read/update, soft delete, public profiles, avatar (503 without storage), quotas,
// active room and training stats bucketing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server.ts';
import { ADMIN, call, loginAdmin, registerUser } from './api.ts';

describe('users', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ rateLimits: false, adminEmail: ADMIN.email, adminPassword: ADMIN.password });
  });
  afterAll(() => server.stop());

  it('updates the profile; unknown fields are ignored and invalid ones reported', async () => {
    const u = await registerUser(server, 'Profile');
    const res = await call(server, 'PATCH', '/v1/users/me', {
      token: u.accessToken,
      body: { displayName: '  Renamed ', bio: 'Hello', preferredLanguage: 'go', role: 'admin' },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ displayName: 'Renamed', bio: 'Hello', preferredLanguage: 'go', role: 'user' });
    expect(Date.parse(res.body.updatedAt)).toBeGreaterThanOrEqual(Date.parse(res.body.createdAt));
    const cleared = await call(server, 'PATCH', '/v1/users/me', { token: u.accessToken, body: { bio: null, preferredLanguage: null } });
    expect(cleared.body).toMatchObject({ bio: null, preferredLanguage: null, displayName: 'Renamed' });
    const bad = await call(server, 'PATCH', '/v1/users/me', {
      token: u.accessToken,
      body: { displayName: '', bio: 'x'.repeat(501), preferredLanguage: 'cobol', avatarUrl: 'not a url' },
    });
    expect(bad.status).toBe(400);
    expect((bad.body.details.fields as { path: string }[]).map((f) => f.path).sort()).toEqual(['avatarUrl', 'bio', 'displayName', 'preferredLanguage']);
    // Only URLs from the avatar upload are accepted, and this server has no upload storage.
    const foreign = await call(server, 'PATCH', '/v1/users/me', { token: u.accessToken, body: { avatarUrl: 'https://example.com/a.png' } });
    expect(foreign.body.details.fields).toEqual([expect.objectContaining({ path: 'avatarUrl' })]);
    expect((await call(server, 'PATCH', '/v1/users/me', { token: u.accessToken, body: { avatarUrl: null } })).status).toBe(200);
  });

  it('answers the avatar upload with 503 after validating the request', async () => {
    const u = await registerUser(server, 'Avatar');
    const invalid = await call(server, 'POST', '/v1/users/me/avatar', { token: u.accessToken, body: { contentType: 'image/gif', sizeBytes: 0 } });
    expect(invalid.status).toBe(400);
    const res = await call(server, 'POST', '/v1/users/me/avatar', { token: u.accessToken, body: { contentType: 'image/png', sizeBytes: 1000 } });
    expect(res.status).toBe(503);
    expect(res.body.code).toBe('ROOM_MEDIA_UNAVAILABLE');
  });

  it('soft-deletes an account: wrong password refused, tokens refused after, email stays reserved', async () => {
    const u = await registerUser(server, 'Leaver');
    const wrong = await call(server, 'DELETE', '/v1/users/me', { token: u.accessToken, body: { password: 'not it at all' } });
    expect(wrong.status).toBe(403);
    expect(wrong.body.code).toBe('AUTH_WRONG_PASSWORD');
    expect((await call(server, 'DELETE', '/v1/users/me', { token: u.accessToken, body: { password: 'correct horse battery' } })).status).toBe(204);
    expect((await call(server, 'GET', '/v1/users/me', { token: u.accessToken })).body.code).toBe('AUTH_UNAUTHENTICATED');
    expect((await call(server, 'POST', '/v1/auth/refresh', { body: { refreshToken: u.refreshToken } })).body.code).toBe('AUTH_REFRESH_INVALID');
    const again = await call(server, 'POST', '/v1/auth/register', { body: { email: u.user.email, password: 'another password', displayName: 'Again' } });
    expect(again.body.code).toBe('AUTH_EMAIL_TAKEN');
    const other = await registerUser(server, 'Viewer');
    expect((await call(server, 'GET', `/v1/users/${u.user.id}`, { token: other.accessToken })).body.code).toBe('USER_NOT_FOUND');
    const admin = await loginAdmin(server);
    const audit = await call(server, 'GET', `/v1/admin/audit-logs?action=user.deleted&actorId=${u.user.id}`, { token: admin.accessToken });
    expect(audit.body.items).toHaveLength(1);
  });

  it('shows public profiles; unknown, malformed and (to non-admins) banned users are not found', async () => {
    const a = await registerUser(server, 'Alice');
    const b = await registerUser(server, 'Bob');
    await call(server, 'PATCH', '/v1/users/me', { token: a.accessToken, body: { bio: 'Hi' } });
    const res = await call(server, 'GET', `/v1/users/${a.user.id}`, { token: b.accessToken });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      id: a.user.id,
      displayName: 'Alice',
      avatarUrl: null,
      bio: 'Hi',
      createdAt: expect.any(String),
      stats: { sessionsCompleted: 0, problemsSolved: 0 },
    });
    expect(res.body.email).toBeUndefined();
    for (const id of ['00000000-0000-4000-8000-000000000000', 'me-not', 'ABC']) {
      expect((await call(server, 'GET', `/v1/users/${id}`, { token: b.accessToken })).body.code).toBe('USER_NOT_FOUND');
    }
    const admin = await loginAdmin(server);
    await call(server, 'PATCH', `/v1/admin/users/${a.user.id}`, { token: admin.accessToken, body: { banned: true, banReason: 'spam' } });
    expect((await call(server, 'GET', `/v1/users/${a.user.id}`, { token: b.accessToken })).body.code).toBe('USER_NOT_FOUND');
    expect((await call(server, 'GET', `/v1/users/${a.user.id}`, { token: admin.accessToken })).status).toBe(200);
  });

  it('reports unlimited quotas, no active room, and training stats with one point per bucket', async () => {
    const u = await registerUser(server, 'Stats');
    const quotas = await call(server, 'GET', '/v1/users/me/quotas', { token: u.accessToken });
    expect(quotas.body).toMatchObject({
      plan: 'free',
      limits: { roomsPerDay: null, runsPerDay: null, submissionsPerDay: null, aiRequestsPerDay: null, recordingMinutesPerMonth: null },
      usage: { runsPerDay: 0, submissionsPerDay: 0 },
    });
    expect(Date.parse(quotas.body.resetsAt)).toBeGreaterThan(Date.now());
    expect((await call(server, 'GET', '/v1/users/me/active-room', { token: u.accessToken })).body).toEqual({ room: null });

    const def = await call(server, 'GET', '/v1/users/me/stats', { token: u.accessToken });
    expect(def.body.bucket).toBe('day');
    expect(Date.parse(def.body.to) - Date.parse(def.body.from)).toBe(30 * 24 * 3600_000);
    expect(def.body.points.length).toBeGreaterThanOrEqual(30);
    expect(def.body.points.length).toBeLessThanOrEqual(31);

    const q = (from: string, to: string, bucket: string) =>
      call(server, 'GET', `/v1/users/me/stats?from=${from}&to=${to}&bucket=${bucket}`, { token: u.accessToken });
    const weeks = await q('2026-03-04T10:00:00.000Z', '2026-03-20T00:00:00.000Z', 'week');
    expect(weeks.body.points.map((p: any) => p.periodStart)).toEqual([
      '2026-03-02T00:00:00.000Z',
      '2026-03-09T00:00:00.000Z',
      '2026-03-16T00:00:00.000Z',
    ]);
    expect(weeks.body.points[0]).toEqual({
      periodStart: '2026-03-02T00:00:00.000Z', sessions: 0, practiceMinutes: 0, runs: 0, submissions: 0, accepted: 0, problemsSolved: 0, averageScore: null,
    });
    const months = await q('2025-11-15T00:00:00Z', '2026-02-01T00:00:00Z', 'month');
    expect(months.body.points.map((p: any) => p.periodStart.slice(0, 7))).toEqual(['2025-11', '2025-12', '2026-01']);
    expect((await q('2026-03-04T00:00:00Z', '2026-03-04T00:00:00Z', 'day')).body.code).toBe('VALIDATION_FAILED');
    expect((await q('2024-01-01T00:00:00Z', '2025-06-01T00:00:00Z', 'day')).body.code).toBe('VALIDATION_FAILED');
    expect((await q('2024-01-01T00:00:00Z', '2025-06-01T00:00:00Z', 'week')).status).toBe(200);
    expect((await q('yesterday', '2025-06-01T00:00:00Z', 'day')).body.details.fields[0].path).toBe('from');
  });
});
