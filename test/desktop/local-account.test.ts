import { afterEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { KeychainCredentialStore, MemoryCredentialStore, type Keychain } from '../../main/credentials/credential-store.ts';
import { LocalStore } from '../../main/local-store/local-store.ts';
import { signInLocalAccount } from '../../main/profiles/local-account.ts';
import { LAUNCH_SECRET_HEADER } from '../../server/protocol/index.ts';
import { makeTempDir } from '../support/temp-dir.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';
import { call } from '../control/api.ts';

const SECRET = 'per-launch-secret-for-this-test-0123456789ab';

/** Fake of the OS keychain (an external service; the real one is exercised in credential-store.test.ts). */
function mapKeychain(): Keychain {
  const entries = new Map<string, string>();
  return {
    getPassword: async (service, account) => entries.get(`${service}/${account}`) ?? null,
    setPassword: async (service, account, password) => void entries.set(`${service}/${account}`, password),
    deletePassword: async (service, account) => entries.delete(`${service}/${account}`),
  };
}

describe('the "This computer" account on the real embedded server', () => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });

  async function embedded(dataDir?: string): Promise<TestServer> {
    const server = await startTestServer({ mode: 'embedded', launchSecret: SECRET, webRoot: null, problemsDir: null, ...(dataDir ? { dataDir } : {}) });
    cleanups.push(() => server.stop());
    return server;
  }
  function localStore(): LocalStore {
    const dir = makeTempDir('syncode-local-account-');
    const store = new LocalStore({ file: join(dir.path, 'local-store.sqlite') });
    cleanups.push(dir.remove, () => store.close());
    return store;
  }
  const me = (server: TestServer, accessToken: string) =>
    call(server, 'GET', '/v1/users/me', { token: accessToken, headers: { [LAUNCH_SECRET_HEADER]: SECRET } });

  it('registers once, then signs in to the same account; the password stays in the keychain', async () => {
    const server = await embedded();
    const settings = localStore();
    const credentials = new KeychainCredentialStore(mapKeychain());
    const first = await signInLocalAccount({ baseUrl: server.url, launchSecret: SECRET, credentials, settings });
    expect(first.email).toMatch(/^me-[0-9a-f]{16}@syncode\.local$/);
    const second = await signInLocalAccount({ baseUrl: server.url, launchSecret: SECRET, credentials, settings });
    expect(second.email).toBe(first.email);
    expect(second.refreshToken).not.toBe(first.refreshToken);
    const [a, b] = [await me(server, first.accessToken), await me(server, second.accessToken)];
    expect(a.status).toBe(200);
    expect(b.body.id).toBe(a.body.id);
    expect(JSON.stringify(settings.getSetting('local-account'))).not.toContain('"password"');
    expect(await credentials.get('local-account-password')).toBeTruthy();
  });

  it('without a keychain keeps the password beside the embedded database, so practice history survives', async () => {
    const server = await embedded();
    const settings = localStore();
    const first = await signInLocalAccount({ baseUrl: server.url, launchSecret: SECRET, credentials: new MemoryCredentialStore(), settings });
    // A new launch: the in-memory credentials are gone, the settings file is not.
    const again = await signInLocalAccount({ baseUrl: server.url, launchSecret: SECRET, credentials: new MemoryCredentialStore(), settings });
    expect(again.email).toBe(first.email);
  });

  it('starts over with a fresh account when the embedded database was wiped', async () => {
    const settings = localStore();
    const credentials = new KeychainCredentialStore(mapKeychain());
    const before = await signInLocalAccount({ baseUrl: (await embedded()).url, launchSecret: SECRET, credentials, settings });
    const wiped = await embedded(); // a fresh data directory: the account is unknown there
    const after = await signInLocalAccount({ baseUrl: wiped.url, launchSecret: SECRET, credentials, settings });
    expect(after.email).not.toBe(before.email);
    expect((await me(wiped, after.accessToken)).status).toBe(200);
  });

  it('fails with the server\'s code when the launch secret is wrong', async () => {
    const server = await embedded();
    await expect(
      signInLocalAccount({ baseUrl: server.url, launchSecret: 'wrong', credentials: new MemoryCredentialStore(), settings: localStore() }),
    ).rejects.toMatchObject({ code: 'AUTH_UNAUTHENTICATED' });
  });
});
