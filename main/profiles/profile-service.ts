// Profiles: "This computer" (the embedded server, always present) and any number of hosted servers.
// Switching is instant and offline-safe: it never touches the network. Access tokens live in memory;
// refresh tokens go to the CredentialStore (OS keychain, or memory when there is none).
import { randomUUID } from 'node:crypto';
import type { ActiveSession, Profile } from '../../preload/api.ts';
import { AppError } from '../../server/protocol/index.ts';
import type { CredentialStore } from '../credentials/credential-store.ts';

export const LOCAL_PROFILE_ID = 'local';

/** Where profile metadata is kept (the local store's settings table). */
export interface SettingsStore {
  getSetting<T>(key: string): T | undefined;
  setSetting(key: string, value: unknown): void;
}

interface StoredHosted {
  id: string;
  baseUrl: string;
  account: string | null;
}

interface StoredProfiles {
  hosted: StoredHosted[];
  activeId: string;
  localAccount: string | null;
}

export interface ProfileServiceOptions {
  settings: SettingsStore;
  credentials: CredentialStore;
  /** The embedded server's current URL (it changes per launch); null while it is not ready. */
  localBaseUrl: () => string | null;
}

const SETTINGS_KEY = 'profiles';
const refreshAccount = (profileId: string): string => `refresh-token:${profileId}`;

export class ProfileService {
  readonly #settings: SettingsStore;
  readonly #credentials: CredentialStore;
  readonly #localBaseUrl: () => string | null;
  /** Tokens of this session, per profile. Access tokens are never persisted (15 min lifetime). */
  readonly #tokens = new Map<string, { accessToken: string; refreshToken: string }>();

  constructor(options: ProfileServiceOptions) {
    this.#settings = options.settings;
    this.#credentials = options.credentials;
    this.#localBaseUrl = options.localBaseUrl;
  }

  list(): Profile[] {
    const stored = this.#load();
    return [
      {
        id: LOCAL_PROFILE_ID,
        kind: 'local',
        label: 'This computer',
        baseUrl: this.#localBaseUrl() ?? '',
        account: stored.localAccount,
      },
      ...stored.hosted.map(
        (h): Profile => ({ id: h.id, kind: 'hosted', label: new URL(h.baseUrl).host, baseUrl: h.baseUrl, account: h.account }),
      ),
    ];
  }

  /** Adds a hosted server by its origin; adding the same origin again returns the existing profile. */
  addHosted(baseUrl: string): Profile {
    const origin = new URL(baseUrl).origin;
    const stored = this.#load();
    let entry = stored.hosted.find((h) => h.baseUrl === origin);
    if (!entry) {
      entry = { id: randomUUID(), baseUrl: origin, account: null };
      stored.hosted.push(entry);
      this.#save(stored);
    }
    return this.#profile(entry.id);
  }

  async switchTo(profileId: string): Promise<ActiveSession> {
    this.#profile(profileId); // throws for an unknown id
    const stored = this.#load();
    stored.activeId = profileId;
    this.#save(stored);
    return this.active();
  }

  /** The active profile and its tokens. After a restart only the refresh token is known: the access
   *  token is then `''` and the renderer refreshes before its first call. */
  async active(): Promise<ActiveSession> {
    const stored = this.#load();
    const id = this.list().some((p) => p.id === stored.activeId) ? stored.activeId : LOCAL_PROFILE_ID;
    const profile = this.#profile(id);
    let tokens = this.#tokens.get(id) ?? null;
    if (!tokens && profile.account !== null) {
      const refreshToken = await this.#credentials.get(refreshAccount(id));
      if (refreshToken) tokens = { accessToken: '', refreshToken };
    }
    return { profile, tokens, remembered: this.#credentials.persistent };
  }

  async remove(profileId: string): Promise<void> {
    if (profileId === LOCAL_PROFILE_ID) throw new AppError('VALIDATION_FAILED', 'The local profile cannot be removed.');
    this.#profile(profileId);
    await this.clearSession(profileId);
    const stored = this.#load();
    stored.hosted = stored.hosted.filter((h) => h.id !== profileId);
    if (stored.activeId === profileId) stored.activeId = LOCAL_PROFILE_ID;
    this.#save(stored);
  }

  /** After sign-in or a token refresh: keeps the pair, and the refresh token in the keychain. */
  async saveSession(
    profileId: string,
    session: { account: string; accessToken: string; refreshToken: string },
  ): Promise<ActiveSession> {
    this.#profile(profileId);
    this.#tokens.set(profileId, { accessToken: session.accessToken, refreshToken: session.refreshToken });
    await this.#credentials.set(refreshAccount(profileId), session.refreshToken);
    this.#setAccount(profileId, session.account);
    const profile = this.#profile(profileId);
    return { profile, tokens: this.#tokens.get(profileId)!, remembered: this.#credentials.persistent };
  }

  /** Sign-out: forgets the tokens here and in the keychain; the profile stays. */
  async clearSession(profileId: string): Promise<void> {
    this.#profile(profileId);
    this.#tokens.delete(profileId);
    await this.#credentials.delete(refreshAccount(profileId));
    this.#setAccount(profileId, null);
  }

  #setAccount(profileId: string, account: string | null): void {
    const stored = this.#load();
    if (profileId === LOCAL_PROFILE_ID) stored.localAccount = account;
    else stored.hosted = stored.hosted.map((h) => (h.id === profileId ? { ...h, account } : h));
    this.#save(stored);
  }

  #profile(profileId: string): Profile {
    const profile = this.list().find((p) => p.id === profileId);
    if (!profile) throw new AppError('VALIDATION_FAILED', `Unknown profile ${profileId}.`);
    return profile;
  }

  #load(): StoredProfiles {
    return this.#settings.getSetting<StoredProfiles>(SETTINGS_KEY) ?? { hosted: [], activeId: LOCAL_PROFILE_ID, localAccount: null };
  }

  #save(stored: StoredProfiles): void {
    this.#settings.setSetting(SETTINGS_KEY, stored);
  }
}
