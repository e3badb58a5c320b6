// Authentication and /v1/auth against a real server: registration, login, refresh rotation with reuse detection and
// family revocation, logout, password change and reset, and the bearer checks every route shares.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SignJWT } from 'jose';
import { startTestServer, type TestServer } from '../support/test-server.ts';
import { pollUntil } from '../support/poll.ts';
import { RESET_EMAILS_PER_HOUR } from '../../server/control/auth/auth-service.ts';
import { ADMIN, call, loginAdmin, registerUser } from './api.ts';

const JWT_SECRET = 'test-secret-for-auth-tests-0123456789abcdef';
const PASSWORD = 'correct horse battery';

/** Stands in for an SMTP server (password-reset-email.test.ts sends to a real one): records reset emails. */
const sent: { to: string; token: string; expiresAt: string }[] = [];

describe('auth', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({
      rateLimits: false,
      jwtSecret: JWT_SECRET,
      adminEmail: ADMIN.email,
      adminPassword: ADMIN.password,
      mailer: { sendPasswordReset: async (m) => void sent.push(m) },
    });
  });
  afterAll(() => server.stop());

  it('registers with a normalized email and returns AuthTokens (201)', async () => {
    const res = await call(server, 'POST', '/v1/auth/register', {
      body: { email: '  Mixed.Case@Example.COM ', password: PASSWORD, displayName: 'Mixed', extra: 'ignored' },
    });
    expect(res.status).toBe(201);
    expect(res.body.user).toMatchObject({ email: 'mixed.case@example.com', displayName: 'Mixed', role: 'user', avatarUrl: null, bio: null });
    expect(res.body.refreshToken).toMatch(/^[A-Za-z0-9_-]{43,}$/);
    expect(Date.parse(res.body.accessTokenExpiresAt) - Date.now()).toBeGreaterThan(14 * 60_000);
    expect(Date.parse(res.body.refreshTokenExpiresAt) - Date.now()).toBeGreaterThan(29 * 24 * 3600_000);
    expect(res.body.accessTokenExpiresAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    const me = await call(server, 'GET', '/v1/users/me', { token: res.body.accessToken });
    expect(me.body.id).toBe(res.body.user.id);

    const again = await call(server, 'POST', '/v1/auth/register', { body: { email: 'MIXED.case@example.com', password: PASSWORD, displayName: 'X' } });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('AUTH_EMAIL_TAKEN');
  });

  it('rejects invalid registrations with one field entry per violation', async () => {
    const res = await call(server, 'POST', '/v1/auth/register', { body: { email: 'not-an-email', password: 'short', displayName: '' } });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    const paths = (res.body.details.fields as { path: string }[]).map((f) => f.path).sort();
    expect(paths).toEqual(['displayName', 'email', 'password']);
  });

  it('logs in; wrong password, unknown and deleted accounts are indistinguishable', async () => {
    const u = await registerUser(server, 'Login');
    const ok = await call(server, 'POST', '/v1/auth/login', { body: { email: ` ${u.user.email.toUpperCase()} `, password: PASSWORD } });
    expect(ok.status).toBe(200);
    expect(ok.body.user.id).toBe(u.user.id);

    const wrong = await call(server, 'POST', '/v1/auth/login', { body: { email: u.user.email, password: 'wrong password' } });
    const unknown = await call(server, 'POST', '/v1/auth/login', { body: { email: 'nobody@example.com', password: PASSWORD } });
    const del = await call(server, 'DELETE', '/v1/users/me', { token: ok.body.accessToken, body: { password: PASSWORD } });
    expect(del.status).toBe(204);
    const deleted = await call(server, 'POST', '/v1/auth/login', { body: { email: u.user.email, password: PASSWORD } });
    for (const r of [wrong, unknown, deleted]) {
      expect(r.status).toBe(401);
      expect(r.body.code).toBe('AUTH_INVALID_CREDENTIALS');
      expect(r.body.message).toBe(wrong.body.message);
    }
  });

  it('rotates refresh tokens in one family and detects reuse by revoking the family', async () => {
    const u = await registerUser(server, 'Rotate');
    const first = await call(server, 'POST', '/v1/auth/refresh', { body: { refreshToken: u.refreshToken } });
    expect(first.status).toBe(200);
    expect(first.body.refreshToken).not.toBe(u.refreshToken);
    const second = await call(server, 'POST', '/v1/auth/refresh', { body: { refreshToken: first.body.refreshToken } });
    expect(second.status).toBe(200);

    // Replaying the consumed original: reuse → the whole family (including the newest token) is revoked.
    const reused = await call(server, 'POST', '/v1/auth/refresh', { body: { refreshToken: u.refreshToken } });
    expect(reused.status).toBe(401);
    expect(reused.body.code).toBe('AUTH_REFRESH_REUSED');
    const newest = await call(server, 'POST', '/v1/auth/refresh', { body: { refreshToken: second.body.refreshToken } });
    expect(newest.status).toBe(401);
    expect(newest.body.code).toBe('AUTH_REFRESH_INVALID');

    // A separate login is another family and is unaffected.
    const other = await call(server, 'POST', '/v1/auth/login', { body: { email: u.user.email, password: PASSWORD } });
    expect((await call(server, 'POST', '/v1/auth/refresh', { body: { refreshToken: other.body.refreshToken } })).status).toBe(200);

    const admin = await loginAdmin(server);
    const audit = await call(server, 'GET', `/v1/admin/audit-logs?action=auth.refresh-reuse&targetId=${u.user.id}`, { token: admin.accessToken });
    expect(audit.body.items).toHaveLength(1);
    expect(audit.body.items[0]).toMatchObject({ actorId: null, actorType: 'system', targetType: 'user', targetId: u.user.id });

    const unknown = await call(server, 'POST', '/v1/auth/refresh', { body: { refreshToken: 'x'.repeat(43) } });
    expect(unknown.body.code).toBe('AUTH_REFRESH_INVALID');
  });

  it('logout revokes the family and answers 204 for unknown tokens too', async () => {
    const u = await registerUser(server, 'Logout');
    expect((await call(server, 'POST', '/v1/auth/logout', { body: { refreshToken: u.refreshToken } })).status).toBe(204);
    expect((await call(server, 'POST', '/v1/auth/logout', { body: { refreshToken: u.refreshToken } })).status).toBe(204);
    expect((await call(server, 'POST', '/v1/auth/logout', { body: { refreshToken: 'unknown' } })).status).toBe(204);
    const after = await call(server, 'POST', '/v1/auth/refresh', { body: { refreshToken: u.refreshToken } });
    expect(after.body.code).toBe('AUTH_REFRESH_INVALID');
  });

  it('changes the password: wrong current password is 403, old families are revoked', async () => {
    const u = await registerUser(server, 'Change');
    const wrong = await call(server, 'POST', '/v1/auth/change-password', { token: u.accessToken, body: { currentPassword: 'nope nope', newPassword: 'brand new password' } });
    expect(wrong.status).toBe(403);
    expect(wrong.body.code).toBe('AUTH_WRONG_PASSWORD');
    const ok = await call(server, 'POST', '/v1/auth/change-password', { token: u.accessToken, body: { currentPassword: PASSWORD, newPassword: 'brand new password' } });
    expect(ok.status).toBe(200);
    expect((await call(server, 'POST', '/v1/auth/refresh', { body: { refreshToken: u.refreshToken } })).body.code).toBe('AUTH_REFRESH_INVALID');
    expect((await call(server, 'POST', '/v1/auth/refresh', { body: { refreshToken: ok.body.refreshToken } })).status).toBe(200);
    expect((await call(server, 'POST', '/v1/auth/login', { body: { email: u.user.email, password: PASSWORD } })).status).toBe(401);
    expect((await call(server, 'POST', '/v1/auth/login', { body: { email: u.user.email, password: 'brand new password' } })).status).toBe(200);
  });

  it('resets a forgotten password with a single-use token; the request answers identically for unknown emails', async () => {
    const u = await registerUser(server, 'Forgot');
    const known = await call(server, 'POST', '/v1/auth/forgot-password', { body: { email: u.user.email } });
    const unknown = await call(server, 'POST', '/v1/auth/forgot-password', { body: { email: 'ghost@example.com' } });
    expect(known.status).toBe(202);
    expect(unknown.status).toBe(202);
    expect(known.body).toEqual({});
    expect(unknown.body).toEqual({});
    const mail = (await pollUntil(() => sent.find((m) => m.to === u.user.email), (m) => m !== undefined, { what: 'the reset email' }))!;
    expect(sent.some((m) => m.to === 'ghost@example.com')).toBe(false);
    expect(Date.parse(mail.expiresAt) - Date.now()).toBeLessThanOrEqual(3600_000);

    const bad = await call(server, 'POST', '/v1/auth/reset-password', { body: { token: 'not-a-token', newPassword: 'reset password 1' } });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('AUTH_RESET_TOKEN_INVALID');
    const ok = await call(server, 'POST', '/v1/auth/reset-password', { body: { token: mail.token, newPassword: 'reset password 1' } });
    expect(ok.status).toBe(204);
    const reused = await call(server, 'POST', '/v1/auth/reset-password', { body: { token: mail.token, newPassword: 'reset password 2' } });
    expect(reused.body.code).toBe('AUTH_RESET_TOKEN_INVALID');
    expect((await call(server, 'POST', '/v1/auth/refresh', { body: { refreshToken: u.refreshToken } })).body.code).toBe('AUTH_REFRESH_INVALID');
    expect((await call(server, 'POST', '/v1/auth/login', { body: { email: u.user.email, password: 'reset password 1' } })).status).toBe(200);
  });

  it(`sends one account at most ${RESET_EMAILS_PER_HOUR} reset emails an hour, and answers every request the same`, async () => {
    const u = await registerUser(server, 'Flooded');
    const other = await registerUser(server, 'Neighbour');
    const ask = (email: string) => call(server, 'POST', '/v1/auth/forgot-password', { body: { email } });
    for (let i = 0; i < RESET_EMAILS_PER_HOUR + 2; i++) expect((await ask(u.user.email)).status).toBe(202);
    // Sending starts before the request is answered: after the answers, every email that will go has been handed over.
    expect(sent.filter((m) => m.to === u.user.email)).toHaveLength(RESET_EMAILS_PER_HOUR);
    // Another account is not held back by it, and the links already sent still work.
    expect((await ask(other.user.email)).status).toBe(202);
    expect(sent.filter((m) => m.to === other.user.email)).toHaveLength(1);
    const first = sent.find((m) => m.to === u.user.email)!;
    expect((await call(server, 'POST', '/v1/auth/reset-password', { body: { token: first.token, newPassword: 'flood survivor 1' } })).status).toBe(204);
  });

  it('refuses missing, malformed, expired, wrongly typed and collab bearer tokens', async () => {
    const u = await registerUser(server, 'Bearer');
    const key = new TextEncoder().encode(JWT_SECRET);
    const now = Math.floor(Date.now() / 1000);
    const sign = (claims: Record<string, unknown>, exp: number, secret = key) =>
      new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).setSubject(u.user.id).setIssuedAt(now - 1000).setExpirationTime(exp).sign(secret);
    const expired = await sign({ role: 'user', typ: 'access', jti: 'x' }, now - 10);
    const collab = await sign({ roomId: u.user.id, role: 'host', name: 'B', color: '#112233', typ: 'collab' }, now + 600);
    const forged = await sign({ role: 'admin', typ: 'access', jti: 'y' }, now + 600, new TextEncoder().encode('another secret entirely'));
    const cases: [Record<string, string>, string][] = [
      [{}, 'AUTH_UNAUTHENTICATED'],
      [{ authorization: `Basic ${u.accessToken}` }, 'AUTH_UNAUTHENTICATED'],
      [{ authorization: 'Bearer not.a.jwt' }, 'AUTH_UNAUTHENTICATED'],
      [{ authorization: `Bearer ${expired}` }, 'AUTH_TOKEN_EXPIRED'],
      [{ authorization: `Bearer ${collab}` }, 'AUTH_UNAUTHENTICATED'],
      [{ authorization: `Bearer ${forged}` }, 'AUTH_UNAUTHENTICATED'],
      [{ authorization: `Bearer ${u.refreshToken}` }, 'AUTH_UNAUTHENTICATED'],
    ];
    for (const [headers, code] of cases) {
      const res = await call(server, 'GET', '/v1/users/me', { headers });
      expect(res.status, JSON.stringify(headers)).toBe(401);
      expect(res.body.code).toBe(code);
      expect(res.body.requestId).toBe(res.headers.get('x-request-id'));
    }
  });

  it('reports email as a feature and a check when a mailer is configured', async () => {
    const health = await call(server, 'GET', '/v1/health');
    expect(health.body.features.email).toBe(true);
    expect(health.body.checks.email.status).toBe('ok');
  });

  it('creates the bootstrap admin account with role admin', async () => {
    const admin = await loginAdmin(server);
    const me = await call(server, 'GET', '/v1/users/me', { token: admin.accessToken });
    expect(me.body).toMatchObject({ email: ADMIN.email, role: 'admin' });
  });
});
