// Static analysis from the room's editor in real Chromium against a real server: type code with an unused variable
// and an undefined name, press Analyse, and ESLint's findings appear as Monaco squiggles with a count summary; they
// go away once the code has changed substantially.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshotPath } from '../support/artifacts.ts';
import { launchChromium } from '../support/chromium.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';
import { api, editorText, focusEditorEnd, registerUser, signedInContext, watchPage } from './e2e-helpers.ts';

const T = { timeout: 30_000 };

describe('static analysis in the room (Chromium)', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let watch: ReturnType<typeof watchPage>;

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchChromium();
    const user = await registerUser(server.url, 'Hana');
    const room = await api<{ id: string }>(server.url, user, 'POST', '/v1/rooms', { mode: 'interview', language: 'javascript' });
    page = await (await signedInContext(browser, server.url, user)).newPage();
    watch = watchPage(page, server.url);
    await page.goto(`${server.url}/rooms/${room.id}`);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const squiggles = (kind: 'error' | 'warning') => page.locator(`[data-testid="code-editor"] .squiggly-${kind}`).count();

  it('shows the issues as markers with a count summary', async () => {
    await expect.poll(() => page.getByTestId('sync-status').getAttribute('data-state'), T).toBe('synced');
    await focusEditorEnd(page);
    await page.keyboard.type('const unused = 42;\nconsole.log(missing);\n', { delay: 5 });
    await expect.poll(() => editorText(page), T).toContain('console.log(missing);');
    expect(await squiggles('warning')).toBe(0);
    await page.getByTestId('analyse-button').click();
    await expect.poll(() => page.getByTestId('analysis-summary').textContent(), T).toBe('1 error, 1 warning');
    await expect.poll(() => squiggles('warning'), T).toBe(1);
    await expect.poll(() => squiggles('error'), T).toBe(1);
    // Hovering the squiggle shows the tool's message and rule.
    const box = (await page.locator('[data-testid="code-editor"] .squiggly-warning').boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    const hover = page.locator('.monaco-hover:not(.hidden)').filter({ hasText: "'unused' is assigned a value but never used." });
    await expect.poll(() => hover.isVisible(), T).toBe(true);
    expect(await hover.textContent()).toContain('eslint(no-unused-vars)');
    await page.screenshot({ path: screenshotPath('room-static-analysis.png') });
  }, 90_000);

  it('clears the markers once the code has changed substantially', async () => {
    await focusEditorEnd(page);
    await page.keyboard.type('// a longer comment that rewrites what was analysed\n', { delay: 5 });
    await expect.poll(() => squiggles('warning'), T).toBe(0);
    expect(await squiggles('error')).toBe(0);
    expect(await page.getByTestId('analysis-summary').getAttribute('data-stale')).toBe('true');
    expect(watch.errors).toEqual([]);
    expect(watch.foreign).toEqual([]);
  }, 60_000);
});
