// Secrets (refresh tokens, the local account's password) behind one small interface: the OS keychain
// through keytar when it works, else memory for this session only (`persistent: false`, which the UI
// shows as "not remembered on this device"). The app never fails to start for want of a keychain.

export interface CredentialStore {
  /** True when secrets survive a restart (OS keychain); false for the in-memory fallback. */
  readonly persistent: boolean;
  get(account: string): Promise<string | null>;
  set(account: string, secret: string): Promise<void>;
  delete(account: string): Promise<void>;
}

/** The part of keytar we use (injected, so the fallback path is testable and keytar loads lazily). */
export interface Keychain {
  getPassword(service: string, account: string): Promise<string | null>;
  setPassword(service: string, account: string, password: string): Promise<void>;
  deletePassword(service: string, account: string): Promise<boolean>;
}

export const KEYCHAIN_SERVICE = 'dev.syncode.app';
const PROBE_ACCOUNT = '__syncode-probe__';

export class KeychainCredentialStore implements CredentialStore {
  readonly persistent = true;
  readonly #keychain: Keychain;
  readonly #service: string;

  constructor(keychain: Keychain, service: string = KEYCHAIN_SERVICE) {
    this.#keychain = keychain;
    this.#service = service;
  }

  get(account: string): Promise<string | null> {
    return this.#keychain.getPassword(this.#service, account);
  }

  set(account: string, secret: string): Promise<void> {
    return this.#keychain.setPassword(this.#service, account, secret);
  }

  async delete(account: string): Promise<void> {
    await this.#keychain.deletePassword(this.#service, account);
  }
}

export class MemoryCredentialStore implements CredentialStore {
  readonly persistent = false;
  readonly #secrets = new Map<string, string>();

  async get(account: string): Promise<string | null> {
    return this.#secrets.get(account) ?? null;
  }

  async set(account: string, secret: string): Promise<void> {
    this.#secrets.set(account, secret);
  }

  async delete(account: string): Promise<void> {
    this.#secrets.delete(account);
  }
}

export interface OpenCredentialStoreOptions {
  /** Loads keytar; rejects or returns null where the native module or libsecret is missing. */
  loadKeychain: () => Promise<Keychain | null>;
  service?: string;
  /** A secret service that is present but never answers must not hang start-up. Default 3000. */
  probeTimeoutMs?: number;
}

/**
 * The keychain store when a write/read/delete round trip works within the timeout, else the memory
 * fallback together with the reason (logged; the UI only needs `persistent`).
 */
export async function openCredentialStore(
  options: OpenCredentialStoreOptions,
): Promise<{ store: CredentialStore; fallbackReason: string | null }> {
  const service = options.service ?? KEYCHAIN_SERVICE;
  let timer: NodeJS.Timeout | undefined;
  try {
    const keychain = await options.loadKeychain();
    if (!keychain) return { store: new MemoryCredentialStore(), fallbackReason: 'keytar is not available' };
    const probe = (async () => {
      const value = `probe-${Date.now()}`;
      await keychain.setPassword(service, PROBE_ACCOUNT, value);
      const read = await keychain.getPassword(service, PROBE_ACCOUNT);
      await keychain.deletePassword(service, PROBE_ACCOUNT);
      if (read !== value) throw new Error('the keychain did not return what was stored');
    })();
    probe.catch(() => {}); // may settle after the timeout won
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('the keychain did not answer in time')), options.probeTimeoutMs ?? 3000);
    });
    await Promise.race([probe, timeout]);
    return { store: new KeychainCredentialStore(keychain, service), fallbackReason: null };
  } catch (error) {
    return { store: new MemoryCredentialStore(), fallbackReason: error instanceof Error ? error.message : String(error) };
  } finally {
    clearTimeout(timer);
  }
}

/** keytar, imported lazily: its native module needs libsecret on Linux and may fail to load. */
export async function loadKeytar(): Promise<Keychain | null> {
  try {
    const mod = (await import('keytar')) as Keychain & { default?: Keychain };
    return mod.default ?? mod;
  } catch {
    return null;
  }
}
