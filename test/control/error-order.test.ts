// Request conventions and the error order (the first applicable error wins): transport → (429) → authentication → not found → permission →
// validation → conflict, each pair checked with a request that violates both.
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server.ts';
import { ADMIN, call, loginAdmin, registerUser } from './api.ts';

describe('error order and conventions', () => {
  let server: TestServer;
  let user: Awaited<ReturnType<typeof registerUser>>;
  beforeAll(async () => {
    server = await startTestServer({ rateLimits: false, adminEmail: ADMIN.email, adminPassword: ADMIN.password });
    user = await registerUser(server, 'Order');
  });
  afterAll(() => server.stop());

  it('415 before 401: a non-JSON body on an authenticated route', async () => {
    const res = await call(server, 'POST', '/v1/auth/change-password', { body: 'plain', headers: { 'content-type': 'text/plain' } });
    expect(res.status).toBe(415);
    expect(res.body.code).toBe('VALIDATION_UNSUPPORTED_MEDIA_TYPE');
  });

  it('malformed JSON before 401, 413 for bodies over 1 MiB', async () => {
    const bad = await call(server, 'PATCH', '/v1/users/me', { body: '{"displayName":' });
    expect(bad.body.code).toBe('VALIDATION_MALFORMED_JSON');
    const big = await call(server, 'PATCH', '/v1/users/me', { body: JSON.stringify({ bio: 'x'.repeat(1024 * 1024 + 10) }) });
    expect(big.status).toBe(413);
    expect(big.body.code).toBe('VALIDATION_PAYLOAD_TOO_LARGE');
  });

  it('401 before 404: a malformed problem id without a token', async () => {
    const res = await call(server, 'GET', '/v1/problems/not-a-uuid');
    expect(res.status).toBe(401);
    const authed = await call(server, 'GET', '/v1/problems/not-a-uuid', { token: user.accessToken });
    expect(authed.status).toBe(404);
    expect(authed.body.code).toBe('PROBLEM_NOT_FOUND');
  });

  it('404 before 403: a non-admin patching an unknown problem', async () => {
    const res = await call(server, 'PATCH', '/v1/problems/00000000-0000-4000-8000-000000000000', { token: user.accessToken, body: { title: 'x' } });
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('PROBLEM_NOT_FOUND');
  });

  it('403 before 400: a non-admin creating an invalid problem', async () => {
    const res = await call(server, 'POST', '/v1/problems', { token: user.accessToken, body: { slug: 'Not A Slug' } });
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('ADMIN_FORBIDDEN');
  });

  it('400 before 409: an invalid registration with a taken email', async () => {
    const res = await call(server, 'POST', '/v1/auth/register', { body: { email: user.user.email, password: 'short', displayName: 'D' } });
    expect(res.status).toBe(400);
    expect(res.body.details.fields).toEqual([expect.objectContaining({ path: 'password' })]);
  });

  it('400 before 409 for admins too: an invalid problem whose slug is taken', async () => {
    const admin = await loginAdmin(server);
    const res = await call(server, 'POST', '/v1/problems', { token: admin.accessToken, body: { slug: 'two-sum', title: '' } });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
  });

  it('unknown routes, wrong methods and query validation', async () => {
    expect((await call(server, 'GET', '/v1/nope', { token: user.accessToken })).body.code).toBe('VALIDATION_UNKNOWN_ROUTE');
    const wrong = await call(server, 'PUT', '/v1/problems/tags', { token: user.accessToken });
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get('allow')).toContain('GET');
    const q = await call(server, 'GET', '/v1/problems?limit=0&difficulty=trivial&unknown=1', { token: user.accessToken });
    expect(q.status).toBe(400);
    expect((q.body.details.fields as { path: string }[]).map((f) => f.path).sort()).toEqual(['difficulty', 'limit']);
    expect((await call(server, 'GET', '/v1/problems?limit=101', { token: user.accessToken })).status).toBe(400);
  });

  it('a request Node cannot parse gets 400 VALIDATION_FAILED, not a closed connection', async () => {
    // A URL over Node's 16 KiB header limit (a search pasted whole, a client that puts a body in the query).
    const long = await call(server, 'GET', `/v1/problems?q=${'%C3%A9'.repeat(3000)}`, { token: user.accessToken });
    expect(long.status).toBe(400);
    expect(long.body).toMatchObject({ code: 'VALIDATION_FAILED', message: expect.stringContaining('16 KiB'), requestId: long.headers.get('x-request-id') });
    // Not HTTP at all, on a raw socket.
    const { hostname, port } = new URL(server.url);
    const answer = await new Promise<string>((resolve, reject) => {
      let text = '';
      const socket = connect(Number(port), hostname, () => socket.write('HELLO /v1 SMTP\r\n\r\n'));
      socket.on('data', (chunk) => (text += chunk.toString()));
      socket.on('end', () => resolve(text));
      socket.on('error', reject);
    });
    expect(answer).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n/);
    expect(JSON.parse(answer.split('\r\n\r\n')[1]!)).toMatchObject({ code: 'VALIDATION_FAILED', message: 'The request is not valid HTTP.' });
    // The server still answers.
    expect((await call(server, 'GET', '/v1/health')).status).toBe(200);
  });

  it('echoes X-Request-Id into ErrorResponse.requestId', async () => {
    const res = await call(server, 'GET', '/v1/users/me', { headers: { 'x-request-id': 'trace-42' } });
    expect(res.headers.get('x-request-id')).toBe('trace-42');
    expect(res.body).toMatchObject({ code: 'AUTH_UNAUTHENTICATED', requestId: 'trace-42' });
  });
});
