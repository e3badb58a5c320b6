// Restart on the same data directory keeps accounts and problems; the bundled problem bank is seeded
// idempotently (spec README "Problem bank", "Restart"); the admin password is set only at creation.
import { afterEach, describe, expect, it } from 'vitest';
import { cpSync, existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_PROBLEMS_DIR } from '../../server/paths.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';
import { makeTempDir } from '../support/temp-dir.ts';
import { testDatabaseUrl } from '../support/test-database.ts';
import { call, registerUser } from './api.ts';

const ADMIN_EMAIL = 'root@example.com';

async function problemIds(server: TestServer, token: string): Promise<string[]> {
  const res = await call(server, 'GET', '/v1/problems?limit=100', { token });
  expect(res.body.nextCursor).toBeNull();
  return res.body.items.map((p: { id: string }) => p.id).sort();
}

// Each test starts two servers that seed the problem bank (one round trip per statement on PostgreSQL): slow on a loaded machine.
describe('persistence and problem bank seeding', { timeout: 60_000 }, () => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });

  it('keeps accounts and problems across restarts and seeds only new, complete bank folders', async () => {
    const data = makeTempDir('syncode-data-');
    const bank = makeTempDir('syncode-bank-');
    cleanups.push(data.remove, bank.remove);
    for (const slug of ['two-sum', 'binary-search']) cpSync(join(DEFAULT_PROBLEMS_DIR, slug), join(bank.path, slug), { recursive: true });
    const options = { dataDir: data.path, databaseUrl: await testDatabaseUrl(), problemsDir: bank.path, rateLimits: false, adminEmail: ADMIN_EMAIL };

    let server = await startTestServer({ ...options, adminPassword: 'first password' });
    let running: TestServer | undefined = server;
    cleanups.push(() => running?.stop());
    const user = await registerUser(server, 'Durable');
    const before = await problemIds(server, user.accessToken);
    expect(before).toHaveLength(2);
    await server.stop();
    running = undefined;

    // A new complete folder and one still being written (no tests.json yet).
    cpSync(join(DEFAULT_PROBLEMS_DIR, 'valid-parentheses'), join(bank.path, 'valid-parentheses'), { recursive: true });
    mkdirSync(join(bank.path, 'half-written'));
    writeFileSync(join(bank.path, 'half-written', 'problem.json'), '{"slug":"half-written"}');

    server = await startTestServer({ ...options, adminPassword: 'second password' });
    running = server;
    const login = await call(server, 'POST', '/v1/auth/login', { body: { email: user.user.email, password: 'correct horse battery' } });
    expect(login.status).toBe(200);
    expect(login.body.user.id).toBe(user.user.id);
    // Access tokens survive the restart too (the JWT secret is kept in the data directory).
    expect((await call(server, 'GET', '/v1/users/me', { token: user.accessToken })).status).toBe(200);
    const after = await problemIds(server, user.accessToken);
    expect(after).toHaveLength(3);
    expect(after).toEqual(expect.arrayContaining(before));
    const slugs = (await call(server, 'GET', '/v1/problems?limit=100', { token: user.accessToken })).body.items.map((p: any) => p.slug);
    expect(slugs).not.toContain('half-written');

    // The bootstrap admin keeps its first password.
    expect((await call(server, 'POST', '/v1/auth/login', { body: { email: ADMIN_EMAIL, password: 'first password' } })).status).toBe(200);
    expect((await call(server, 'POST', '/v1/auth/login', { body: { email: ADMIN_EMAIL, password: 'second password' } })).status).toBe(401);
  });

  it('seeds every complete bundled problem once; a second start inserts nothing', async () => {
    const data = makeTempDir('syncode-data-');
    cleanups.push(data.remove);
    const complete = readdirSync(DEFAULT_PROBLEMS_DIR).filter((slug) =>
      ['problem.json', 'statement.md', 'tests.json', 'starter'].every((f) => existsSync(join(DEFAULT_PROBLEMS_DIR, slug, f))),
    );
    const store = { dataDir: data.path, databaseUrl: await testDatabaseUrl(), rateLimits: false };
    let server = await startTestServer(store);
    let running: TestServer | undefined = server;
    cleanups.push(() => running?.stop());
    const user = await registerUser(server, 'Seed');
    const first = await problemIds(server, user.accessToken);
    expect(first.length).toBeGreaterThanOrEqual(complete.length);
    await server.stop();
    server = await startTestServer(store);
    running = server;
    expect(await problemIds(server, user.accessToken)).toEqual(first);
  });
});
