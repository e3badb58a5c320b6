// Display names that would render as someone else's are refused wherever a name enters (register and
// PATCH /v1/users/me): control characters, zero-width and bidi override/isolate characters. Names are
// stored NFC-normalised, so one visible name has one stored form.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server.ts';
import { call, registerUser } from './api.ts';

const HOSTILE: Record<string, string> = {
  'right-to-left override U+202E': '\u202eAdmin',
  'zero-width space U+200B': 'Admin\u200b',
  'both, as in the report': '\u202eAdmin\u200b',
  NUL: 'Ad\u0000min',
  'left-to-right isolate U+2066': '\u2066Admin\u2069',
  'zero-width joiner U+200D': 'Ad\u200dmin',
  'zero-width no-break space U+FEFF': 'Ad\ufeffmin',
  'escape U+001B': 'Admin\u001b[31m',
  'line separator U+2028': 'Ad\u2028min',
};

describe('display names', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ rateLimits: false, webRoot: null });
  });
  afterAll(() => server.stop());

  let counter = 0;
  const register = (displayName: string) =>
    call(server, 'POST', '/v1/auth/register', { body: { email: `names-${++counter}@example.com`, password: 'correct horse 1', displayName } });

  it.each(Object.entries(HOSTILE))('refuses %s with VALIDATION_FAILED on displayName, at registration and on profile update', async (_what, name) => {
    const registered = await register(name);
    expect(registered.status).toBe(400);
    expect(registered.body.code).toBe('VALIDATION_FAILED');
    expect(registered.body.details.fields).toEqual([expect.objectContaining({ path: 'displayName' })]);

    const user = await registerUser(server, 'Plain');
    const patched = await call(server, 'PATCH', '/v1/users/me', { token: user.accessToken, body: { displayName: name } });
    expect(patched.status).toBe(400);
    expect(patched.body.details.fields).toEqual([expect.objectContaining({ path: 'displayName' })]);
    const me = await call(server, 'GET', '/v1/users/me', { token: user.accessToken });
    expect(me.body.displayName).toBe('Plain');
  });

  it('stores a combining sequence in NFC (e + U+0301 → é) and still accepts ordinary non-Latin names and emoji', async () => {
    const registered = await register('Jose\u0301');
    expect(registered.status).toBe(201);
    expect(registered.body.user.displayName).toBe('Jos\u00e9');
    const user = await registerUser(server, 'Plain');
    for (const name of ['Ре\u0301nata', '李小龍', 'محمد', 'Zoë 🎉']) {
      const patched = await call(server, 'PATCH', '/v1/users/me', { token: user.accessToken, body: { displayName: name } });
      expect(patched.status, name).toBe(200);
      expect(patched.body.displayName).toBe(name.normalize('NFC'));
    }
  });

  it('counts the 50-character limit after normalisation', async () => {
    expect((await register('e\u0301'.repeat(50))).status).toBe(201);
    expect((await register('é'.repeat(51))).status).toBe(400);
  });
});
