import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ConnectGuard } from '../../main/connect-guard.ts';
import { RENDERER_CSP, withoutCsp } from '../../main/renderer-csp.ts';
import { LAUNCH_SECRET_HEADER } from '../../server/protocol/index.ts';
import { screenshotPath } from '../support/artifacts.ts';
import { chromium } from 'playwright-core';
import { findChromium } from '../support/chromium.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';
import { call } from '../control/api.ts';

const SECRET = 'renderer-policy-test-launch-secret-0123456789';
const T = { timeout: 20_000 };

/**
 * What the desktop window does, minus Electron (which cannot run here): the real renderer build loaded from
 * the real embedded server's origin, every request carrying the launch secret (main's onBeforeSendHeaders),
 * every HTTP request asked of main's ConnectGuard (onBeforeRequest; Playwright's request routes do not see
 * WebSockets, whose checks connect-guard.test.ts covers), what each response announces learned by it, and every
 * response of the renderer's origin carrying RENDERER_CSP (onHeadersReceived). Service workers are blocked:
 * Playwright's request hooks do not see their fetches (Electron's session hooks do).
 */
async function desktopLikePage(
  browser: Browser,
  server: TestServer,
  session: unknown,
  guard: ConnectGuard,
): Promise<{ context: BrowserContext; page: Page; violations: string[]; refused: string[] }> {
  const context = await browser.newContext({
    viewport: { width: 1440, height: 900 },
    extraHTTPHeaders: { [LAUNCH_SECRET_HEADER]: SECRET },
    serviceWorkers: 'block',
  });
  // Runs in the page (a string: this file is type-checked without the DOM library).
  await context.addInitScript(`
    localStorage.setItem(${JSON.stringify(`syncode.session:${server.url}`)}, ${JSON.stringify(JSON.stringify(session))});
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));
  `);
  const refused: string[] = [];
  await context.route('**/*', async (route) => {
    const url = route.request().url();
    if (!guard.allows(url)) {
      refused.push(url);
      return route.abort('blockedbyclient');
    }
    const response = await route.fetch();
    guard.learn(url, response.headers());
    if (!url.startsWith(`${server.url}/`)) return route.fulfill({ response });
    // As main's onHeadersReceived builds them: the server's narrower web-client CSP (which names no hosted server) must
    // not remain beside RENDERER_CSP under another spelling, where Chromium would enforce both.
    await route.fulfill({ response, headers: asDelivered({ ...withoutCsp(response.headers()), 'Content-Security-Policy': RENDERER_CSP }) });
  });
  const page = await context.newPage();
  const violations: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  return { context, page, violations, refused };
}

/** Headers as the page receives them: names differing only in case are one header, their values joined (HTTP). */
function asDelivered(headers: Record<string, string>): Record<string, string> {
  const merged = new Map<string, string>();
  for (const [name, value] of Object.entries(headers)) {
    const key = name.toLowerCase();
    merged.set(key, merged.has(key) ? `${merged.get(key)}, ${value}` : value);
  }
  return Object.fromEntries(merged);
}

describe('main keeps one CSP on the renderer origin', () => {
  it('drops the server\'s policy in any spelling before RENDERER_CSP is set', () => {
    expect(withoutCsp({ 'content-security-policy': ["connect-src 'self'"], 'CONTENT-Security-Policy': ['x'], 'cache-control': ['no-cache'] })).toEqual({ 'cache-control': ['no-cache'] });
    expect(withoutCsp(undefined)).toEqual({});
  });
});

describe('the renderer under the desktop policy (Chromium, real embedded server)', () => {
  let server: TestServer;
  let browser: Browser;
  beforeAll(async () => {
    server = await startTestServer({ mode: 'embedded', launchSecret: SECRET });
    // As launchChromium, plus: responses fulfilled by a route (how the CSP header is added here) carry no
    // address space, so Chromium's Local Network Access checks would count the page as public and block
    // its WebSocket to 127.0.0.1. The Electron window's page really comes from 127.0.0.1.
    browser = await chromium.launch({
      executablePath: findChromium(),
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run', '--disable-features=LocalNetworkAccessChecks'],
    });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('loads, opens a practice room with the editor, and syncs, with no CSP violation', async () => {
    const registered = await call(server, 'POST', '/v1/auth/register', {
      headers: { [LAUNCH_SECRET_HEADER]: SECRET },
      body: { email: 'me-0123456789abcdef@syncode.local', password: 'random local password', displayName: 'Me' },
    });
    expect(registered.status).toBe(201);
    const profiles: string[] = [];
    const guard = new ConnectGuard({ rendererOrigin: () => server.url, serverOrigins: () => profiles });
    const { context, page, violations, refused } = await desktopLikePage(browser, server, registered.body, guard);
    const fetchFromPage = (url: string): Promise<unknown> =>
      page.evaluate(`fetch(${JSON.stringify(url)}, { mode: 'no-cors' }).then(() => 'reached', () => 'refused')`);
    try {
      await page.goto(`${server.url}/`);
      await page.getByLabel('Problem').selectOption({ label: 'Two Sum (easy)' });
      await page.getByLabel('Language').selectOption('python');
      await page.getByRole('button', { name: 'Create room' }).click();
      await page.getByRole('button', { name: 'Enter room' }).click();
      await expect.poll(() => page.getByTestId('sync-status').getAttribute('data-state'), T).toBe('synced');
      await expect.poll(() => page.locator('[data-testid="code-editor"] .view-lines').count(), T).toBe(1);
      await page.screenshot({ path: screenshotPath('desktop-policy-room.png') });
      const reported = (await page.evaluate('window.__csp')) as string[];
      expect([...reported, ...violations]).toEqual([]);
      expect(refused).toEqual([]);
      // The window reaches a hosted server once it is a profile's: the embedded server's own page policy, which
      // names no other server, is not left in force beside RENDERER_CSP. Another server (here standing in for the
      // hosted server's LiveKit) stays out of reach until the hosted server has announced it.
      const media = await startTestServer();
      const hosted = await startTestServer({ livekit: { url: media.url.replace(/^http/, 'ws'), apiKey: 'key', apiSecret: 'secret-secret-secret-secret-secret-0' } });
      try {
        expect(await fetchFromPage(`${hosted.url}/v1/health`)).toBe('refused');
        profiles.push(hosted.url);
        expect(await fetchFromPage(`${media.url}/v1/health`)).toBe('refused');
        expect(await fetchFromPage(`${hosted.url}/v1/health`)).toBe('reached');
        expect(await fetchFromPage(`${media.url}/v1/health`)).toBe('reached');
        expect(refused).toEqual([`${hosted.url}/v1/health`, `${media.url}/v1/health`]);
      } finally {
        await hosted.stop();
        await media.stop();
      }
    } finally {
      await context.close();
    }
  });

  it('a page without the launch secret gets nothing from the embedded server', async () => {
    const context = await browser.newContext();
    try {
      const response = await (await context.newPage()).goto(`${server.url}/`);
      expect(response?.status()).toBe(403);
    } finally {
      await context.close();
    }
  });
});
