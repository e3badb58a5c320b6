// The session replay player in real Chromium against a real server: Hana (host) and Carl (candidate) edit the
// code, and Carl draws a box, over real y-websocket clients around a snapshot, a lock and phase changes; the
// session page then plays the history, seeks to a marker (the editor shows the text of that moment), tints each
// author and diffs two moments.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshotPath } from '../support/artifacts.ts';
import { launchChromium } from '../support/chromium.ts';
import { YKeyValue } from 'y-utility/y-keyvalue';
import { pollUntil } from '../support/poll.ts';
import { boxRecord } from '../support/tldraw-records.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';
import { connectSynced } from '../control/rooms/room-client.ts';
import { api, editorText, registerUser, signedInContext, watchPage } from './e2e-helpers.ts';

const T = { timeout: 15_000 };
const BEFORE = 'def solve(xs):\n';
const AFTER = '    return sorted(xs)\n';

describe('session replay (Chromium)', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let watch: ReturnType<typeof watchPage>;
  let roomId = '';
  let starter = '';

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchChromium();
    const hana = await registerUser(server.url, 'Hana');
    const carl = await registerUser(server.url, 'Carl');
    const room = await api<{ id: string; code: string }>(server.url, hana, 'POST', '/v1/rooms', { mode: 'interview', language: 'python' });
    roomId = room.id;
    const R = `/v1/rooms/${room.id}`;
    const hanaJoin = await api<never>(server.url, hana, 'POST', `${R}/join`, { code: room.code });
    const carlJoin = await api<never>(server.url, carl, 'POST', `${R}/join`, { code: room.code, role: 'candidate' });
    await api(server.url, hana, 'POST', `${R}/control/phase`, { to: 'coding' });
    const hanaCode = await connectSynced(hanaJoin);
    const carlCode = await connectSynced(carlJoin);
    starter = carlCode.text();
    const type = async (client: typeof carlCode, text: string) => {
      for (const ch of text) client.ydoc.getText('code').insert(client.text().length, ch);
      const other = client === carlCode ? hanaCode : carlCode;
      await pollUntil(() => other.text() === client.text(), Boolean, { what: 'the edit at the other client' });
    };
    await type(hanaCode, '# Hana: sort the list\n');
    await type(carlCode, BEFORE);
    const board = await connectSynced(carlJoin, 'whiteboard');
    const box = boxRecord('box1', 40, 40);
    new YKeyValue<unknown>(board.ydoc.getArray('tldraw')).set(box.id, box);
    const check = await connectSynced(hanaJoin, 'whiteboard');
    await pollUntil(() => check.ydoc.getArray('tldraw').length, (n) => n > 0, { what: 'the shape on the server' });
    check.destroy();
    board.destroy();
    await api(server.url, hana, 'POST', `${R}/control/snapshot`);
    await api(server.url, hana, 'POST', `${R}/control/lock`);
    await api(server.url, hana, 'POST', `${R}/control/unlock`);
    await type(carlCode, AFTER);
    hanaCode.destroy();
    carlCode.destroy();
    await api(server.url, hana, 'POST', `${R}/control/phase`, { to: 'finished' });

    page = await (await signedInContext(browser, server.url, hana, { width: 1440, height: 1400 })).newPage();
    watch = watchPage(page, server.url);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const code = () => editorText(page, 'replay-code');
  const final = () => `${starter}# Hana: sort the list\n${BEFORE}${AFTER}`;

  it('opens at the end with markers and each author tinted', async () => {
    await page.goto(`${server.url}/sessions/${roomId}`);
    await page.getByTestId('replay-player').waitFor(T);
    await expect.poll(code, T).toBe(final());
    const kinds = await Promise.all((await page.getByTestId('replay-markers').locator('button').all()).map((b) => b.getAttribute('data-kind')));
    for (const kind of ['presence', 'phase', 'snapshot', 'lock']) expect(kinds).toContain(kind);
    // Hana's comment and Carl's function each carry their author's tint; the starter code (the server's) none.
    const tinted = async (cls: string) => (await page.getByTestId('replay-code').locator(`.view-lines .${cls}`).allTextContents()).join('').replace(/\u00a0/g, ' ');
    const classOf = async (name: string) => (await page.locator('.replay-legend span').filter({ hasText: name }).getAttribute('class'))!;
    const [hanaTint, carlTint] = [await classOf('Hana'), await classOf('Carl')];
    await expect.poll(() => tinted(hanaTint), T).toContain('# Hana: sort the list');
    expect(await tinted(carlTint)).toContain('def solve(xs):');
    expect(await tinted(carlTint)).not.toContain('Hana');
    await expect.poll(() => page.getByTestId('replay-board').locator('.tl-shape').count(), T).toBe(1);
    await page.screenshot({ path: screenshotPath('replay-end.png'), fullPage: true });
  });

  it('jumps to a marker: the editor shows the code of that moment', async () => {
    // From the keyboard: markers of moments a few milliseconds apart overlap on the bar.
    const marker = page.getByTestId('replay-markers').getByRole('button', { name: 'Code snapshot taken by hand' });
    await marker.focus();
    await marker.press('Enter');
    await expect.poll(code, T).toContain('def solve(xs):');
    expect(await code()).not.toContain('return sorted');
    await page.getByTestId('replay-diff-from').click();
    await page.getByTestId('replay-diff').locator('.monaco-diff-editor').waitFor(T);
    await page.screenshot({ path: screenshotPath('replay-at-snapshot.png'), fullPage: true });
  });

  it('plays from the start at 32× (keyboard) to the end, scrubbing and the shortcuts help work', async () => {
    await page.getByTestId('replay-scrub').fill('0');
    await expect.poll(code, T).toBe(starter);
    await expect.poll(() => page.getByTestId('replay-board').locator('.tl-shape').count(), T).toBe(0);
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('6');
    await expect.poll(() => page.getByTestId('replay-speed').inputValue(), T).toBe('32');
    await page.keyboard.press(' ');
    await expect.poll(code, T).toContain('# Hana');
    await expect.poll(code, T).toBe(final());
    await expect.poll(() => page.getByTestId('replay-board').locator('.tl-shape').count(), T).toBe(1);
    await expect.poll(() => page.getByTestId('replay-play').textContent(), T).toContain('Play');
    await page.getByTestId('replay-help').click();
    await expect.poll(() => page.locator('.replay-help dl').textContent(), T).toContain('play / pause');
    await page.screenshot({ path: screenshotPath('replay-played.png'), fullPage: true });
  });

  it('a timeline row shows its moment in the replay', async () => {
    await expect.poll(code, T).toBe(final());
    await page.getByTestId('timeline').getByRole('button', { name: /Code snapshot taken by hand/ }).click();
    await expect.poll(code, T).toContain('def solve(xs):');
    expect(await code()).not.toContain('return sorted');
    // The player is brought into view and paused.
    await expect.poll(async () => Math.abs((await page.getByTestId('replay-player').boundingBox())!.y), T).toBeLessThan(50);
    expect(await page.getByTestId('replay-play').textContent()).toContain('Play');
    expect(watch.errors).toEqual([]);
    expect(watch.foreign).toEqual([]);
  });
});
