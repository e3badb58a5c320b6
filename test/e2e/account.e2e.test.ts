// The account screen and the password reset in a real Chromium against a real server: profile, password change,
// account deletion, and the reset link from the email to a new password.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshotPath } from '../support/artifacts.ts';
import { startFakeOpenAi, type FakeOpenAi } from '../support/fake-openai.ts';
import { parseMail, startTestSmtpServer, type TestSmtpServer } from '../support/test-smtp-server.ts';
import { api, axeViolations, registerUser, signedInContext, watchPage, type TestUser } from './e2e-helpers.ts';
import { serverAndBrowser } from './server-and-browser.ts';

const T = { timeout: 10_000 };

async function refreshStatus(serverUrl: string, refreshToken: string): Promise<number> {
  const res = await fetch(`${serverUrl}/v1/auth/refresh`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ refreshToken }) });
  return res.status;
}

async function loginStatus(serverUrl: string, user: TestUser, password: string): Promise<number> {
  const res = await fetch(`${serverUrl}/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: user.email, password }) });
  return res.status;
}

describe('account settings (Chromium)', () => {
  const ctx = serverAndBrowser();

  async function openAccount(user: TestUser): Promise<{ page: Page; close(): Promise<void>; watch: ReturnType<typeof watchPage> }> {
    const context = await signedInContext(ctx.browser, ctx.server.url, user, { width: 1280, height: 900 });
    const page = await context.newPage();
    const watch = watchPage(page, ctx.server.url);
    await page.goto(ctx.server.url + '/');
    await page.getByTestId('signed-in-as').click();
    await expect.poll(() => page.getByRole('heading', { name: 'Profile' }).isVisible(), T).toBe(true);
    expect(new URL(page.url()).pathname).toBe('/settings/account');
    return { page, watch, close: () => context.close() };
  }

  it('renames the user everywhere, refuses a direction character by code, and makes the preferred language the new-room default', async () => {
    const user = await registerUser(ctx.server.url, 'Lin');
    const { page, watch, close } = await openAccount(user);
    await page.getByLabel('Display name').fill('Lin \u202eeciffo');
    await page.getByRole('button', { name: 'Save profile' }).click();
    await expect.poll(() => page.getByRole('alert').getAttribute('data-error-code'), T).toBe('VALIDATION_FAILED');
    expect(await page.getByRole('alert').textContent()).toContain('text-direction');

    await page.getByLabel('Display name').fill('Lin Chen');
    await page.getByLabel('About you').fill('Backend engineer.');
    await page.getByLabel('Preferred language').selectOption('rust');
    await page.getByRole('button', { name: 'Save profile' }).click();
    await expect.poll(() => page.getByRole('status').textContent(), T).toBe('Saved.');
    await expect.poll(() => page.getByTestId('signed-in-as').textContent(), T).toBe('Lin Chen');
    await page.screenshot({ path: screenshotPath('account-profile.png') });

    const me = (await (await fetch(`${ctx.server.url}/v1/users/me`, { headers: { authorization: `Bearer ${user.tokens.accessToken}` } })).json()) as Record<string, unknown>;
    expect(me).toMatchObject({ displayName: 'Lin Chen', bio: 'Backend engineer.', preferredLanguage: 'rust' });
    // A reload keeps the new name (the stored session carries the profile), and the lobby's new room starts in Rust.
    await page.reload();
    await expect.poll(() => page.getByTestId('signed-in-as').textContent(), T).toBe('Lin Chen');
    await page.getByRole('button', { name: 'Rooms' }).click();
    await expect.poll(() => page.getByLabel('Language').inputValue(), T).toBe('rust');
    expect(watch.errors).toEqual([]);
    await close();
  });

  it('changes the password: this tab stays signed in, older sessions end, and only the new password signs in', async () => {
    const user = await registerUser(ctx.server.url, 'Mo');
    const { page, watch, close } = await openAccount(user);
    await page.getByLabel('Current password').fill('not my password');
    await page.getByLabel('New password', { exact: true }).fill('a brand new secret');
    await page.getByLabel('Repeat the new password').fill('a brand new secreT');
    await expect.poll(() => page.getByText('The two passwords differ.').isVisible(), T).toBe(true);
    expect(await page.getByRole('button', { name: 'Change password' }).isDisabled()).toBe(true);
    await page.getByLabel('Repeat the new password').fill('a brand new secret');
    await page.getByRole('button', { name: 'Change password' }).click();
    await expect.poll(() => page.getByRole('alert').getAttribute('data-error-code'), T).toBe('AUTH_WRONG_PASSWORD');

    await page.getByLabel('Current password').fill(user.password);
    await page.getByRole('button', { name: 'Change password' }).click();
    await expect.poll(() => page.getByRole('status').textContent(), T).toContain('Password changed.');
    await page.screenshot({ path: screenshotPath('account-password.png') });
    expect(await refreshStatus(ctx.server.url, user.tokens.refreshToken)).toBe(401);
    expect(await loginStatus(ctx.server.url, user, user.password)).toBe(401);
    expect(await loginStatus(ctx.server.url, user, 'a brand new secret')).toBe(200);
    // This tab got the new session: it survives a reload (which refreshes with the new refresh token).
    const stored = JSON.parse((await page.evaluate(`localStorage.getItem('syncode.session:${ctx.server.url}')`)) as string) as { refreshToken: string };
    expect(stored.refreshToken).not.toBe(user.tokens.refreshToken);
    expect(await refreshStatus(ctx.server.url, stored.refreshToken)).toBe(200);
    expect(watch.errors).toEqual([]);
    await close();
  });

  it('deletes the account only with the password and a confirmation, then signs out', async () => {
    const user = await registerUser(ctx.server.url, 'Noor');
    const { page, watch, close } = await openAccount(user);
    await page.getByLabel('Your password, to confirm').fill('wrong password');
    await page.getByRole('button', { name: 'Delete my account…' }).click();
    await page.getByTestId('confirm-dialog').getByRole('button', { name: 'Cancel' }).click();
    expect(await loginStatus(ctx.server.url, user, user.password)).toBe(200);

    await page.getByRole('button', { name: 'Delete my account…' }).click();
    await page.getByTestId('confirm-dialog').getByRole('button', { name: 'Delete my account' }).click();
    await expect.poll(() => page.getByRole('alert').getAttribute('data-error-code'), T).toBe('AUTH_WRONG_PASSWORD');

    await page.getByLabel('Your password, to confirm').fill(user.password);
    await page.getByRole('button', { name: 'Delete my account…' }).click();
    await page.getByTestId('confirm-dialog').getByRole('button', { name: 'Delete my account' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Sign in' }).isVisible(), T).toBe(true);
    expect(new URL(page.url()).pathname).toBe('/');
    expect(await loginStatus(ctx.server.url, user, user.password)).toBe(401);
    expect(watch.errors).toEqual([]);
    await close();
  });

  it("shows a participant's bio and record when their name in the People list is opened", async () => {
    const [host, candidate] = await Promise.all([registerUser(ctx.server.url, 'Rhea'), registerUser(ctx.server.url, 'Sami')]);
    await api(ctx.server.url, candidate, 'PATCH', '/v1/users/me', { bio: 'Ten years of embedded C.\nNow learning Rust.' });
    const room = await api<{ id: string; code: string }>(ctx.server.url, host, 'POST', '/v1/rooms', { mode: 'interview' });
    await api(ctx.server.url, candidate, 'POST', `/v1/rooms/${room.id}/join`, { code: room.code, role: 'candidate' });
    const context = await signedInContext(ctx.browser, ctx.server.url, host, { width: 1440, height: 900 });
    const page = await context.newPage();
    await page.goto(`${ctx.server.url}/rooms/${room.id}`);
    const name = page.getByTestId('participant-Sami').getByRole('button', { name: 'Sami' });
    await name.click();
    await expect.poll(() => page.getByTestId('participant-profile').textContent(), T).toContain('Ten years of embedded C.');
    expect(await page.getByTestId('participant-profile').textContent()).toMatch(/Member since .+ · 0 sessions · 0 solved/);
    expect(await name.getAttribute('aria-expanded')).toBe('true');
    await page.screenshot({ path: screenshotPath('participant-profile.png') });
    expect(await axeViolations(page)).toEqual([]);
    await name.click();
    expect(await page.getByTestId('participant-profile').count()).toBe(0);
    await context.close();
  });

  it('offers no reset link on a server that cannot send email, and a reset page without its code says what to do', async () => {
    const context = await ctx.browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(ctx.server.url + '/');
    await expect.poll(() => page.getByRole('heading', { name: 'Sign in' }).isVisible(), T).toBe(true);
    await expect.poll(() => page.getByTestId('server-health').isVisible(), T).toBe(true);
    expect(await page.getByRole('button', { name: 'Forgot your password?' }).count()).toBe(0);
    await page.goto(ctx.server.url + '/reset-password');
    await expect.poll(() => page.getByText('that link is missing its code').isVisible(), T).toBe(true);
    await page.getByRole('button', { name: 'Back to sign in' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Sign in' }).isVisible(), T).toBe(true);
    await context.close();
  });
});

describe('password reset by email (Chromium, a real SMTP server)', () => {
  const SMTP = { user: 'syncode', pass: 'smtp password' };
  let smtp: TestSmtpServer;
  // Before the server starts (hooks run in order) and stopped after it (afterAll hooks run in reverse).
  beforeAll(async () => {
    smtp = await startTestSmtpServer(SMTP);
  });
  afterAll(() => smtp?.stop());
  const ctx = serverAndBrowser(() => ({ smtpUrl: `smtp://${SMTP.user}:${encodeURIComponent(SMTP.pass)}@127.0.0.1:${smtp.port}` }));

  it('asks for a link from the sign-in card, opens it from the email, sets a new password and signs in with it', async () => {
    const user = await registerUser(ctx.server.url, 'Pia');
    // A second device signed in before the reset: the reset ends its session.
    const elsewhere = await signedInContext(ctx.browser, ctx.server.url, user);
    const context = await ctx.browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const watch = watchPage(page, ctx.server.url);
    await page.goto(ctx.server.url + '/');
    await page.getByRole('button', { name: 'Forgot your password?' }).click();
    await page.getByLabel('Email').fill(user.email);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Send reset link' }).click();
    await expect.poll(() => page.getByTestId('reset-sent').textContent(), T).toContain(user.email);
    await page.screenshot({ path: screenshotPath('password-reset-sent.png') });

    await expect.poll(() => smtp.received.length, T).toBe(1);
    const link = /https?:\/\/\S+\/reset-password#token=\S+/.exec(parseMail(smtp.received[0]!.raw).text)?.[0];
    expect(link?.startsWith(ctx.server.url + '/reset-password#token=')).toBe(true);
    await page.goto(link!);
    await expect.poll(() => page.getByRole('heading', { name: 'Choose a new password' }).isVisible(), T).toBe(true);
    // The token leaves the address bar (and so the history) once read.
    expect(new URL(page.url()).hash).toBe('');
    await page.getByLabel('New password', { exact: true }).fill('reset to this one');
    await page.getByLabel('Repeat the new password').fill('reset to this one');
    await page.getByRole('button', { name: 'Set new password' }).click();
    await expect.poll(() => page.getByTestId('reset-done').isVisible(), T).toBe(true);
    await page.screenshot({ path: screenshotPath('password-reset-done.png') });

    await page.getByRole('button', { name: 'Sign in with the new password' }).click();
    await page.getByLabel('Email').fill(user.email);
    await page.getByLabel('Password').fill('reset to this one');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.getByTestId('signed-in-as').textContent(), T).toBe('Pia');
    expect(await refreshStatus(ctx.server.url, user.tokens.refreshToken)).toBe(401);

    // The same link a second time: used up, and the page says to ask for a new one.
    const again = await elsewhere.newPage();
    await again.goto(link!);
    await again.getByLabel('New password', { exact: true }).fill('yet another one');
    await again.getByLabel('Repeat the new password').fill('yet another one');
    await again.getByRole('button', { name: 'Set new password' }).click();
    await expect.poll(() => again.getByRole('alert').getAttribute('data-error-code'), T).toBe('AUTH_RESET_TOKEN_INVALID');
    expect(await loginStatus(ctx.server.url, user, 'reset to this one')).toBe(200);
    expect(watch.errors).toEqual([]);
    await elsewhere.close();
    await context.close();
  });
});

describe("today's usage on the account screen (Chromium; the AI provider is a fake, an external service)", () => {
  let provider: FakeOpenAi;
  beforeAll(async () => {
    provider = await startFakeOpenAi();
  });
  afterAll(() => provider?.close());
  const ctx = serverAndBrowser(() => ({ ai: { baseUrl: provider.baseUrl, model: 'fake-model', requestsPerDay: 5 } }));

  it('counts what was used today against the allowances, and says which are unlimited', async () => {
    const user = await registerUser(ctx.server.url, 'Wren');
    for (const name of ['Monday slot', 'Tuesday slot']) await api(ctx.server.url, user, 'POST', '/v1/rooms', { mode: 'interview', name });
    const context = await signedInContext(ctx.browser, ctx.server.url, user);
    const page = await context.newPage();
    await page.goto(ctx.server.url + '/settings/account');
    const usage = page.getByTestId('usage');
    await expect.poll(() => usage.getByRole('row', { name: 'Rooms created' }).textContent(), T).toBe('Rooms created2 (no limit)');
    expect(await usage.getByRole('row', { name: 'AI requests' }).textContent()).toBe('AI requests0 of 5');
    expect(await page.getByText('Plan: Free.').count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });
});
