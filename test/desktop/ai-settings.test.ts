// The desktop AI settings (main/ai-settings): the API key in the real OS keychain (gnome-keyring on a
// private bus, test/desktop/secret-service.ts) and never in a file, URL and model in a real local store,
// the embedded server restarted only on a change; the model list and local-server detection over real
// HTTP against the fake OpenAI-compatible provider (test/support/fake-openai.ts).
import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AI_KEY_ACCOUNT, AiSettingsService } from '../../main/ai-settings/ai-settings-service.ts';
import { detectLocalAiServers, listModels } from '../../main/ai-settings/provider-probe.ts';
import { KeychainCredentialStore, loadKeytar, MemoryCredentialStore, type CredentialStore } from '../../main/credentials/credential-store.ts';
import { LocalStore } from '../../main/local-store/local-store.ts';
import type { EmbeddedAiProvider } from '../../server/protocol/embedded-messages.ts';
import { startFakeOpenAi, type FakeOpenAi } from '../support/fake-openai.ts';
import { makeTempDir } from '../support/temp-dir.ts';
import { useSecretService, type SecretService } from './secret-service.ts';

const secretService = await useSecretService();
if (!secretService.available) console.warn(`Skipping the real-keychain AI settings tests: ${secretService.reason}`);

const KEY = `sk-test-${randomUUID()}`;

/** A real local store file, a service over it, and every provider the embedded server was restarted with. */
function settingsFixture(credentials: CredentialStore) {
  const dir = makeTempDir('syncode-ai-settings-');
  const store = new LocalStore({ file: join(dir.path, 'local-store.sqlite') });
  const applied: (EmbeddedAiProvider | null)[] = [];
  const service = new AiSettingsService({ settings: store, credentials: Promise.resolve(credentials), apply: async (p) => void applied.push(p) });
  /** Every byte main wrote to disk (database, WAL), as text: the key must be in none of it. */
  const filesOnDisk = (): string => readdirSync(dir.path).map((f) => readFileSync(join(dir.path, f)).toString('latin1')).join('');
  return {
    store,
    service,
    applied,
    filesOnDisk,
    close() {
      store.close();
      dir.remove();
    },
  };
}

describe.skipIf(!secretService.available)('AI settings with the real OS keychain', () => {
  const keychainService = `dev.syncode.test-${randomUUID()}`;
  let credentials: KeychainCredentialStore;
  let fx: ReturnType<typeof settingsFixture>;
  beforeAll(async () => {
    credentials = new KeychainCredentialStore((await loadKeytar())!, keychainService);
  });
  beforeEach(() => (fx = settingsFixture(credentials)));
  afterEach(async () => {
    await credentials.delete(AI_KEY_ACCOUNT);
    fx.close();
  });
  afterAll(() => (secretService as Extract<SecretService, { available: true }>).close());

  it('keeps the key in the keychain only, and restarts the server with the saved provider', async () => {
    const view = await fx.service.save({ baseUrl: 'https://api.example.com/v1', model: 'gpt-test', apiKey: KEY });
    expect(view).toEqual({ baseUrl: 'https://api.example.com/v1', model: 'gpt-test', hasKey: true, keyRemembered: true });
    // Another store instance over the same keychain service reads it: it is in the OS keychain.
    const other = new KeychainCredentialStore((await loadKeytar())!, keychainService);
    expect(await other.get(AI_KEY_ACCOUNT)).toBe(KEY);
    expect(fx.filesOnDisk()).toContain('api.example.com');
    expect(fx.filesOnDisk()).not.toContain(KEY);
    expect(fx.applied).toEqual([{ baseUrl: 'https://api.example.com/v1', model: 'gpt-test', apiKey: KEY }]);
  });

  it('keeps the key when it is not re-entered, removes it on null and on clear, and restarts only on a change', async () => {
    await fx.service.save({ baseUrl: 'https://api.example.com/v1', model: 'a', apiKey: KEY });
    await fx.service.save({ baseUrl: 'https://api.example.com/v1', model: 'a' });
    expect(fx.applied).toHaveLength(1); // nothing changed: the server keeps running
    await fx.service.save({ baseUrl: 'https://api.example.com/v1', model: 'b' });
    expect(fx.applied.at(-1)).toEqual({ baseUrl: 'https://api.example.com/v1', model: 'b', apiKey: KEY });

    // A local server takes no key.
    const local = await fx.service.save({ baseUrl: 'http://127.0.0.1:11434/v1', model: 'llama3.2', apiKey: null });
    expect(local.hasKey).toBe(false);
    expect(await credentials.get(AI_KEY_ACCOUNT)).toBeNull();
    expect(fx.applied.at(-1)).toEqual({ baseUrl: 'http://127.0.0.1:11434/v1', model: 'llama3.2' });

    await fx.service.save({ baseUrl: 'https://api.example.com/v1', model: 'b', apiKey: KEY });
    expect(await fx.service.clear()).toEqual({ baseUrl: null, model: null, hasKey: false, keyRemembered: true });
    expect(await credentials.get(AI_KEY_ACCOUNT)).toBeNull();
    expect(fx.applied.at(-1)).toBeNull();
    expect(await fx.service.provider()).toBeNull();
  });
});

describe('AI settings without a keychain', () => {
  it('keeps the key for this session only and says so', async () => {
    const memory = new MemoryCredentialStore();
    const fx = settingsFixture(memory);
    try {
      expect(await fx.service.save({ baseUrl: 'https://api.example.com/v1', model: 'm', apiKey: KEY })).toMatchObject({ hasKey: true, keyRemembered: false });
      expect(fx.filesOnDisk()).not.toContain(KEY);
      // The next launch: a fresh memory store has no key, and the view no longer claims one.
      const nextLaunch = new AiSettingsService({ settings: fx.store, credentials: Promise.resolve(new MemoryCredentialStore()), apply: async () => {} });
      expect(await nextLaunch.view()).toMatchObject({ baseUrl: 'https://api.example.com/v1', hasKey: false });
      expect(await nextLaunch.provider()).toEqual({ baseUrl: 'https://api.example.com/v1', model: 'm' });
    } finally {
      fx.close();
    }
  });
});

describe('provider model list and local server detection (fake OpenAI-compatible server)', () => {
  let provider: FakeOpenAi;
  let elsewhere: FakeOpenAi;
  beforeAll(async () => {
    provider = await startFakeOpenAi({ models: ['qwen2.5-coder:7b', 'llama3.2:3b', 'llama3.2:3b'] });
    elsewhere = await startFakeOpenAi();
  });
  afterAll(async () => {
    await provider.close();
    await elsewhere.close();
  });

  it('lists the models, sorted and deduplicated, sending the key as a bearer token', async () => {
    expect(await listModels(provider.baseUrl, KEY)).toEqual({ ok: true, models: ['llama3.2:3b', 'qwen2.5-coder:7b'] });
    expect(provider.requests.at(-1)).toMatchObject({ method: 'GET', path: '/v1/models' });
    expect(provider.requests.at(-1)!.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(await listModels(`${provider.baseUrl}/`, null)).toMatchObject({ ok: true });
    expect(provider.requests.at(-1)!.headers.authorization).toBeUndefined();
  });

  it('says why a URL gives no model list: no /v1, a closed port, a silent server', async () => {
    expect(await listModels(provider.baseUrl.replace(/\/v1$/, ''), null)).toEqual({ ok: false, problem: 'not-openai-compatible', status: 404 });
    expect(await listModels(`http://127.0.0.1:${await closedPort()}/v1`, null)).toEqual({ ok: false, problem: 'unreachable', status: null });
    const silent = createServer(() => {});
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
    try {
      const port = (silent.address() as AddressInfo).port;
      expect(await listModels(`http://127.0.0.1:${port}/v1`, null, { timeoutMs: 200 })).toEqual({ ok: false, problem: 'timeout', status: null });
    } finally {
      silent.closeAllConnections();
      await new Promise((r) => silent.close(r));
    }
  });

  it('sends the saved key only to the saved base URL', async () => {
    const fx = settingsFixture(new MemoryCredentialStore());
    try {
      await fx.service.save({ baseUrl: provider.baseUrl, model: 'llama3.2:3b', apiKey: KEY });
      expect(await fx.service.listModels(provider.baseUrl, undefined)).toMatchObject({ ok: true });
      expect(provider.requests.at(-1)!.headers.authorization).toBe(`Bearer ${KEY}`);
      expect(await fx.service.listModels(elsewhere.baseUrl, undefined)).toEqual({ ok: true, models: ['fake-model'] });
      expect(elsewhere.requests.at(-1)!.headers.authorization).toBeUndefined();
      // A key typed into the form (not yet saved) goes where the form says.
      await fx.service.listModels(elsewhere.baseUrl, 'typed-key');
      expect(elsewhere.requests.at(-1)!.headers.authorization).toBe('Bearer typed-key');
    } finally {
      fx.close();
    }
  });

  it('detects a model server on a default port and ignores ports where nothing answers', async () => {
    const candidates = [
      { kind: 'ollama' as const, baseUrl: provider.baseUrl },
      { kind: 'llama.cpp' as const, baseUrl: `http://127.0.0.1:${await closedPort()}/v1` },
    ];
    expect(await detectLocalAiServers(candidates)).toEqual([{ kind: 'ollama', baseUrl: provider.baseUrl, models: ['llama3.2:3b', 'qwen2.5-coder:7b'] }]);
  });
});

/** A loopback port nothing listens on (bound, then released). */
async function closedPort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const { port } = s.address() as AddressInfo;
  await new Promise((r) => s.close(r));
  return port;
}
