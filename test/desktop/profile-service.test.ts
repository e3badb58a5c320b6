import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { MemoryCredentialStore } from '../../main/credentials/credential-store.ts';
import { LocalStore } from '../../main/local-store/local-store.ts';
import { LOCAL_PROFILE_ID, ProfileService } from '../../main/profiles/profile-service.ts';
import { makeTempDir } from '../support/temp-dir.ts';

const LOCAL_URL = 'http://127.0.0.1:43121';

describe('profiles', () => {
  let dir: ReturnType<typeof makeTempDir>;
  let store: LocalStore;
  beforeEach(() => {
    dir = makeTempDir('syncode-profiles-');
    store = new LocalStore({ file: join(dir.path, 'local-store.sqlite') });
  });
  afterEach(() => {
    store.close();
    dir.remove();
  });
  const service = (credentials = new MemoryCredentialStore()) =>
    new ProfileService({ settings: store, credentials, localBaseUrl: () => LOCAL_URL });

  it('always has "This computer" on the embedded server, active by default', async () => {
    const profiles = service();
    expect(profiles.list()).toEqual([{ id: LOCAL_PROFILE_ID, kind: 'local', label: 'This computer', baseUrl: LOCAL_URL, account: null }]);
    expect(await profiles.active()).toEqual({ profile: profiles.list()[0], tokens: null, remembered: false });
  });

  it('adds hosted servers by origin, once each, and switches between profiles', async () => {
    const profiles = service();
    const a = profiles.addHosted('https://rooms.example.com/some/path?x=1');
    expect(a).toMatchObject({ kind: 'hosted', label: 'rooms.example.com', baseUrl: 'https://rooms.example.com', account: null });
    expect(profiles.addHosted('https://rooms.example.com').id).toBe(a.id);
    const b = profiles.addHosted('https://other.example:8443');
    expect(profiles.list().map((p) => p.label)).toEqual(['This computer', 'rooms.example.com', 'other.example:8443']);
    expect((await profiles.switchTo(b.id)).profile.id).toBe(b.id);
    // Kept in the local store: a restart comes back to the same profile.
    expect((await service().active()).profile.id).toBe(b.id);
    await expect(profiles.switchTo('no-such-profile')).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
  });

  it('keeps the refresh token in the credential store; after a restart only it is known', async () => {
    const credentials = new MemoryCredentialStore(); // survives the "restart" below, as a keychain would
    const profiles = service(credentials);
    const hosted = profiles.addHosted('https://rooms.example.com');
    const saved = await profiles.saveSession(hosted.id, { account: 'ada@example.com', accessToken: 'at-1', refreshToken: 'rt-1' });
    expect(saved).toMatchObject({ profile: { account: 'ada@example.com' }, tokens: { accessToken: 'at-1', refreshToken: 'rt-1' } });
    await profiles.switchTo(hosted.id);

    const restarted = service(credentials);
    expect(await restarted.active()).toMatchObject({ profile: { id: hosted.id, account: 'ada@example.com' }, tokens: { accessToken: '', refreshToken: 'rt-1' } });
    await restarted.clearSession(hosted.id);
    expect(await restarted.active()).toMatchObject({ profile: { account: null }, tokens: null });
    expect(await credentials.get(`refresh-token:${hosted.id}`)).toBeNull();
  });

  it('without a keychain the session lasts until the app quits and says it is not remembered', async () => {
    const profiles = service();
    await profiles.saveSession(LOCAL_PROFILE_ID, { account: 'me@syncode.local', accessToken: 'at', refreshToken: 'rt' });
    expect(await profiles.active()).toMatchObject({ tokens: { refreshToken: 'rt' }, remembered: false });
    expect(await service(new MemoryCredentialStore()).active()).toMatchObject({ tokens: null, remembered: false });
  });

  it('removes hosted profiles with their secrets, falls back to local, and never removes local', async () => {
    const credentials = new MemoryCredentialStore();
    const profiles = service(credentials);
    const hosted = profiles.addHosted('https://rooms.example.com');
    await profiles.saveSession(hosted.id, { account: 'ada@example.com', accessToken: 'at', refreshToken: 'rt' });
    await profiles.switchTo(hosted.id);
    await profiles.remove(hosted.id);
    expect(profiles.list()).toHaveLength(1);
    expect((await profiles.active()).profile.id).toBe(LOCAL_PROFILE_ID);
    expect(await credentials.get(`refresh-token:${hosted.id}`)).toBeNull();
    await expect(profiles.remove(LOCAL_PROFILE_ID)).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
  });
});
