import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import {
  KeychainCredentialStore,
  loadKeytar,
  MemoryCredentialStore,
  openCredentialStore,
  type Keychain,
} from '../../main/credentials/credential-store.ts';
import { useSecretService, type SecretService } from './secret-service.ts';

const service = await useSecretService();
if (!service.available) console.warn(`Skipping the real-keychain tests: ${service.reason}`);

describe.skipIf(!service.available)('credential store against the real OS keychain (gnome-keyring)', () => {
  const testService = `dev.syncode.test-${randomUUID()}`;
  afterAll(() => (service as Extract<SecretService, { available: true }>).close());

  it('opens the keychain store and keeps, replaces and deletes secrets', async () => {
    const { store, fallbackReason } = await openCredentialStore({ loadKeychain: loadKeytar, service: testService });
    expect(fallbackReason).toBeNull();
    expect(store).toBeInstanceOf(KeychainCredentialStore);
    expect(store.persistent).toBe(true);
    expect(await store.get('profile-1')).toBeNull();
    await store.set('profile-1', 'refresh-token-a');
    await store.set('profile-1', 'refresh-token-b');
    // A second store instance reads what the first wrote: it is in the keychain, not in memory.
    const other = new KeychainCredentialStore((await loadKeytar())!, testService);
    expect(await other.get('profile-1')).toBe('refresh-token-b');
    await store.delete('profile-1');
    expect(await other.get('profile-1')).toBeNull();
    await store.delete('profile-1'); // deleting what is gone is fine
  });
});

describe('credential store without a keychain', () => {
  let broken: Keychain;
  beforeAll(() => {
    const fail = (): Promise<never> => Promise.reject(new Error('Cannot autolaunch D-Bus without X11 $DISPLAY'));
    // Fake of an external service we cannot remove from this machine: keytar whose Secret Service is gone.
    broken = { getPassword: fail, setPassword: fail, deletePassword: fail };
  });

  it('falls back to memory when keytar cannot load', async () => {
    const { store, fallbackReason } = await openCredentialStore({ loadKeychain: async () => null });
    expect(store.persistent).toBe(false);
    expect(fallbackReason).toMatch(/keytar is not available/);
  });

  it('falls back to memory when the Secret Service refuses', async () => {
    const { store, fallbackReason } = await openCredentialStore({ loadKeychain: async () => broken });
    expect(store).toBeInstanceOf(MemoryCredentialStore);
    expect(fallbackReason).toMatch(/D-Bus/);
    await store.set('p', 's');
    expect(await store.get('p')).toBe('s');
    await store.delete('p');
    expect(await store.get('p')).toBeNull();
  });

  it('falls back to memory when the Secret Service never answers', async () => {
    const hang = (): Promise<never> => new Promise(() => {});
    const { store, fallbackReason } = await openCredentialStore({
      loadKeychain: async () => ({ getPassword: hang, setPassword: hang, deletePassword: hang }),
      probeTimeoutMs: 50,
    });
    expect(store.persistent).toBe(false);
    expect(fallbackReason).toMatch(/did not answer in time/);
  });
});
