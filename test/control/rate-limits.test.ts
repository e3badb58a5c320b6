// REST rate limits: 429 RATE_LIMITED with Retry-After and details { limit, windowMs }, checked right after
// the transport checks (before authentication); embedded mode keeps only the login limit; `rateLimits:
// false` disables all.
import { afterEach, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server.ts';
import { call } from './api.ts';

const login = (s: TestServer) => call(s, 'POST', '/v1/auth/login', { body: { email: 'nobody@example.com', password: 'whatever 1' } });
const forgot = (s: TestServer) => call(s, 'POST', '/v1/auth/forgot-password', { body: { email: 'nobody@example.com' } });

describe('rate limits', () => {
  let server: TestServer | undefined;
  afterEach(async () => {
    await server?.stop();
    server = undefined;
  });

  it('allows 10 logins per minute per IP, then answers 429 with Retry-After', async () => {
    server = await startTestServer();
    for (let i = 0; i < 10; i++) expect((await login(server)).body.code).toBe('AUTH_INVALID_CREDENTIALS');
    const limited = await login(server);
    expect(limited.status).toBe(429);
    expect(limited.body.code).toBe('RATE_LIMITED');
    expect(limited.body.details).toMatchObject({ limit: 10, windowMs: 60_000 });
    const retryAfter = Number(limited.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    // Buckets are per route: forgot-password still has its own allowance.
    expect((await forgot(server)).status).toBe(202);
  });

  it('checks 429 before authentication: the default 600/min bucket for anonymous callers', async () => {
    server = await startTestServer();
    const statuses = await Promise.all(Array.from({ length: 601 }, () => call(server!, 'GET', '/v1/users/me').then((r) => r.status)));
    expect(statuses.filter((s) => s === 401)).toHaveLength(600);
    expect(statuses.filter((s) => s === 429)).toHaveLength(1);
  });

  it('embedded mode disables every limit except login', async () => {
    server = await startTestServer({ mode: 'embedded' });
    for (let i = 0; i < 12; i++) expect((await forgot(server)).status).toBe(202);
    for (let i = 0; i < 10; i++) await login(server);
    expect((await login(server)).status).toBe(429);
  });

  it('rateLimits: false disables all limits', async () => {
    server = await startTestServer({ rateLimits: false });
    for (let i = 0; i < 11; i++) expect((await login(server)).status).toBe(401);
  });
});
