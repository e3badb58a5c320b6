import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { IpcMainInvokeEvent } from 'electron';
import { AiSettingsService } from '../../main/ai-settings/ai-settings-service.ts';
import { createIpcHandlers } from '../../main/app-handlers.ts';
import { MemoryCredentialStore } from '../../main/credentials/credential-store.ts';
import { isTrustedSender, registerIpcHandlers, type IpcRegistrar } from '../../main/ipc-handlers.ts';
import { MAX_UPDATE_BYTES } from '../../main/ipc-validation.ts';
import { LocalStore } from '../../main/local-store/local-store.ts';
import { ProfileService } from '../../main/profiles/profile-service.ts';
import { bridgeName, IPC_CHANNELS, type IpcChannel, type IpcReply } from '../../preload/api.ts';
import { createBridge } from '../../preload/bridge.ts';
import { makeTempDir } from '../support/temp-dir.ts';

const RENDERER = 'http://127.0.0.1:43121';
type Listener = (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown;

// Compile-time: IPC_CHANNELS lists every channel of SyncodeApi (this line fails to type-check otherwise).
const everyChannelListed: Exclude<IpcChannel, (typeof IPC_CHANNELS)[number]> extends never ? true : false = true;

describe('IPC contract', () => {
  let dir: ReturnType<typeof makeTempDir>;
  let store: LocalStore;
  let registered: Map<string, Listener[]>;
  let opened: string[];
  let pdfRequests: string[];
  let applied: unknown[];

  beforeEach(() => {
    dir = makeTempDir('syncode-ipc-');
    store = new LocalStore({ file: join(dir.path, 'local-store.sqlite') });
    opened = [];
    pdfRequests = [];
    applied = [];
    registered = new Map();
    // ipcMain stand-in: records what main registers (Electron itself cannot run here).
    const registrar: IpcRegistrar = {
      handle: (channel, listener) => registered.set(channel, [...(registered.get(channel) ?? []), listener]),
    };
    const profiles = new ProfileService({ settings: store, credentials: new MemoryCredentialStore(), localBaseUrl: () => RENDERER });
    const handlers = createIpcHandlers({
      appInfo: { version: '0.1.0', platform: 'linux' },
      openInBrowser: (url) => opened.push(url),
      serverStatus: () => ({ state: 'ready', url: RENDERER, message: null }),
      profiles,
      store,
      // Stand-in for Electron's hidden window and save dialog (report-pdf.test.ts prints for real in Chromium).
      reportPdf: {
        openPrintWindow: () => ({ loadURL: async () => {}, printToPDF: async () => new Uint8Array([37, 80, 68, 70]), destroy: () => {} }),
        chooseSavePath: async (name) => (pdfRequests.push(name), null),
        writeFile: async () => {},
      },
      ai: new AiSettingsService({
        settings: store,
        credentials: Promise.resolve(new MemoryCredentialStore()),
        apply: async (provider) => void applied.push(provider),
      }),
    });
    registerIpcHandlers(registrar, handlers, () => [RENDERER]);
  });
  afterEach(() => {
    store.close();
    dir.remove();
  });

  const call = (channel: string, frameUrl: string | undefined, ...args: unknown[]): Promise<IpcReply<unknown>> => {
    const event = { senderFrame: frameUrl === undefined ? null : { url: frameUrl } } as unknown as IpcMainInvokeEvent;
    return Promise.resolve(registered.get(channel)![0]!(event, ...args)) as Promise<IpcReply<unknown>>;
  };
  const fromRenderer = (channel: string, ...args: unknown[]) => call(channel, `${RENDERER}/room/abc`, ...args);

  it('has exactly one main handler per channel, and nothing else registered', () => {
    expect(everyChannelListed).toBe(true);
    expect(new Set(IPC_CHANNELS).size).toBe(IPC_CHANNELS.length);
    expect([...registered.keys()].sort()).toEqual([...IPC_CHANNELS].sort());
    for (const listeners of registered.values()) expect(listeners).toHaveLength(1);
  });

  it('has exactly one bridge function per channel, each invoking its channel', async () => {
    const invoked: [string, unknown[]][] = [];
    const bridge = createBridge(
      async (channel, ...args) => {
        invoked.push([channel, args]);
        return { ok: true, value: channel };
      },
      () => () => {},
    );
    const names = IPC_CHANNELS.map(bridgeName);
    expect(new Set(names).size).toBe(IPC_CHANNELS.length);
    expect(Object.keys(bridge).sort()).toEqual([...names, 'on'].sort());
    for (const channel of IPC_CHANNELS) {
      const fn = (bridge as unknown as Record<string, (...a: unknown[]) => Promise<unknown>>)[bridgeName(channel)]!;
      expect(await fn('arg')).toBe(channel);
      expect(invoked.at(-1)).toEqual([channel, ['arg']]);
    }
  });

  it('the bridge rejects with { code, message } and delivers only the subscribed event', async () => {
    let emit: (m: unknown) => void = () => {};
    const bridge = createBridge(
      async () => ({ ok: false, error: { code: 'VALIDATION_FAILED', message: 'Invalid key.' } }),
      (listener) => {
        emit = listener;
        return () => (emit = () => {});
      },
    );
    await expect(bridge.storeLoad({ server: RENDERER, roomId: 'r', doc: 'code' })).rejects.toEqual({
      code: 'VALIDATION_FAILED',
      message: 'Invalid key.',
    });
    const links: unknown[] = [];
    const off = bridge.on('deep-link', (p) => links.push(p));
    emit({ event: 'menu-action', payload: 'run' });
    emit({ event: 'deep-link', payload: { code: 'ABC234' } });
    off();
    emit({ event: 'deep-link', payload: { code: 'ZZZ999' } });
    expect(links).toEqual([{ code: 'ABC234' }]);
  });

  it('refuses every channel from a foreign frame, a missing frame, file: pages and other loopback ports', async () => {
    for (const frame of ['https://evil.example/', 'file:///home/me/page.html', 'http://127.0.0.1:9999/', 'http://localhost:43121/', undefined]) {
      for (const channel of IPC_CHANNELS) {
        await expect(call(channel, frame)).rejects.toThrow(/untrusted sender/);
      }
    }
    expect(isTrustedSender('not a url', [RENDERER])).toBe(false);
    expect(await fromRenderer('app:info')).toEqual({ ok: true, value: { version: '0.1.0', platform: 'linux' } });
  });

  it('validates arguments and answers VALIDATION_FAILED without reaching the service', async () => {
    const key = { server: RENDERER, roomId: 'room-1', doc: 'code' };
    const bad: [string, ...unknown[]][] = [
      ['store:append', key, 'not bytes'],
      ['store:append', key, new Uint8Array(0)],
      ['store:append', key, new Uint8Array(MAX_UPDATE_BYTES + 1)],
      ['store:append', { ...key, doc: 'notes' }, new Uint8Array([0])],
      ['store:load', { ...key, server: 'ftp://x' }],
      ['store:load', { ...key, roomId: '../../etc' }],
      ['profiles:add-hosted', 'http://rooms.example.com'],
      ['profiles:add-hosted', 'javascript:alert(1)'],
      ['profiles:switch', { id: 'x' }],
      ['auth:save', 'local', { account: 'a@b.c', accessToken: 'x' }],
      ['recent:add', { server: RENDERER, roomId: 'r', name: '' }],
      ['shell:open-external', 'http://example.com'],
      ['shell:open-external', 'file:///etc/passwd'],
      ['report:save-pdf', { html: '', fileName: 'report.pdf' }],
      ['report:save-pdf', { html: '<p>x</p>', fileName: '../../.bashrc.pdf' }],
      ['report:save-pdf', { html: '<p>x</p>', fileName: 'report.html' }],
      ['ai:save', { baseUrl: 'ftp://127.0.0.1/v1', model: 'm' }],
      ['ai:save', { baseUrl: 'http://user:pw@127.0.0.1/v1', model: 'm' }],
      ['ai:save', { baseUrl: 'http://127.0.0.1:11434/v1?x=1', model: 'm' }],
      ['ai:save', { baseUrl: 'http://127.0.0.1:11434/v1', model: '' }],
      ['ai:save', { baseUrl: 'http://127.0.0.1:11434/v1', model: 'm', apiKey: '' }],
      ['ai:list-models', 'javascript:alert(1)'],
      ['ai:list-models', 'http://127.0.0.1:11434/v1', 42],
    ];
    for (const [i, [channel, ...args]] of bad.entries()) {
      const reply = await fromRenderer(channel, ...args);
      expect(reply, `case ${i}: ${channel}`).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    }
    expect(store.load(key as never)).toBeNull();
    expect(opened).toEqual([]);
    expect(pdfRequests).toEqual([]);
    expect(await fromRenderer('report:save-pdf', { html: '<p>x</p>', fileName: 'session.pdf' })).toEqual({ ok: true, value: { saved: false } });
    expect(pdfRequests).toEqual(['session.pdf']);
    expect(applied).toEqual([]);
    expect(await fromRenderer('ai:settings')).toEqual({ ok: true, value: { baseUrl: null, model: null, hasKey: false, keyRemembered: false } });
  });

  it('serves the store, recent rooms and external links through the checked handlers', async () => {
    const key = { server: RENDERER, roomId: 'room-1', doc: 'whiteboard' };
    const Y = await import('yjs');
    const doc = new Y.Doc();
    doc.getArray('tldraw').push([{ key: 'shape:1', val: { x: 1 } }]);
    const update = Y.encodeStateAsUpdate(doc);
    expect(await fromRenderer('store:append', key, update)).toEqual({ ok: true, value: undefined });
    const loaded = (await fromRenderer('store:load', key)) as { ok: true; value: Uint8Array };
    const copy = new Y.Doc();
    Y.applyUpdate(copy, loaded.value);
    expect(copy.getArray('tldraw').toJSON()).toEqual([{ key: 'shape:1', val: { x: 1 } }]);
    await fromRenderer('store:clear', key);
    expect(await fromRenderer('store:load', key)).toEqual({ ok: true, value: null });

    await fromRenderer('recent:add', { server: RENDERER, roomId: 'room-1', name: 'Mock interview' });
    expect(((await fromRenderer('recent:list')) as { value: unknown[] }).value).toMatchObject([{ roomId: 'room-1', name: 'Mock interview' }]);
    await fromRenderer('shell:open-external', 'https://syncode.dev/help');
    expect(opened).toEqual(['https://syncode.dev/help']);
  });
});
