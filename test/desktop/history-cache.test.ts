// The desktop's cache of session history (local store, real SQLite file): parts of a session of a server are kept
// as the REST API gave them, replaced on refresh, kept apart per server and session, and survive reopening; the
// IPC channels validate their arguments.
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createIpcHandlers } from '../../main/app-handlers.ts';
import { AiSettingsService } from '../../main/ai-settings/ai-settings-service.ts';
import { MemoryCredentialStore } from '../../main/credentials/credential-store.ts';
import { unusedReportPdf } from './unused-services.ts';
import { LocalStore } from '../../main/local-store/local-store.ts';
import { ProfileService } from '../../main/profiles/profile-service.ts';
import type { HistoryKey } from '../../preload/api.ts';
import { makeTempDir } from '../support/temp-dir.ts';

const SERVER = 'https://rooms.example.com';
const SESSION = '6f1c1c9e-3d4b-4a57-9d6e-2b7a3c1e9f00';
const replay = [{ seq: 1, at: '2026-01-01T10:00:00.000Z', userId: null, update: 'AQE=' }];

describe('history cache in the local store', () => {
  let dir: ReturnType<typeof makeTempDir>;
  beforeEach(() => {
    dir = makeTempDir('syncode-history-');
  });
  afterEach(() => dir.remove());

  it('keeps each part per server and session, replaces it on refresh, and reads it after reopening', () => {
    const file = join(dir.path, 'local-store.sqlite');
    const key: HistoryKey = { server: SERVER, sessionId: SESSION, part: 'replay-code' };
    let store = new LocalStore({ file });
    expect(store.getHistory(key)).toBeNull();
    store.putHistory(key, replay);
    store.putHistory({ ...key, part: 'session' }, { detail: { id: SESSION }, timeline: [], snapshots: [] });
    store.putHistory(key, [...replay, { ...replay[0]!, seq: 2 }]);
    store.close();

    store = new LocalStore({ file });
    try {
      expect(store.getHistory(key)).toEqual([...replay, { ...replay[0]!, seq: 2 }]);
      expect(store.getHistory({ ...key, part: 'session' })).toEqual({ detail: { id: SESSION }, timeline: [], snapshots: [] });
      expect(store.getHistory({ ...key, part: 'replay-whiteboard' })).toBeNull();
      expect(store.getHistory({ ...key, server: 'https://other.example.com' })).toBeNull();

      // Forgetting a session drops all its parts, and nothing of another session or server.
      const other = '0b7e2f4a-9c1d-4e8b-a3f5-6d2c8e1b7a90';
      store.putHistory({ ...key, sessionId: other }, replay);
      store.putHistory({ ...key, server: 'https://other.example.com' }, replay);
      store.forgetHistory({ server: SERVER, sessionId: SESSION });
      expect(store.getHistory(key)).toBeNull();
      expect(store.getHistory({ ...key, part: 'session' })).toBeNull();
      expect(store.getHistory({ ...key, sessionId: other })).toEqual(replay);
      expect(store.getHistory({ ...key, server: 'https://other.example.com' })).toEqual(replay);
    } finally {
      store.close();
    }
  });

  it('is reached through history:put / history:get / history:forget, which refuse bad keys and values', async () => {
    const store = new LocalStore({ file: join(dir.path, 'ipc.sqlite') });
    try {
      const profiles = new ProfileService({ settings: store, credentials: new MemoryCredentialStore(), localBaseUrl: () => 'http://127.0.0.1:1' });
      const handlers = createIpcHandlers({
        appInfo: { version: '0', platform: 'linux' },
        openInBrowser: () => {},
        serverStatus: () => ({ state: 'ready', url: null, message: null }),
        profiles,
        store,
        reportPdf: unusedReportPdf,
        ai: new AiSettingsService({ settings: store, credentials: Promise.resolve(new MemoryCredentialStore()), apply: async () => {} }),
      });
      const key: HistoryKey = { server: SERVER, sessionId: SESSION, part: 'replay-whiteboard' };
      await handlers['history:put'](key, replay);
      expect(await handlers['history:get'](key)).toEqual(replay);
      const circular: Record<string, unknown> = {};
      circular.self = circular;
      for (const call of [
        () => handlers['history:put']({ ...key, part: 'secrets' as never }, replay),
        () => handlers['history:put']({ ...key, server: 'http://rooms.example.com' }, replay),
        () => handlers['history:get']({ ...key, sessionId: '../../etc' }),
        () => handlers['history:put'](key, circular),
        () => handlers['history:forget']({ server: SERVER, sessionId: '%' }),
        () => handlers['history:forget']({ server: 'file:///etc', sessionId: SESSION }),
      ]) {
        await expect(Promise.resolve().then(call)).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
      }
      expect(await handlers['history:get'](key)).toEqual(replay);
      await handlers['history:forget']({ server: SERVER, sessionId: SESSION });
      expect(await handlers['history:get'](key)).toBeNull();
    } finally {
      store.close();
    }
  });
});
