// A participant whose network goes away shows as reconnecting in the others' People list within 15 s of
// going silent (in their own list at once, where the others are unknown meanwhile), and as online again when the network returns; meanwhile their
// cursors in the editor and on the whiteboard are hidden, and drawn again once they are back. Real Chromium
// against a real server.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshotPath } from '../support/artifacts.ts';
import { launchChromium } from '../support/chromium.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';
import { registerUser, signedInContext } from './e2e-helpers.ts';

const T = { timeout: 15_000 };

describe('presence in the People list (Chromium)', () => {
  let server: TestServer;
  let browser: Browser;
  let candCtx: BrowserContext;
  let host: Page;
  let cand: Page;

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchChromium();
    const hostUser = await registerUser(server.url, 'Hana');
    const candUser = await registerUser(server.url, 'Carl');
    const hostCtx = await signedInContext(browser, server.url, hostUser);
    candCtx = await signedInContext(browser, server.url, candUser);
    host = await hostCtx.newPage();
    cand = await candCtx.newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const synced = (p: Page) => expect.poll(() => p.getByTestId('sync-status').getAttribute('data-state'), T).toBe('synced');
  const carlSeenByHost = () => host.getByTestId('participant-Carl').textContent();
  const carlSeenByCarl = () => cand.getByTestId('participant-Carl').textContent();
  const hanaSeenByCarl = () => cand.getByTestId('participant-Hana').textContent();
  const presenceDot = () => host.getByTestId('participant-Carl')
    .locator('.presence-dot')
    .evaluate((el) => (globalThis as unknown as { getComputedStyle(e: unknown): { backgroundColor: string } }).getComputedStyle(el).backgroundColor);
  const editorCursors = () => host.locator('[data-testid="code-editor"] .remote-cursor').count();
  const boardCursors = () => host.locator('.tl-collaborator__cursor').count();
  const openTab = (p: Page, name: 'Code' | 'Whiteboard') => p.getByRole('navigation', { name: 'Workspace' }).getByRole('button', { name }).click();

  it('shows a dropped participant as reconnecting within 15 s, hides their cursors, and restores both when they return', async () => {
    await host.goto(server.url + '/');
    await host.getByRole('button', { name: 'Create room' }).click();
    const inviteLink = await host.getByTestId('invite-link').inputValue();
    await host.getByRole('button', { name: 'Enter room' }).click();
    await synced(host);
    await cand.goto(inviteLink);
    await cand.getByRole('button', { name: 'Join as candidate' }).click();
    await synced(cand);
    await expect.poll(carlSeenByHost, T).toContain('online');
    await expect.poll(carlSeenByCarl, T).toContain('online');
    await expect.poll(hanaSeenByCarl, T).toContain('online');

    // Carl's caret in the editor, then his pointer on the whiteboard (where he stays, so the pointer he last
    // published is on the canvas) are drawn in Hana's views.
    await cand.locator('[data-testid="code-editor"] .view-lines').click();
    await cand.keyboard.type('# Carl was here'); // typing publishes the caret (a click on an empty document may not move it)
    await expect.poll(editorCursors, T).toBe(1);
    await openTab(cand, 'Whiteboard');
    await openTab(host, 'Whiteboard');
    const canvas = cand.locator('.tl-canvas');
    await canvas.waitFor();
    const box = (await canvas.boundingBox())!;
    await expect
      .poll(async () => {
        await cand.mouse.move(box.x + box.width / 2 + Math.random() * 40, box.y + box.height / 2 + Math.random() * 40);
        return boardCursors();
      }, T)
      .toBe(1);

    await candCtx.setOffline(true);
    const silentAt = Date.now();
    // Carl's own list says so at once (his awareness state is fresh only on his side), and cannot tell where Hana is.
    await expect.poll(carlSeenByCarl, T).toContain('reconnecting');
    expect(await hanaSeenByCarl()).toContain('unknown');
    await cand.screenshot({ path: screenshotPath('presence-self-reconnecting.png') });
    await expect.poll(carlSeenByHost, { timeout: 15_000, interval: 250 }).toContain('reconnecting');
    expect(Date.now() - silentAt).toBeLessThanOrEqual(15_000);
    // Seen at a glance too: the avatar's dot turns amber (--warn), and green (--ok) again on return.
    expect(await presenceDot()).toBe('rgb(217, 162, 58)');
    await expect.poll(boardCursors, T).toBe(0);
    await openTab(host, 'Code');
    await expect.poll(editorCursors, T).toBe(0);
    await host.screenshot({ path: screenshotPath('presence-reconnecting-editor.png') });

    await candCtx.setOffline(false);
    await expect.poll(carlSeenByHost, { timeout: 20_000 }).toContain('online');
    await expect.poll(carlSeenByCarl, T).toContain('online');
    expect(await presenceDot()).toBe('rgb(47, 179, 107)');
    await expect.poll(editorCursors, T).toBe(1);
    await openTab(host, 'Whiteboard');
    await expect.poll(boardCursors, T).toBe(1);
    await host.screenshot({ path: screenshotPath('presence-back-online-board.png') });
  }, 120_000);
});
