// Peer-mode role swap in real Chromium against a real server: two peers in two browser contexts. One asks,
// the other sees the banner with its countdown and accepts; both UIs change roles at once (interviewer
// controls and the editor lock follow the role). A declined and an expired request leave notices; a swap
// with nobody to swap with is refused by code.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshotPath } from '../support/artifacts.ts';
import { launchChromium } from '../support/chromium.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';
import { api, registerUser, signedInContext, watchPage, type TestUser } from './e2e-helpers.ts';

const T = { timeout: 15_000 };
/** The spec's 60 s request TTL, shortened (a server option) so the expiry step takes seconds, not a minute. */
const SWAP_TTL_MS = 8_000;

describe('peer room role swap (Chromium, two peers)', () => {
  let server: TestServer;
  let browser: Browser;
  let contexts: BrowserContext[] = [];
  let users: TestUser[] = [];
  let ada: Page;
  let ben: Page;
  let adaWatch: ReturnType<typeof watchPage>;

  beforeAll(async () => {
    server = await startTestServer({ roleSwapTtlMs: SWAP_TTL_MS });
    browser = await launchChromium();
    users = await Promise.all([registerUser(server.url, 'Ada'), registerUser(server.url, 'Ben')]);
    contexts = await Promise.all(users.map((u) => signedInContext(browser, server.url, u)));
    [ada, ben] = await Promise.all(contexts.map((c) => c.newPage())) as [Page, Page];
    adaWatch = watchPage(ada, server.url);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const synced = (p: Page) => expect.poll(() => p.getByTestId('sync-status').getAttribute('data-state'), T).toBe('synced');
  const role = (p: Page) => p.getByTestId('room').getAttribute('data-role');
  const banner = (p: Page) => p.getByTestId('role-swap-banner');
  const hasControls = (p: Page) => p.getByTestId('staff-controls').count();

  it('Ada creates a peer room; Ben joins by the invite link as the candidate', async () => {
    await ada.goto(server.url + '/');
    await ada.getByLabel('Mode').selectOption('peer');
    await ada.getByRole('button', { name: 'Create room' }).click();
    const inviteLink = await ada.getByTestId('invite-link').inputValue();
    await ada.getByRole('button', { name: 'Enter room' }).click();
    await synced(ada);
    await ben.goto(inviteLink);
    await ben.getByRole('button', { name: 'Join as candidate' }).click();
    await synced(ben);
    expect(await role(ada)).toBe('host');
    expect(await role(ben)).toBe('candidate');
    await expect.poll(() => ada.getByTestId('participants').textContent(), T).toContain('Ben');
    expect(await hasControls(ada)).toBe(1);
    expect(await hasControls(ben)).toBe(0);
    expect(await banner(ben).count()).toBe(0);
  });

  it('Ada asks to swap: Ben sees Accept / Decline with the countdown, Ada waits, both buttons disabled', async () => {
    await ada.getByTestId('swap-roles-button').click();
    await expect.poll(() => banner(ada).getAttribute('data-status'), T).toBe('pending');
    await expect.poll(() => banner(ada).textContent(), T).toContain('Waiting for Ben');
    await expect.poll(() => banner(ben).textContent(), T).toContain('Ada asks to swap roles: you would become the interviewer');
    // The TTL on the server's clock: the countdown starts near it and ticks down.
    const countdown = ben.getByTestId('role-swap-countdown');
    expect(await countdown.textContent()).toMatch(/^0:0[5-8]$/);
    const first = await countdown.textContent();
    await expect.poll(() => countdown.textContent(), T).not.toBe(first);
    expect(await ada.getByTestId('swap-roles-button').isDisabled()).toBe(true);
    expect(await ben.getByTestId('swap-roles-button').isDisabled()).toBe(true);
    await ben.screenshot({ path: screenshotPath('peer-swap-request.png') });
  });

  it('Ben accepts: both UIs swap roles at once, controls and the editor lock follow the role', async () => {
    await ben.getByTestId('role-swap-accept').click();
    await expect.poll(() => role(ben), T).toBe('host');
    await expect.poll(() => role(ada), T).toBe('candidate');
    await expect.poll(() => hasControls(ben), T).toBe(1);
    await expect.poll(() => hasControls(ada), T).toBe(0);
    await expect.poll(() => banner(ben).textContent(), T).toContain('you are now the interviewer');
    await expect.poll(() => banner(ada).textContent(), T).toContain('you are now the candidate');
    // Ben, interviewing now, locks the editor: Ada (candidate) becomes read-only, Ben still writes.
    await ben.getByTestId('lock-button').click();
    await expect.poll(() => ada.getByTestId('code-editor').getAttribute('data-readonly'), T).toBe('true');
    expect(await ben.getByTestId('code-editor').getAttribute('data-readonly')).toBe('false');
    await ben.screenshot({ path: screenshotPath('peer-swap-accepted.png') });
    await ben.getByTestId('unlock-button').click();
    await expect.poll(() => ada.getByTestId('code-editor').getAttribute('data-readonly'), T).toBe('false');
    expect(await ada.getByTestId('swap-roles-button').isDisabled()).toBe(false);
  });

  it('a second request, declined by Ben, leaves Ada the declined notice and the roles as they were', async () => {
    await ada.getByTestId('swap-roles-button').click();
    await expect.poll(() => banner(ben).getAttribute('data-status'), T).toBe('pending');
    await expect.poll(() => banner(ben).textContent(), T).toContain('you would become the candidate');
    await ben.getByTestId('role-swap-decline').click();
    await expect.poll(() => banner(ada).getAttribute('data-status'), T).toBe('declined');
    expect(await banner(ada).textContent()).toContain('Ben declined the role swap.');
    expect(await role(ada)).toBe('candidate');
    expect(await role(ben)).toBe('host');
    await banner(ada).getByRole('button', { name: 'Dismiss' }).click();
    await expect.poll(() => banner(ada).count(), T).toBe(0);
  });

  it('an unanswered request expires: both peers are told, and Ada may ask again', async () => {
    await ada.getByTestId('swap-roles-button').click();
    await expect.poll(() => banner(ben).getAttribute('data-status'), T).toBe('pending');
    await expect.poll(() => banner(ada).getAttribute('data-status'), { timeout: SWAP_TTL_MS + 10_000 }).toBe('expired');
    await expect.poll(() => banner(ben).getAttribute('data-status'), T).toBe('expired');
    expect(await banner(ada).textContent()).toContain('expired without an answer');
    expect(await ada.getByTestId('swap-roles-button').isDisabled()).toBe(false);
    expect(await role(ada)).toBe('candidate');
  });

  it('with the peer gone, a request is refused with ROOM_ROLE_UNAVAILABLE, shown by code', async () => {
    const roomId = new URL(ada.url()).pathname.split('/').pop()!;
    await api(server.url, users[1]!, 'POST', `/v1/rooms/${roomId}/leave`);
    // The leave is stored before its response: the next request finds no active counterpart.
    await ada.getByTestId('swap-roles-button').click();
    await expect.poll(() => ada.getByTestId('role-swap-error').getAttribute('data-error-code'), T).toBe('ROOM_ROLE_UNAVAILABLE');
    expect(await ada.getByTestId('role-swap-error').textContent()).toContain('nobody to swap with');
    expect(adaWatch.errors).toEqual([]);
  });
});
