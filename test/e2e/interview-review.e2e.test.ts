// What the interviewer sees and keeps, in real Chromium against a real server: the candidate's runs and
// verdicts arrive live on the interviewer's screen, Run examples marks a wrong output as failing with expected
// vs actual, the wrap-up scorecard lands on the session page, Finish takes both people there, and the exported
// report opens offline with everything inline. The steps share one room and run in order.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshotPath } from '../support/artifacts.ts';
import { launchChromium } from '../support/chromium.ts';
import { makeTempDir } from '../support/temp-dir.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';
import { api, editorText, focusEditorEnd, registerUser, signedInContext, watchPage, type TestUser } from './e2e-helpers.ts';

const T = { timeout: 15_000 };
const RUN = { timeout: 45_000 };
const TALL = { width: 1440, height: 1200 };
/** Two Sum in one pass without indented blocks (Monaco auto-indents typed blocks). */
const SOLUTION = [
  'import sys',
  'd = sys.stdin.read().split()',
  'n = int(d[0]); a = list(map(int, d[1:1 + n])); t = int(d[1 + n])',
  'p = {x: i for i, x in enumerate(a)}',
  'print(*next((i, p[t - x]) for i, x in enumerate(a) if t - x in p and p[t - x] != i))',
].join('\n');

describe('interviewer review (Chromium, interviewer + candidate)', () => {
  let server: TestServer;
  let browser: Browser;
  let hostUser: TestUser;
  let candUser: TestUser;
  let contexts: BrowserContext[] = [];
  let host: Page;
  let cand: Page;
  let roomId = '';
  let hostWatch: ReturnType<typeof watchPage>;

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchChromium();
    [hostUser, candUser] = await Promise.all([registerUser(server.url, 'Hana'), registerUser(server.url, 'Carl')]);
    contexts = await Promise.all([hostUser, candUser].map((u) => signedInContext(browser, server.url, u, TALL)));
    [host, cand] = (await Promise.all(contexts.map((c) => c.newPage()))) as [Page, Page];
    hostWatch = watchPage(host, server.url);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const synced = (p: Page) => expect.poll(() => p.getByTestId('sync-status').getAttribute('data-state'), T).toBe('synced');

  it('the lobby speaks in labels, and the join screen names the problem', async () => {
    await host.goto(server.url + '/');
    const modes = await host.getByLabel('Mode').locator('option').allTextContents();
    expect(modes).toEqual(['Interview', 'Peer practice', 'Solo practice']);
    expect(await host.getByLabel('Language').locator('option').allTextContents()).toContain('Python');
    expect(await host.getByRole('button', { name: 'Problems' }).count()).toBe(1);
    // Each mode brings its own phase minutes: solo practice neither warms up nor wraps up.
    const minutes = () => Promise.all(['Warm-up', 'Coding', 'Wrap-up'].map((label) => host.getByLabel(label).inputValue()));
    expect(await minutes()).toEqual(['5', '45', '10']);
    await host.getByLabel('Mode').selectOption({ label: 'Solo practice' });
    expect(await minutes()).toEqual(['0', '45', '0']);
    await host.getByLabel('Mode').selectOption({ label: 'Interview' });
    expect(await minutes()).toEqual(['5', '45', '10']);
    await host.getByRole('textbox', { name: 'Room name (optional)' }).fill('Carl, onsite loop');
    await host.getByLabel('Problem').selectOption({ label: 'Two Sum (easy)' });
    await host.getByLabel('Language').selectOption('python');
    await host.screenshot({ path: screenshotPath('review-lobby.png') });
    await host.getByRole('button', { name: 'Create room' }).click();
    await expect.poll(() => host.locator('#created-title').textContent(), T).toBe('Room ready: Carl, onsite loop');
    const invite = await host.getByTestId('invite-link').inputValue();
    await host.getByRole('button', { name: 'Enter room' }).click();
    await synced(host);
    roomId = new URL(host.url()).pathname.split('/').pop()!;

    await cand.goto(invite);
    await expect.poll(() => cand.getByTestId('join-problem').textContent(), T).toBe('Problem: Two Sum');
    await cand.screenshot({ path: screenshotPath('review-join-screen.png') });
    await cand.getByRole('button', { name: 'Join as candidate' }).click();
    await synced(cand);
    // Before coding, Submit is visibly disabled and says why.
    const submit = cand.getByTestId('submit-button');
    expect(await submit.isDisabled()).toBe(true);
    expect(await submit.evaluate(`getComputedStyle(document.querySelector('[data-testid="submit-button"]')).backgroundColor`)).not.toBe('rgb(79, 140, 255)');
    expect(await cand.getByTestId('console-hint').textContent()).toContain('warm-up');
    await expect.poll(() => host.getByTestId('participants').textContent(), T).toContain('Carl');
    await host.getByTestId('participants').screenshot({ path: screenshotPath('review-participants.png') });
  });

  it('Run examples marks the starter code failing, with expected vs actual, on both screens', async () => {
    await host.getByTestId('advance-phase').click(); // → warm-up
    await host.getByTestId('advance-phase').click(); // → coding
    await expect.poll(() => cand.getByTestId('phase').getAttribute('data-phase'), T).toBe('coding');
    await cand.getByTestId('run-examples-button').click();
    const first = cand.getByTestId('example-1');
    await expect.poll(() => first.getAttribute('data-state'), RUN).toBe('fail');
    expect(await first.textContent()).toContain('Wrong output');
    expect(await first.locator('td').nth(3).textContent()).toBe('0 1\n');
    expect(await first.getByTestId('actual').textContent()).toBe('(no output)');
    await expect.poll(() => cand.getByTestId('example-3').getAttribute('data-state'), RUN).toBe('fail');
    await cand.screenshot({ path: screenshotPath('review-run-examples-failing.png') });
    // The interviewer's console shows the same rows, from the candidate's runs.
    await host.getByTestId('examples-tab').click();
    await expect.poll(() => host.getByTestId('example-2').getAttribute('data-state'), T).toBe('fail');
    expect(await host.getByTestId('example-2').textContent()).toContain('by Carl');
  });

  it('a free run shows its exit status, never a verdict, and the interviewer sees it live', async () => {
    await cand.getByRole('button', { name: 'Output', exact: true }).click();
    await cand.getByTestId('stdin').fill('4\n2 7 11 15\n9\n');
    await cand.getByTestId('run-button').click();
    await expect.poll(() => cand.getByTestId('run-status').textContent(), RUN).toBe('Exited with status 0');
    expect(await cand.getByTestId('run-output').textContent()).not.toMatch(/ACCEPTED|Accepted/);
    await host.getByRole('button', { name: 'Output', exact: true }).click();
    await expect.poll(() => host.getByTestId('run-output').textContent(), T).toContain('run by Carl');
    await cand.locator('.console').screenshot({ path: screenshotPath('review-free-run-console.png') });
    await host.screenshot({ path: screenshotPath('review-free-run-host.png') });
  });

  it('the interviewer sees the candidate’s accepted submission without reloading', async () => {
    await focusEditorEnd(cand);
    await cand.keyboard.press('Control+a');
    await cand.keyboard.type(SOLUTION);
    await expect.poll(() => editorText(host), T).toContain('p[t - x] != i');
    await cand.getByTestId('run-examples-button').click();
    for (const n of [1, 2, 3]) await expect.poll(() => cand.getByTestId(`example-${n}`).getAttribute('data-state'), RUN).toBe('pass');
    await cand.screenshot({ path: screenshotPath('review-run-examples-passing.png') });
    await host.getByTestId('verdict-tab').click();
    expect(await host.getByTestId('verdict-body').textContent()).toContain('No submission yet.');
    await cand.getByTestId('submit-button').click();
    await cand.getByTestId('submit-confirm').getByRole('button', { name: 'Submit' }).click();
    await expect.poll(() => host.getByTestId('verdict').getAttribute('data-verdict'), { timeout: 60_000 }).toBe('ACCEPTED');
    expect(await host.getByTestId('verdict-table').textContent()).toContain('submitted by Carl');
    await host.screenshot({ path: screenshotPath('review-verdict-host.png') });
  });

  it('a shape on the dark whiteboard', async () => {
    await host.getByTestId('whiteboard-tab').click();
    const canvas = host.locator('.tl-canvas');
    await canvas.waitFor(T);
    expect(await host.locator('.tl-container').first().getAttribute('class')).toContain('tl-theme__dark');
    const box = (await canvas.boundingBox())!;
    await host.keyboard.press('r');
    await host.mouse.move(box.x + 150, box.y + 120);
    await host.mouse.down();
    await host.mouse.move(box.x + 360, box.y + 260, { steps: 8 });
    await host.mouse.up();
    await expect.poll(() => host.locator('.tl-shape').count(), T).toBeGreaterThan(0);
    await host.screenshot({ path: screenshotPath('review-whiteboard-dark.png') });
    await host.locator('.whiteboard-canvas').screenshot({ path: screenshotPath('review-whiteboard-corner.png') });
    await host.getByRole('button', { name: 'Code', exact: true }).click();
  });

  it('during the interview the interviewer keeps private notes, which survive a reload', async () => {
    expect(await cand.getByTestId('interviewer-notes').count()).toBe(0);
    await host.getByTestId('interviewer-notes').fill('Found the hash-map idea quickly;');
    await host.reload();
    await expect.poll(() => host.getByTestId('sync-status').getAttribute('data-state'), T).toBe('synced');
    expect(await host.getByTestId('interviewer-notes').inputValue()).toBe('Found the hash-map idea quickly;');
  });

  it('in wrap-up the interviewer fills the scorecard beside the code, begun from the notes, and a reload keeps it', async () => {
    await host.getByTestId('advance-phase').click(); // → wrap-up
    const card = host.getByTestId('scorecard');
    await card.waitFor(T);
    expect(await cand.getByTestId('scorecard').count()).toBe(0);
    expect(await host.getByTestId('interviewer-notes').count()).toBe(0);
    expect(await card.getByLabel('Notes').inputValue()).toBe('Found the hash-map idea quickly;');
    const scores = [['Problem solving', 4], ['Communication', 5], ['Code quality', 3], ['Overall', 4]] as const;
    for (const [dimension, score] of scores) await card.getByRole('radio', { name: `${dimension} ${score} of 5` }).check();
    await card.getByRole('radio', { name: 'Strong yes' }).check();
    await card.getByLabel('Notes').fill('Found the hash-map idea quickly; <b>tests</b> first.');
    await host.reload();
    await card.waitFor(T);
    for (const [dimension, score] of scores) expect(await card.getByRole('radio', { name: `${dimension} ${score} of 5` }).isChecked()).toBe(true);
    expect(await card.getByRole('radio', { name: 'Strong yes' }).isChecked()).toBe(true);
    expect(await card.getByLabel('Notes').inputValue()).toBe('Found the hash-map idea quickly; <b>tests</b> first.');
    await host.screenshot({ path: screenshotPath('review-scorecard-filled.png') });
    await card.getByRole('button', { name: 'Save scorecard' }).click();
    await expect.poll(() => host.getByTestId('scorecard-sent').textContent(), T).toContain('Strong yes');
    // Sent: the draft is gone from this device.
    expect(await host.evaluate(`Object.keys(localStorage).filter((k) => k.startsWith('syncode.scorecard:'))`)).toEqual([]);
  });

  it('Finish asks in the app, then both people land on the session page', async () => {
    await host.getByTestId('advance-phase').click();
    const dialog = host.getByTestId('confirm-dialog');
    await dialog.waitFor(T);
    await host.screenshot({ path: screenshotPath('review-finish-dialog.png') });
    await dialog.getByRole('button', { name: 'Finish for everybody' }).click();
    for (const p of [host, cand]) {
      await expect.poll(() => new URL(p.url()).pathname, T).toBe(`/sessions/${roomId}`);
      await p.getByTestId('session-page').waitFor(T);
    }
    const timeline = host.getByTestId('timeline');
    await expect.poll(() => timeline.textContent(), T).toContain('Hana moved the interview to Coding');
    const text = (await timeline.textContent())!;
    expect(text).toContain('Carl’s submission: Accepted'.replace('’', "'"));
    expect(text).not.toMatch(/phase-changed|user-disconnected|participant-joined/);
    await expect.poll(() => host.getByTestId('recommendation').textContent(), T).toBe('Strong yes');
    expect(await host.getByTestId('feedback-entry').textContent()).toContain('Communication 5/5');
    // The diff's gutter icons come from Monaco's codicon font, which must load.
    await host.getByTestId('snapshot-diff').locator('.monaco-diff-editor').waitFor(T);
    await expect.poll(() => host.evaluate(`document.fonts.check('16px codicon')`), T).toBe(true);
    await expect.poll(() => host.evaluate(`[...document.fonts].some((f) => f.family.includes('codicon') && f.status === 'loaded')`), T).toBe(true);
    await host.screenshot({ path: screenshotPath('review-session-page.png'), fullPage: true });
    await cand.screenshot({ path: screenshotPath('review-session-page-candidate.png') });
    expect(hostWatch.errors).toEqual([]);
    expect(hostWatch.foreign).toEqual([]);
  });

  it('the exported report opens offline with problem, code, verdict, scorecard and whiteboard', { timeout: 90_000 }, async () => {
    await host.getByTestId('export-report').click();
    const link = host.getByTestId('report-download');
    await link.waitFor(RUN);
    const [download] = await Promise.all([host.waitForEvent('download', T), link.click()]);
    expect(download.suggestedFilename()).toMatch(/^syncode-.*\.html$/);
    const dir = makeTempDir('syncode-report-');
    const file = join(dir.path, download.suggestedFilename());
    await download.saveAs(file);
    const html = readFileSync(file, 'utf8');
    expect(html).toContain('&#60;b&#62;tests&#60;/b&#62;'); // notes are escaped, never markup
    const offline = await browser.newContext();
    await offline.setOffline(true);
    const page = await offline.newPage();
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(`file://${file}`);
    expect(await page.locator('#problem').textContent()).toContain('Two Sum');
    expect(await page.locator('#code').textContent()).toContain('p[t - x] != i');
    expect(await page.locator('#final-verdict').textContent()).toBe('Accepted');
    const scorecard = (await page.locator('#scorecard').textContent())!;
    expect(scorecard).toContain('Strong yes');
    expect(scorecard).toContain('Communication5/5');
    expect(await page.locator('#timeline').textContent()).toContain('Hana finished the interview');
    const board = page.locator('#whiteboard img');
    expect(await board.getAttribute('src')).toMatch(/^data:image\/png;base64,/);
    await expect.poll(() => board.evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth), T).toBeGreaterThan(50);
    expect(requests.filter((u) => !u.startsWith('file:') && !u.startsWith('data:'))).toEqual([]);
    await page.screenshot({ path: screenshotPath('review-exported-report.png'), fullPage: true });
    await offline.close();
    dir.remove();
  });

  it('with no candidate to score, wrap-up still shows the notes written during the interview', async () => {
    const alone = await api<{ id: string }>(server.url, hostUser, 'POST', '/v1/rooms', { mode: 'interview', language: 'python' });
    await host.goto(`${server.url}/rooms/${alone.id}`);
    await expect.poll(() => host.getByTestId('sync-status').getAttribute('data-state'), T).toBe('synced');
    await host.getByTestId('interviewer-notes').fill('Nobody came; try the Thursday slot.');
    await api(server.url, hostUser, 'POST', `/v1/rooms/${alone.id}/control/phase`, { to: 'wrapup' });
    await expect.poll(() => host.getByTestId('phase').getAttribute('data-phase'), T).toBe('wrapup');
    expect(await host.locator('.scorecard').textContent()).toContain('No candidate in the room to score.');
    expect(await host.getByTestId('interviewer-notes').inputValue()).toBe('Nobody came; try the Thursday slot.');
  });
});
