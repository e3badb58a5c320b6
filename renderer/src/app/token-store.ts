// Keeps the signed-in session for one server. In a browser: localStorage, keyed by the server origin,
// so a reload (even offline) knows who you are. In the desktop app main also gets every new pair
// (`auth:save`) so the refresh token lands in the OS keychain.
import type { TokenKeeper } from '../api/api-client.ts';
import type { AuthTokens } from '../api/types.ts';
import { desktopBridge } from './desktop-bridge.ts';

type Listener = (tokens: AuthTokens | null) => void;

export class TokenStore implements TokenKeeper {
  readonly #key: string;
  readonly #profileId: string | null;
  #tokens: AuthTokens | null;
  readonly #listeners = new Set<Listener>();

  constructor(serverUrl: string, profileId: string | null = null, initial: AuthTokens | null = null) {
    this.#key = `syncode.session:${serverUrl}`;
    this.#profileId = profileId;
    this.#tokens = initial ?? readStored(this.#key);
  }

  current(): AuthTokens | null {
    return this.#tokens;
  }

  update(tokens: AuthTokens): void {
    this.#tokens = tokens;
    localStorage.setItem(this.#key, JSON.stringify(tokens));
    const bridge = desktopBridge();
    if (bridge && this.#profileId) {
      void bridge.authSave(this.#profileId, {
        account: tokens.user.email,
        accessToken: tokens.accessToken,
        refreshToken: tokens.refreshToken,
      });
    }
    this.#emit();
  }

  expire(): void {
    this.#tokens = null;
    localStorage.removeItem(this.#key);
    const bridge = desktopBridge();
    if (bridge && this.#profileId) void bridge.authClear(this.#profileId);
    this.#emit();
  }

  subscribe(listener: Listener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  #emit(): void {
    for (const l of this.#listeners) l(this.#tokens);
  }
}

function readStored(key: string): AuthTokens | null {
  try {
    const raw = localStorage.getItem(key);
    return raw ? (JSON.parse(raw) as AuthTokens) : null;
  } catch {
    return null;
  }
}
