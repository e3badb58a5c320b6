// The renderer as the desktop app runs it: `window.syncode` present. Electron cannot run here (its binary
// cannot be downloaded), so main's side of the bridge is a stand-in: the in-page bridge forwards to Node
// functions that keep the local Yjs store in memory and merge with Yjs, like main's SQLite store does.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { join } from 'node:path';
import type { HistoryKey, HistorySession } from '../../preload/api.ts';
import { LocalStore } from '../../main/local-store/local-store.ts';
import { launchChromium } from '../support/chromium.ts';
import { makeTempDir } from '../support/temp-dir.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';
import { screenshotPath } from '../support/artifacts.ts';
import { api, editorText, focusEditorEnd, registerUser, signedInContext, type TestUser } from './e2e-helpers.ts';

const T = { timeout: 15_000 };

/** The page side: every bridge call goes to an exposed Node function named `bridge_<method>`. */
const BRIDGE_SCRIPT = `(() => {
  const call = (name, ...args) => window['bridge_' + name](...args);
  const b64 = (u8) => btoa(String.fromCharCode(...u8));
  const u8 = (s) => Uint8Array.from(atob(s), (c) => c.charCodeAt(0));
  window.syncode = {
    appInfo: () => call('appInfo'),
    serverStatus: () => call('serverStatus'),
    profilesActive: () => call('profilesActive'),
    profilesList: () => call('profilesList'),
    profilesSwitch: (id) => call('profilesActive'),
    profilesAddHosted: (url) => call('profilesActive').then((a) => a.profile),
    profilesRemove: () => Promise.resolve(),
    authSave: (id, s) => call('authSave', s.account),
    authClear: () => call('authClear'),
    storeLoad: (key) => call('storeLoad', key).then((s) => (s ? u8(s) : null)),
    storeAppend: (key, update) => call('storeAppend', key, b64(update)),
    storeClear: (key) => call('storeClear', key),
    historyPut: (key, value) => call('historyPut', key, value),
    historyGet: (key) => call('historyGet', key),
    historyForget: (session) => call('historyForget', session),
    recentList: () => Promise.resolve([]),
    recentAdd: () => Promise.resolve(),
    shellOpenExternal: () => Promise.resolve(),
    on: () => () => {},
  };
})()`;

describe('desktop app renderer (window.syncode bridge)', () => {
  let server: TestServer;
  let browser: Browser;
  let host: TestUser;
  let cand: TestUser;
  const store = new Map<string, Uint8Array[]>();
  // The history cache is main's real local store (a SQLite file), reached as main's handlers reach it.
  const historyDir = makeTempDir('syncode-desktop-history-');
  let history: LocalStore;
  const calls: string[] = [];
  const keyOf = (k: { server: string; roomId: string; doc: string }) => `${k.server}|${k.roomId}|${k.doc}`;

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchChromium();
    host = await registerUser(server.url, 'Hilde');
    cand = await registerUser(server.url, 'Dora');
    history = new LocalStore({ file: join(historyDir.path, 'local-store.sqlite') });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    history?.close();
    historyDir.remove();
  });

  async function desktopPage(kind: 'hosted' | 'local' = 'hosted') {
    const context = await browser.newContext({ viewport: { width: 1440, height: 1300 } });
    const profile = { id: `${kind}-1`, kind, label: kind === 'local' ? 'This computer' : '127.0.0.1', baseUrl: server.url, account: cand.email };
    const fns: Record<string, (...a: never[]) => unknown> = {
      appInfo: () => ({ version: 'test', platform: 'linux' }),
      serverStatus: () => ({ state: 'stopped', url: null, message: null }),
      profilesList: () => [profile],
      // Tokens come from "the keychain": localStorage starts empty, so the renderer must restore the session.
      profilesActive: () => ({ profile, tokens: { accessToken: cand.tokens.accessToken, refreshToken: cand.tokens.refreshToken }, remembered: true }),
      authSave: (account: string) => void calls.push(`authSave ${account}`),
      authClear: () => void calls.push('authClear'),
      storeLoad: (k: { server: string; roomId: string; doc: string }) => {
        calls.push(`storeLoad ${k.doc}`);
        const updates = store.get(keyOf(k));
        return updates?.length ? Buffer.from(Y.mergeUpdates(updates)).toString('base64') : null;
      },
      storeAppend: (k: { server: string; roomId: string; doc: string }, b64: string) => {
        const list = store.get(keyOf(k)) ?? [];
        list.push(new Uint8Array(Buffer.from(b64, 'base64')));
        store.set(keyOf(k), list);
      },
      storeClear: (k: { server: string; roomId: string; doc: string }) => {
        calls.push(`storeClear ${k.doc}`);
        store.delete(keyOf(k));
      },
      historyPut: (key: HistoryKey, value: unknown) => history.putHistory(key, value),
      historyGet: (key: HistoryKey) => history.getHistory(key),
      historyForget: (session: HistorySession) => history.forgetHistory(session),
    };
    for (const [name, fn] of Object.entries(fns)) await context.exposeFunction(`bridge_${name}`, fn);
    await context.addInitScript(BRIDGE_SCRIPT);
    return { context, page: await context.newPage() };
  }

  it('restores the keychain session, keeps room edits in the local store, and merges them after reopening', async () => {
    const room = await api<{ id: string; code: string }>(server.url, host, 'POST', '/v1/rooms', { mode: 'interview', language: 'python' });
    await api(server.url, cand, 'POST', `/v1/rooms/${room.id}/join`, { code: room.code, role: 'candidate' });
    const hostCtx = await signedInContext(browser, server.url, host, { width: 1440, height: 1300 });
    const hostPage = await hostCtx.newPage();
    await hostPage.goto(`${server.url}/rooms/${room.id}`);

    const first = await desktopPage();
    await first.page.goto(`${server.url}/rooms/${room.id}`);
    await expect.poll(() => first.page.getByTestId('signed-in-as').textContent(), T).toBe('Dora');
    await expect.poll(() => first.page.getByTestId('sync-status').getAttribute('data-state'), T).toBe('synced');
    expect(calls).toContain('storeLoad code');

    // Offline: the edit lives only in the local store when the window closes.
    await first.context.setOffline(true);
    await expect.poll(() => first.page.getByTestId('sync-status').getAttribute('data-state'), T).toBe('offline');
    await focusEditorEnd(first.page);
    await first.page.keyboard.type('# written on the plane');
    await expect.poll(() => {
      const doc = new Y.Doc();
      Y.applyUpdate(doc, Y.mergeUpdates(store.get(`${server.url}|${room.id}|code`) ?? [new Uint8Array([0, 0])]));
      return doc.getText('code').toString();
    }, T).toContain('# written on the plane');
    await first.page.screenshot({ path: screenshotPath('desktop-offline.png') });
    await first.context.close();
    expect(await editorText(hostPage)).not.toContain('plane');

    // Reopened online: storeLoad brings the edit back and the sync exchange sends it to the server.
    const second = await desktopPage();
    await second.page.goto(`${server.url}/rooms/${room.id}`);
    await expect.poll(() => editorText(hostPage), T).toContain('# written on the plane');
    await expect.poll(() => second.page.getByTestId('sync-status').getAttribute('data-state'), T).toBe('synced');
    await second.context.close();
    await hostCtx.close();
  });

  it("lets the practice account on this computer rename itself, with no password form (the app keeps that password)", async () => {
    const { context, page } = await desktopPage('local');
    await page.goto(`${server.url}/settings/account`);
    await expect.poll(() => page.getByTestId('local-account-note').isVisible(), T).toBe(true);
    expect(await page.getByRole('heading', { name: 'Password' }).count()).toBe(0);
    expect(await page.getByRole('heading', { name: 'Delete account' }).count()).toBe(0);
    calls.length = 0;
    await page.getByLabel('Display name').fill('Dora M.');
    await page.getByRole('button', { name: 'Save profile' }).click();
    await expect.poll(() => page.getByTestId('signed-in-as').textContent(), T).toBe('Dora M.');
    // The renamed profile is saved with the session, so the next launch starts with it.
    expect(calls).toContain(`authSave ${cand.email}`);
    await context.close();
  });

  it('drops the offline copy of a session removed from History, or one the server no longer has for me', async () => {
    const finished = async (name: string) => {
      const room = await api<{ id: string; code: string }>(server.url, host, 'POST', '/v1/rooms', { mode: 'interview', name });
      await api(server.url, cand, 'POST', `/v1/rooms/${room.id}/join`, { code: room.code, role: 'candidate' });
      for (const to of ['warmup', 'coding', 'wrapup', 'finished']) await api(server.url, host, 'POST', `/v1/rooms/${room.id}/control/phase`, { to });
      return room.id;
    };
    const [removed, goneElsewhere, kept] = [await finished('Removed here'), await finished('Removed on the laptop'), await finished('Kept')];
    const cached = (sessionId: string) => history.getHistory({ server: server.url, sessionId, part: 'session' });
    const { context, page } = await desktopPage();
    for (const sessionId of [removed, goneElsewhere, kept]) {
      await page.goto(`${server.url}/sessions/${sessionId}`);
      await expect.poll(() => cached(sessionId), T).not.toBeNull();
    }

    await page.goto(`${server.url}/history`);
    await page.getByRole('button', { name: 'Remove Removed here from my history' }).click();
    await page.getByTestId('confirm-dialog').getByRole('button', { name: 'Remove' }).click();
    await expect.poll(() => cached(removed), T).toBeNull();

    // Removed on another device: the session page hears SESSION_NOT_FOUND, and the copy goes too.
    await api(server.url, cand, 'DELETE', `/v1/sessions/${goneElsewhere}`);
    await page.goto(`${server.url}/sessions/${goneElsewhere}`);
    await expect.poll(() => page.getByRole('alert').textContent(), T).toContain('That session does not exist.');
    await expect.poll(() => cached(goneElsewhere), T).toBeNull();

    // Only those two: the other session's copy stays for reading offline.
    expect(cached(kept)).toMatchObject({ detail: { id: kept } });
    await context.close();
  });
});
