import { describe, expect, it } from 'vitest';
import { screenshotPath } from '../support/artifacts.ts';
import { serverAndBrowser } from '../e2e/server-and-browser.ts';

describe('web client served by the server (Chromium)', () => {
  const ctx = serverAndBrowser();

  it('loads at / and shows the server health', async () => {
    const page = await ctx.browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const response = await page.goto(ctx.server.url + '/');
    expect(response?.status()).toBe(200);
    const csp = response?.headers()['content-security-policy'] ?? '';
    expect(csp).toContain("default-src 'self'");
    // The page connects to its server and the collab socket only; before, any http(s)/ws(s) origin was allowed.
    expect(csp).toContain(`connect-src 'self' ${ctx.server.url.replace('http', 'ws')};`);
    expect(response?.headers()['referrer-policy']).toBe('no-referrer');
    // An invite link's page (the single-page app's fallback) does not hand its code on as a Referer either.
    const invite = await fetch(`${ctx.server.url}/join/ABC234`, { headers: { accept: 'text/html' } });
    expect([invite.status, invite.headers.get('referrer-policy')]).toEqual([200, 'no-referrer']);
    await expect.poll(() => page.getByTestId('server-health').textContent(), { timeout: 10_000 }).toMatch(/hosted\): ok/);
    await page.screenshot({ path: screenshotPath('foundation-health.png') });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a mangled link (bad percent-encoding, a NUL, a way out of the root) is an unknown page: the app for a ctx.browser, else a 404', async () => {
    for (const path of ['/join/%E0%A4%A', '/index.html%00.js', '/%2e%2e/%2e%2e/etc/passwd', '/assets/..%2f..%2fpackage.json']) {
      const html = await fetch(ctx.server.url + path, { headers: { accept: 'text/html' } });
      expect([path, html.status, html.headers.get('content-type')]).toEqual([path, 200, 'text/html; charset=utf-8']);
      expect(await html.text()).toContain('<div id="root">');
      const other = await fetch(ctx.server.url + path);
      expect([path, other.status, await other.text()]).toEqual([path, 404, 'Not found\n']);
    }
    // Before, the app itself threw on the link (URIError) and left a blank page.
    const page = await ctx.browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(ctx.server.url + '/join/%E0%A4%A');
    await page.getByRole('heading', { name: 'Sign in', level: 2 }).waitFor({ timeout: 10_000 });
    expect(errors).toEqual([]);
    await page.close();
  });
});
