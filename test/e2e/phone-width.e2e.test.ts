// A candidate may open the invite on a phone: at 390 px (a common phone width) no screen may be wider than the
// window, which would hide its right edge (fields, buttons) behind a sideways scroll.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { screenshotPath } from '../support/artifacts.ts';
import { api, registerUser, signedInContext } from './e2e-helpers.ts';
import { serverAndBrowser } from './server-and-browser.ts';

const T = { timeout: 15_000 };
const PHONE = { width: 390, height: 844 };

/**
 * Controls whose right edge is past the window's (Monaco's and tldraw's own inner widgets aside): a page that clips
 * its overflow hides them without any scrollbar, so the page's scroll width alone would not tell.
 */
const overflow = (page: Page) =>
  page.evaluate(`[...document.querySelectorAll('input, select, textarea, button, .card')]
    .filter((el) => !el.closest('.monaco-editor, .tl-container'))
    .map((el) => ({ el, box: el.getBoundingClientRect() }))
    .filter(({ box }) => box.width > 0 && box.right > window.innerWidth + 1)
    .map(({ el, box }) => el.tagName.toLowerCase() + ' ' + (el.getAttribute('aria-label') || el.textContent || el.getAttribute('name') || '').trim().slice(0, 30) + ' @' + Math.round(box.right))
    .concat(document.documentElement.scrollWidth > window.innerWidth ? ['page scroll width ' + document.documentElement.scrollWidth] : [])`) as Promise<string[]>;

describe('screens at phone width (Chromium, 390 px)', () => {
  const ctx = serverAndBrowser();

  it('sign-in, lobby, problems, history, account, join and the room fit the window', async () => {
    const host = await registerUser(ctx.server.url, 'Hedda');
    const candidate = await registerUser(ctx.server.url, 'Cato');
    const problems = await api<{ items: { id: string }[] }>(ctx.server.url, host, 'GET', '/v1/problems');
    const room = await api<{ id: string; code: string }>(ctx.server.url, host, 'POST', '/v1/rooms', { mode: 'interview', language: 'python', problemId: problems.items[0]!.id });

    const anonymous = await ctx.browser.newContext({ viewport: PHONE });
    const signIn = await anonymous.newPage();
    await signIn.goto(ctx.server.url + '/');
    await signIn.getByRole('heading', { name: 'Sign in' }).waitFor(T);
    expect(await overflow(signIn)).toEqual([]);

    const context = await signedInContext(ctx.browser, ctx.server.url, candidate, PHONE);
    const page = await context.newPage();
    const screens: [string, string][] = [
      ['/', 'Create room'],
      ['/problems', 'Practice'],
      ['/history', 'History'],
      ['/settings/account', 'Save profile'],
      [`/join/${room.code}`, 'Join as candidate'],
    ];
    for (const [path, marker] of screens) {
      await page.goto(ctx.server.url + path);
      await page.getByText(marker).first().waitFor(T);
      expect({ path, overflow: await overflow(page) }).toEqual({ path, overflow: [] });
    }
    await page.screenshot({ path: screenshotPath('phone-join.png') });
    await page.getByRole('button', { name: 'Join as candidate' }).click();
    await expect.poll(() => page.getByTestId('sync-status').getAttribute('data-state'), T).toBe('synced');
    expect(await overflow(page)).toEqual([]);
    await page.screenshot({ path: screenshotPath('phone-room.png') });
    await anonymous.close();
    await context.close();
  });
});
