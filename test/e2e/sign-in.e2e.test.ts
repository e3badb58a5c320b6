// Sign-in, sign-out and the lobby in a real Chromium against a real server.
import { SignJWT } from 'jose';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshotPath } from '../support/artifacts.ts';
import { launchChromium } from '../support/chromium.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';
import { api, registerUser, signedInContext, watchPage } from './e2e-helpers.ts';

const T = { timeout: 10_000 };
const JWT_SECRET = 'e2e-sign-in-secret-with-enough-length-0123456789';

describe('sign-in and lobby (Chromium)', () => {
  let server: TestServer;
  let browser: Browser;
  beforeAll(async () => {
    server = await startTestServer({ jwtSecret: JWT_SECRET });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('registers, signs out, rejects a wrong password by code, and signs in again', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const watch = watchPage(page, server.url);
    await page.goto(server.url + '/');
    await page.getByRole('button', { name: 'No account yet? Create one' }).click();
    await page.getByLabel('Display name').fill('Ada');
    await page.getByLabel('Email').fill('ada@example.com');
    await page.getByLabel('Password').fill('correct horse battery');
    await page.screenshot({ path: screenshotPath('sign-in-register.png') });
    await page.getByRole('button', { name: 'Create account' }).click();
    await expect.poll(() => page.getByTestId('signed-in-as').textContent(), T).toBe('Ada');

    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Sign in' }).isVisible(), T).toBe(true);
    await page.getByLabel('Email').fill('ada@example.com');
    await page.getByLabel('Password').fill('wrong password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.getByRole('alert').getAttribute('data-error-code'), T).toBe('AUTH_INVALID_CREDENTIALS');
    await page.screenshot({ path: screenshotPath('sign-in-error.png') });

    await page.getByLabel('Password').fill('correct horse battery');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.getByTestId('signed-in-as').textContent(), T).toBe('Ada');
    // The session survives a reload (tokens are kept per server).
    await page.reload();
    await expect.poll(() => page.getByTestId('signed-in-as').textContent(), T).toBe('Ada');
    await page.screenshot({ path: screenshotPath('lobby.png') });
    expect(watch.errors).toEqual([]);
    expect(watch.foreign).toEqual([]);
    await context.close();
  });

  it('refreshes an expired access token once and retries the request', async () => {
    const user = await registerUser(server.url, 'Grace');
    const now = Math.floor(Date.now() / 1000);
    const expired = await new SignJWT({ role: 'user', typ: 'access', jti: crypto.randomUUID() })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(user.tokens.user.id)
      .setIssuedAt(now - 1000)
      .setExpirationTime(now - 100)
      .sign(new TextEncoder().encode(JWT_SECRET));
    const context = await signedInContext(browser, server.url, { ...user, tokens: { ...user.tokens, accessToken: expired } });
    const page = await context.newPage();
    await page.goto(server.url + '/problems');
    await expect.poll(() => page.getByTestId('problem-list').locator('li').count(), T).toBeGreaterThan(0);
    const stored = await page.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? '{}') as { accessToken?: string; refreshToken?: string }, `syncode.session:${server.url}`);
    expect(stored.accessToken).not.toBe(expired);
    expect(stored.refreshToken).not.toBe(user.tokens.refreshToken);
    await context.close();
  });

  it('goes back to sign-in when the server no longer accepts the token', async () => {
    const user = await registerUser(server.url, 'Barbara');
    const context = await signedInContext(browser, server.url, { ...user, tokens: { ...user.tokens, accessToken: 'not-a-token' } });
    const page = await context.newPage();
    await page.goto(server.url + '/problems');
    await expect.poll(() => page.getByRole('heading', { name: 'Sign in' }).isVisible(), T).toBe(true);
    await context.close();
  });

  it('offers the way back into the unfinished room the user is in, until they leave it', async () => {
    const host = await registerUser(server.url, 'Hakon');
    const candidate = await registerUser(server.url, 'Cleo');
    const room = await api<{ id: string; code: string }>(server.url, host, 'POST', '/v1/rooms', { mode: 'interview', name: 'Loop at ten' });
    await api(server.url, candidate, 'POST', `/v1/rooms/${room.id}/join`, { code: room.code, role: 'candidate' });
    const context = await signedInContext(browser, server.url, candidate);
    const page = await context.newPage();
    await page.goto(server.url + '/');
    await expect.poll(() => page.getByTestId('active-room').textContent(), T).toContain('Loop at ten');
    await page.getByRole('button', { name: 'Return to the room' }).click();
    await expect.poll(() => page.getByTestId('sync-status').getAttribute('data-state'), T).toBe('synced');
    expect(new URL(page.url()).pathname).toBe(`/rooms/${room.id}`);

    await api(server.url, candidate, 'POST', `/v1/rooms/${room.id}/leave`);
    await page.goto(server.url + '/');
    await page.getByRole('heading', { name: 'My rooms' }).waitFor(T);
    await expect.poll(() => page.getByText('Loop at ten').count(), T).toBeGreaterThan(0);
    expect(await page.getByTestId('active-room').count()).toBe(0);
    await context.close();
  });

  it('lets the host end an unfinished room from My rooms, after a confirmation', async () => {
    const host = await registerUser(server.url, 'Ebba');
    const guest = await registerUser(server.url, 'Finn');
    const room = await api<{ id: string; code: string }>(server.url, host, 'POST', '/v1/rooms', { mode: 'interview', name: 'Cancelled slot' });
    await api(server.url, guest, 'POST', `/v1/rooms/${room.id}/join`, { code: room.code, role: 'candidate' });
    const guestPage = await (await signedInContext(browser, server.url, guest)).newPage();
    await guestPage.goto(server.url + '/');
    await expect.poll(() => guestPage.getByTestId('my-rooms').textContent(), T).toContain('Cancelled slot');
    // Only the host is offered the end.
    expect(await guestPage.getByRole('button', { name: 'End Cancelled slot' }).count()).toBe(0);

    const context = await signedInContext(browser, server.url, host);
    const page = await context.newPage();
    await page.goto(server.url + '/');
    await expect.poll(() => page.getByTestId('active-room').textContent(), T).toContain('Cancelled slot');
    await page.getByRole('button', { name: 'End Cancelled slot' }).click();
    await page.getByTestId('confirm-dialog').getByRole('button', { name: 'End the room' }).click();
    await expect.poll(() => page.getByTestId('my-rooms').getByRole('listitem').filter({ hasText: 'Cancelled slot' }).textContent(), T).toContain('Finished');
    // The way back into it goes with it.
    await expect.poll(() => page.getByTestId('active-room').count(), T).toBe(0);
    expect((await api<{ status: string }>(server.url, host, 'GET', `/v1/rooms/${room.id}`)).status).toBe('finished');
    await guestPage.context().close();
    await context.close();
  });

  it('lists my rooms 20 at a time, and "More rooms" brings the older ones', async () => {
    const user = await registerUser(server.url, 'Rita');
    for (let i = 1; i <= 21; i++) await api(server.url, user, 'POST', '/v1/rooms', { mode: 'interview', language: 'python', name: `Room ${i}` });
    const context = await signedInContext(browser, server.url, user);
    const page = await context.newPage();
    await page.goto(server.url + '/');
    const myRooms = page.getByRole('region', { name: 'My rooms' });
    const names = () => myRooms.locator('li strong').allTextContents();
    await expect.poll(() => names().then((n) => n.length), T).toBe(20);
    expect((await names())[0]).toBe('Room 21'); // newest first
    await myRooms.getByTestId('more-rooms').click();
    await expect.poll(() => names().then((n) => n.length), T).toBe(21);
    expect((await names()).at(-1)).toBe('Room 1');
    expect(await myRooms.getByTestId('more-rooms').count()).toBe(0);
    await context.close();
  });

  it('browses problems: search, difficulty, tags and bookmarks', async () => {
    const user = await registerUser(server.url, 'Linus');
    const context = await signedInContext(browser, server.url, user);
    const page = await context.newPage();
    await page.goto(server.url + '/problems');
    const rows = page.getByTestId('problem-list').locator('li');
    await expect.poll(() => rows.count(), T).toBeGreaterThan(10);
    await page.getByLabel('Search problems').fill('two sum');
    await expect.poll(() => rows.allTextContents(), T).toEqual([expect.stringContaining('Two Sum')]);
    await rows.first().getByRole('button', { name: 'Bookmark' }).click();
    await page.getByLabel('Search problems').fill('');
    await page.getByLabel('Bookmarked').check();
    await expect.poll(() => rows.allTextContents(), T).toEqual([expect.stringContaining('Two Sum')]);
    await page.getByLabel('Bookmarked').uncheck();
    await page.getByLabel('Difficulty').selectOption('hard');
    await expect.poll(async () => (await rows.allTextContents()).every((t) => t.includes('hard')), T).toBe(true);
    // A tag chip counts the listed (hard) problems that have it: choosing it leaves exactly that many.
    const chip = page.locator('.chip[data-tag="arrays"]');
    const hardArrays = (await rows.locator('.grow > .muted').allTextContents()).filter((tags) => tags.split(', ').includes('arrays')).length;
    expect(hardArrays).toBeGreaterThan(0);
    await expect.poll(async () => Number(await chip.locator('span').textContent()), T).toBe(hardArrays);
    await page.screenshot({ path: screenshotPath('problem-browser.png') });
    await chip.click();
    await expect.poll(() => rows.count(), T).toBe(hardArrays);
    await chip.click();
    await expect.poll(async () => (await rows.allTextContents()).length, T).toBeGreaterThan(hardArrays);
    // "Practice" opens a practice room on that problem, where the user is the host.
    await rows.first().getByRole('button', { name: 'Practice' }).click();
    await expect.poll(() => page.getByTestId('sync-status').getAttribute('data-state'), T).toBe('synced');
    expect(await page.getByTestId('room').getAttribute('data-role')).toBe('host');
    await expect.poll(() => page.getByTestId('phase').getAttribute('data-phase'), T).toBe('coding');
    await expect.poll(() => page.getByTestId('countdown').getAttribute('data-running'), T).toBe('true');
    expect(await page.getByTestId('run-button').isEnabled()).toBe(true);
    await expect.poll(() => page.getByTestId('problem-panel').locator('h2').first().textContent(), T).toContain('hard');
    // Alone in the room: no video, no editor lock, no scorecard notes, and no "everyone sees every run".
    await page.getByTestId('staff-controls').waitFor(T);
    for (const testId of ['video-panel', 'lock-button', 'interviewer-notes']) expect(await page.getByTestId(testId).count(), testId).toBe(0);
    expect(await page.locator('.console-body.run').textContent()).not.toContain('Everyone');
    await page.locator('[data-testid="code-editor"] .view-lines').waitFor(T);
    await page.screenshot({ path: screenshotPath('practice-room.png') });
    await context.close();
  });
});
