// Accessibility in real Chromium against a real server: axe-core (the rules engine browsers' audit tools use)
// runs over every screen a candidate or an interviewer sees, from sign-in to the session review, and each screen
// must come out without a violation of any impact: text contrast (WCAG AA, 4.5:1, including the editor's syntax
// colours), landmarks and headings, names on every control and on every Monaco editor.
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/chromium.ts';
import { makeTempDir } from '../support/temp-dir.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';
import { api, axeViolations, editorText, registerUser, signedInContext, type TestUser } from './e2e-helpers.ts';

const T = { timeout: 15_000 };
/** A run or a report waits for the sandbox or the export: longer on a loaded machine. */
const RUN = { timeout: 60_000 };

describe('accessibility of every screen (axe-core in Chromium)', () => {
  let server: TestServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let host: TestUser;
  let candidate: TestUser;
  let hostPage: Page;
  let candidatePage: Page;
  let room: { id: string; code: string };

  const synced = (p: Page) => expect.poll(() => p.getByTestId('sync-status').getAttribute('data-state'), T).toBe('synced');
  const phase = (to: string) => api(server.url, host, 'POST', `/v1/rooms/${room.id}/control/phase`, { to });

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchChromium();
    [host, candidate] = await Promise.all([registerUser(server.url, 'Hana'), registerUser(server.url, 'Carl')]);
    for (const user of [host, candidate]) contexts.push(await signedInContext(browser, server.url, user));
    [hostPage, candidatePage] = await Promise.all(contexts.map((c) => c.newPage())) as [Page, Page];
    const problems = await api<{ items: { id: string }[] }>(server.url, host, 'GET', '/v1/problems');
    room = await api(server.url, host, 'POST', '/v1/rooms', { mode: 'interview', language: 'python', problemId: problems.items[0]!.id });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('sign-in', async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(server.url + '/');
    await page.getByRole('button', { name: 'Sign in' }).first().waitFor(T);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('account settings and the reset-password page', async () => {
    const context = await signedInContext(browser, server.url, await registerUser(server.url, 'Ines'));
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(server.url + '/settings/account');
    await page.getByRole('button', { name: 'Delete my account…' }).waitFor(T);
    expect(await axeViolations(page)).toEqual([]);
    await page.goto(server.url + '/reset-password#token=not-a-real-token');
    await page.getByRole('button', { name: 'Set new password' }).waitFor(T);
    await page.getByLabel('New password', { exact: true }).fill('one password');
    await page.getByLabel('Repeat the new password').fill('another one');
    await page.getByText('The two passwords differ.').waitFor(T);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('lobby, problems and history', async () => {
    await hostPage.goto(server.url + '/');
    await hostPage.getByRole('button', { name: 'Create room' }).waitFor(T);
    expect(await axeViolations(hostPage)).toEqual([]);
    await hostPage.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Problems' }).click();
    await hostPage.getByTestId('problem-list').locator('li').first().waitFor(T);
    expect(await axeViolations(hostPage)).toEqual([]);
    await hostPage.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'History' }).click();
    await hostPage.getByRole('heading', { name: 'History', level: 1 }).waitFor({ state: 'attached', ...T });
    expect(await axeViolations(hostPage)).toEqual([]);
    expect(await hostPage.title()).toBe('History · SynCode');
  });

  it('joining by invite link', async () => {
    await candidatePage.goto(`${server.url}/join/${room.code}`);
    await candidatePage.getByRole('button', { name: 'Join as candidate' }).waitFor(T);
    expect(await axeViolations(candidatePage)).toEqual([]);
    await candidatePage.getByRole('button', { name: 'Join as candidate' }).click();
    await synced(candidatePage);
  });

  it('the room while coding: interviewer, candidate, whiteboard', async () => {
    await phase('coding');
    await hostPage.goto(`${server.url}/rooms/${room.id}`);
    await synced(hostPage);
    await expect.poll(() => hostPage.getByTestId('phase').getAttribute('data-phase'), T).toBe('coding');
    // The starter code's comments are on screen: the editor's syntax colours are audited too.
    await expect.poll(() => editorText(hostPage), T).toContain('# ');
    expect(await axeViolations(hostPage)).toEqual([]);
    expect(await hostPage.title()).toMatch(/ · SynCode$/);
    await expect.poll(() => candidatePage.getByTestId('phase').getAttribute('data-phase'), T).toBe('coding');
    expect(await axeViolations(candidatePage)).toEqual([]);
    // The examples' table after a run, and the AI panel.
    await candidatePage.getByTestId('run-examples-button').click();
    await candidatePage.getByTestId('examples-tab').waitFor(T);
    await expect.poll(() => candidatePage.getByTestId('example-1').getAttribute('data-state'), RUN).toMatch(/^(pass|fail)$/);
    expect(await axeViolations(candidatePage)).toEqual([]);
    // An interview has the AI off: the candidate has no AI tab; the host's explains it and turns it on, and then
    // the candidate's tab appears (this server has no provider: its explanation).
    expect(await candidatePage.getByTestId('ai-tab').count()).toBe(0);
    await hostPage.getByTestId('ai-tab').click();
    await hostPage.getByTestId('ai-enable').waitFor(T);
    expect(await axeViolations(hostPage)).toEqual([]);
    await hostPage.getByTestId('ai-enable').click();
    await candidatePage.getByTestId('ai-tab').click(T);
    await expect.poll(() => candidatePage.getByTestId('ai-blocked').getAttribute('data-code'), T).toBe('AI_UNAVAILABLE');
    expect(await axeViolations(candidatePage)).toEqual([]);
    // Turned off again in the host's settings: the candidate's open AI tab closes back to the problem.
    await hostPage.getByTestId('staff-controls').getByRole('button', { name: 'Settings', exact: true }).click();
    const aiSetting = hostPage.getByLabel('AI interviewer, hints and reviews');
    expect(await aiSetting.isChecked()).toBe(true);
    await aiSetting.uncheck();
    await hostPage.getByRole('button', { name: 'Save settings' }).click();
    await expect.poll(() => candidatePage.getByTestId('ai-tab').count(), T).toBe(0);
    expect(await candidatePage.getByTestId('problem-panel').isVisible()).toBe(true);
    await hostPage.getByTestId('staff-controls').getByRole('button', { name: 'Settings', exact: true }).click();
    await candidatePage.getByTestId('whiteboard-tab').click();
    await candidatePage.locator('.tl-container').waitFor(T);
    expect(await axeViolations(candidatePage)).toEqual([]);
  });

  it('wrap-up: the scorecard', async () => {
    await phase('wrapup');
    await hostPage.getByTestId('scorecard').waitFor(T);
    expect(await axeViolations(hostPage)).toEqual([]);
  });

  it('the session review: replay and snapshot diff', async () => {
    await phase('finished');
    await hostPage.goto(`${server.url}/sessions/${room.id}`);
    await hostPage.locator('[data-testid="replay-code"] .view-line').first().waitFor(T);
    await hostPage.locator('[data-testid="snapshot-diff"] .view-line').first().waitFor(T);
    expect(await axeViolations(hostPage)).toEqual([]);
  });

  it('the exported report', async () => {
    await hostPage.getByTestId('export-report').click();
    const link = hostPage.getByTestId('report-download');
    await link.waitFor(RUN);
    const [download] = await Promise.all([hostPage.waitForEvent('download', T), link.click()]);
    const dir = makeTempDir('syncode-a11y-report-');
    try {
      const file = join(dir.path, download.suggestedFilename());
      await download.saveAs(file);
      const page = await contexts[0]!.newPage();
      await page.goto(`file://${file}`);
      expect(await axeViolations(page)).toEqual([]);
    } finally {
      dir.remove();
    }
  });
});
