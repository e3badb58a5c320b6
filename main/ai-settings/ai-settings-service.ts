// The desktop AI settings: which OpenAI-compatible provider the embedded server uses. URL and model go to
// the local store's settings; the API key only to the CredentialStore (OS keychain, or memory for this
// session when there is none), never to a file. A change is applied by restarting the embedded server.
import type { AiSettings, AiSettingsInput, ModelListing } from '../../preload/api.ts';
import type { EmbeddedAiProvider } from '../../server/protocol/embedded-messages.ts';
import type { CredentialStore } from '../credentials/credential-store.ts';
import type { SettingsStore } from '../profiles/profile-service.ts';
import { listModels } from './provider-probe.ts';

export interface AiSettingsServiceOptions {
  settings: SettingsStore;
  /** The keychain opens while the app starts; only reads and writes of the key wait for it. */
  credentials: Promise<CredentialStore>;
  /** Restarts the embedded server with the new provider (resolves once it is ready again). */
  apply: (provider: EmbeddedAiProvider | null) => Promise<void>;
}

interface StoredAiProvider {
  baseUrl: string;
  model: string;
  hasKey: boolean;
}

const SETTINGS_KEY = 'ai-provider';
export const AI_KEY_ACCOUNT = 'ai-provider:api-key';

export class AiSettingsService {
  readonly #settings: SettingsStore;
  readonly #credentials: Promise<CredentialStore>;
  readonly #apply: (provider: EmbeddedAiProvider | null) => Promise<void>;

  constructor(options: AiSettingsServiceOptions) {
    this.#settings = options.settings;
    this.#credentials = options.credentials;
    this.#apply = options.apply;
  }

  async view(): Promise<AiSettings> {
    const stored = this.#stored();
    const credentials = await this.#credentials;
    // Without a keychain a key lasts for one session only: after a restart it is gone, and the view says so.
    const hasKey = stored?.hasKey ? (await credentials.get(AI_KEY_ACCOUNT)) !== null : false;
    return { baseUrl: stored?.baseUrl ?? null, model: stored?.model ?? null, hasKey, keyRemembered: credentials.persistent };
  }

  /** What the embedded server starts with. Waits for the keychain only when a key was saved. */
  async provider(): Promise<EmbeddedAiProvider | null> {
    const stored = this.#stored();
    if (!stored) return null;
    const apiKey = stored.hasKey ? await (await this.#credentials).get(AI_KEY_ACCOUNT) : null;
    return { baseUrl: stored.baseUrl, model: stored.model, ...(apiKey ? { apiKey } : {}) };
  }

  async save(input: AiSettingsInput): Promise<AiSettings> {
    const before = await this.provider();
    const credentials = await this.#credentials;
    if (input.apiKey === null) await credentials.delete(AI_KEY_ACCOUNT);
    else if (input.apiKey !== undefined) await credentials.set(AI_KEY_ACCOUNT, input.apiKey);
    const hasKey = input.apiKey === undefined ? (this.#stored()?.hasKey ?? false) : input.apiKey !== null;
    this.#settings.setSetting(SETTINGS_KEY, { baseUrl: input.baseUrl, model: input.model, hasKey } satisfies StoredAiProvider);
    await this.#applyIfChanged(before);
    return this.view();
  }

  async clear(): Promise<AiSettings> {
    const before = await this.provider();
    await (await this.#credentials).delete(AI_KEY_ACCOUNT);
    this.#settings.setSetting(SETTINGS_KEY, null);
    await this.#applyIfChanged(before);
    return this.view();
  }

  /**
   * The provider's models. Without a typed key the saved one is sent, but only to the saved base URL: a
   * renderer must not be able to send the key anywhere else.
   */
  async listModels(baseUrl: string, apiKey: string | undefined): Promise<ModelListing> {
    if (apiKey !== undefined) return listModels(baseUrl, apiKey);
    const saved = await this.provider();
    return listModels(baseUrl, saved?.apiKey && sameUrl(saved.baseUrl, baseUrl) ? saved.apiKey : null);
  }

  #stored(): StoredAiProvider | null {
    return this.#settings.getSetting<StoredAiProvider | null>(SETTINGS_KEY) ?? null;
  }

  async #applyIfChanged(before: EmbeddedAiProvider | null): Promise<void> {
    const after = await this.provider();
    if (JSON.stringify(after) !== JSON.stringify(before)) await this.#apply(after);
  }
}

function sameUrl(a: string, b: string): boolean {
  return a.replace(/\/+$/, '') === b.replace(/\/+$/, '');
}
