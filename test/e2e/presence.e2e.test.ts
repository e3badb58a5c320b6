// A participant whose network goes away shows as reconnecting in the others' People list within 15 s of
// going silent, and as online again when the network returns. Real Chromium against a real server.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

  it('shows a dropped participant as reconnecting within 15 s, and online again when they return', async () => {
    await host.goto(server.url + '/');
    await host.getByRole('button', { name: 'Create room' }).click();
    const inviteLink = await host.getByTestId('invite-link').inputValue();
    await host.getByRole('button', { name: 'Enter room' }).click();
    await synced(host);
    await cand.goto(inviteLink);
    await cand.getByRole('button', { name: 'Join as candidate' }).click();
    await synced(cand);
    await expect.poll(carlSeenByHost, T).toContain('online');

    await candCtx.setOffline(true);
    const silentAt = Date.now();
    await expect.poll(carlSeenByHost, { timeout: 15_000, interval: 250 }).toContain('reconnecting');
    expect(Date.now() - silentAt).toBeLessThanOrEqual(15_000);

    await candCtx.setOffline(false);
    await expect.poll(carlSeenByHost, { timeout: 20_000 }).toContain('online');
  });
});
