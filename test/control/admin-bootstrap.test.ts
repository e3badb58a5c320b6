// Admin bootstrap (SYNCODE_ADMIN_EMAIL + SYNCODE_ADMIN_PASSWORD) over an account someone registered first
// with the operator's email: promoted only when the admin password verifies against it, else no start.
import { afterEach, describe, expect, it } from 'vitest';
import { StartupError } from '../../server/config/startup-error.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';
import { runServerCliToExit } from '../support/server-cli.ts';
import { makeTempDir } from '../support/temp-dir.ts';
import { testDatabaseUrl } from '../support/test-database.ts';
import { call } from './api.ts';

const EMAIL = 'ops@example.com';
const SQUATTER_PASSWORD = 'squatter password 1';

// Each test starts two or three servers (scrypt hashing included) and possibly a CLI child: slow on a loaded machine.
describe('admin bootstrap over an existing account', { timeout: 90_000 }, () => {
  const cleanups: (() => unknown)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  /** A data directory and database (PostgreSQL on that test run, else the directory's SQLite file) that restarts reuse. */
  interface Store {
    dataDir: string;
    databaseUrl?: string;
  }

  async function emptyStore(): Promise<Store> {
    const dir = makeTempDir('syncode-bootstrap-');
    cleanups.push(dir.remove);
    const databaseUrl = await testDatabaseUrl();
    return { dataDir: dir.path, ...(databaseUrl ? { databaseUrl } : {}) };
  }

  /** A store holding one ordinary account registered with the operator's email (mixed case). */
  async function storeWithAccount(): Promise<Store> {
    const store = await emptyStore();
    const first = await startTestServer({ ...store, webRoot: null });
    const res = await call(first, 'POST', '/v1/auth/register', { body: { email: 'Ops@Example.com', password: SQUATTER_PASSWORD, displayName: 'Ops' } });
    expect(res.status).toBe(201);
    await first.stop();
    return store;
  }

  async function start(store: Store, admin?: { adminEmail: string; adminPassword: string }): Promise<TestServer> {
    const server = await startTestServer({ ...store, webRoot: null, ...admin });
    cleanups.push(() => server.stop());
    return server;
  }

  async function roleAfterLogin(server: TestServer): Promise<string> {
    const res = await call(server, 'POST', '/v1/auth/login', { body: { email: EMAIL, password: SQUATTER_PASSWORD } });
    expect(res.status).toBe(200);
    return res.body.user.role as string;
  }

  it('refuses to start with exit 2 naming the email when the admin password does not verify; the account stays a user', async () => {
    const store = await storeWithAccount();
    const { code, stderr } = await runServerCliToExit(['--data-dir', store.dataDir], {
      SYNCODE_ADMIN_EMAIL: EMAIL,
      SYNCODE_ADMIN_PASSWORD: 'the operator password',
      ...(store.databaseUrl ? { SYNCODE_DATABASE_URL: store.databaseUrl } : {}),
    }, 40_000);
    expect(code).toBe(2);
    expect(stderr).toContain(EMAIL);
    expect(stderr).not.toContain('the operator password');
    expect(await roleAfterLogin(await start(store))).toBe('user');
  });

  it('startServer rejects with a StartupError, in-process as for the CLI', async () => {
    const store = await storeWithAccount();
    await expect(start(store, { adminEmail: EMAIL, adminPassword: 'the operator password' })).rejects.toBeInstanceOf(StartupError);
    expect(await roleAfterLogin(await start(store))).toBe('user');
  });

  it('promotes the account when the admin password is its password, and writes the promotion to the audit log', async () => {
    const store = await storeWithAccount();
    const server = await start(store, { adminEmail: ` ${EMAIL.toUpperCase()} `, adminPassword: SQUATTER_PASSWORD });
    const login = await call(server, 'POST', '/v1/auth/login', { body: { email: EMAIL, password: SQUATTER_PASSWORD } });
    expect(login.body.user.role).toBe('admin');
    const audit = await call(server, 'GET', '/v1/admin/audit-logs?action=admin.bootstrap-promoted', { token: login.body.accessToken });
    expect(audit.status).toBe(200);
    expect(audit.body.items).toEqual([
      expect.objectContaining({ actorId: null, actorType: 'system', targetType: 'user', targetId: login.body.user.id, details: { email: EMAIL } }),
    ]);
  });

  it('creates a missing admin account with an audit entry, and leaves an existing admin alone on the next start', async () => {
    const store = await emptyStore();
    const admin = { adminEmail: EMAIL, adminPassword: 'admin password 1' };
    const first = await startTestServer({ ...store, webRoot: null, ...admin });
    await first.stop();
    // A different password on a later start neither fails nor changes the admin's password.
    const server = await start(store, { adminEmail: EMAIL, adminPassword: 'another password 2' });
    const login = await call(server, 'POST', '/v1/auth/login', { body: { email: EMAIL, password: 'admin password 1' } });
    expect(login.body.user.role).toBe('admin');
    const audit = await call(server, 'GET', '/v1/admin/audit-logs?action=admin.bootstrap-created', { token: login.body.accessToken });
    expect(audit.body.items).toEqual([expect.objectContaining({ targetId: login.body.user.id, details: { email: EMAIL } })]);
  });
});
