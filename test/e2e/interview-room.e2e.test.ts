// One interview, start to finish, in real Chromium against a real server: host and candidate in two
// browser contexts (plus a spectator). The steps share one room and run in order.
import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshotPath } from '../support/artifacts.ts';
import { launchChromium } from '../support/chromium.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';
import { editorText, focusEditorEnd, registerUser, signedInContext, storedUpdateCount, watchPage, type TestUser } from './e2e-helpers.ts';

const T = { timeout: 15_000 };
/** Tall enough that Monaco renders every line of the starter code plus the test's edits. */
const TALL = { width: 1440, height: 1500 };

describe('interview room (Chromium, host + candidate)', () => {
  let server: TestServer;
  let browser: Browser;
  let hostUser: TestUser;
  let candUser: TestUser;
  let hostCtx: BrowserContext;
  let candCtx: BrowserContext;
  let host: Page;
  let cand: Page;
  let inviteLink = '';
  let hostWatch: ReturnType<typeof watchPage>;

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchChromium();
    hostUser = await registerUser(server.url, 'Hana');
    candUser = await registerUser(server.url, 'Carl');
    hostCtx = await signedInContext(browser, server.url, hostUser, TALL);
    candCtx = await signedInContext(browser, server.url, candUser, TALL);
    host = await hostCtx.newPage();
    cand = await candCtx.newPage();
    hostWatch = watchPage(host, server.url);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const synced = (p: Page) => expect.poll(() => p.getByTestId('sync-status').getAttribute('data-state'), T).toBe('synced');

  it('host creates a room in the lobby; the candidate joins by the invite link', async () => {
    await host.goto(server.url + '/');
    await host.getByLabel('Problem').selectOption({ label: 'Two Sum (easy)' });
    await host.getByLabel('Language').selectOption('python');
    await host.getByRole('button', { name: 'Create room' }).click();
    inviteLink = await host.getByTestId('invite-link').inputValue();
    expect(inviteLink).toMatch(new RegExp(`^${server.url}/join/[A-HJ-NP-Z2-9]{6}$`));
    await expect.poll(() => host.getByRole('region', { name: 'My rooms' }).textContent(), T).toContain("Hana's room");
    await host.screenshot({ path: screenshotPath('lobby-room-created.png') });
    await host.getByRole('button', { name: 'Enter room' }).click();
    await synced(host);

    await cand.goto(inviteLink);
    await cand.getByRole('button', { name: 'Join as candidate' }).click();
    await synced(cand);
    await expect.poll(() => cand.getByTestId('room').getAttribute('data-role'), T).toBe('candidate');
    await expect.poll(() => host.getByTestId('participants').textContent(), T).toContain('Carl');
    await expect.poll(() => cand.getByTestId('problem-panel').textContent(), T).toContain('Two Sum');
  });

  it('fits a narrow window: the console keeps its buttons inside it, and below 960 px the room is one scrolling column', async () => {
    type Box = { x: number; y: number; width: number; height: number };
    const boxOf = async (selector: string): Promise<Box> => (await cand.locator(selector).first().boundingBox())!;
    const within = (inner: Box, outer: Box) => inner.x >= outer.x - 0.5 && inner.x + inner.width <= outer.x + outer.width + 0.5;
    const overlap = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
    const consoleFits = async () => {
      const bar = await boxOf('[aria-label="Console"]');
      // The hint's text as laid out (a box too narrow for a word lets the text run out of it, over the buttons).
      const hint = (await cand.evaluate(`(() => {
        const range = document.createRange();
        range.selectNodeContents(document.querySelector('[data-testid="console-hint"]'));
        const { x, y, width, height } = range.getBoundingClientRect();
        return { x, y, width, height };
      })()`)) as Box;
      for (const id of ['run-button', 'run-examples-button', 'submit-button']) {
        const button = await boxOf(`[data-testid="${id}"]`);
        expect(within(button, bar), `${id} inside the console`).toBe(true);
        expect(overlap(button, hint), `${id} clear of the hint`).toBe(false);
      }
    };
    try {
      // A small laptop: three columns, the console's hint on a line of its own when the buttons need the room.
      await cand.setViewportSize({ width: 1024, height: 700 });
      await expect.poll(() => cand.getByTestId('console-hint').textContent(), T).toContain('Runs start with the warm-up'); // still waiting
      await consoleFits();
      // Beside a call window: problem, then editor and console across the whole width, then the people.
      await cand.setViewportSize({ width: 800, height: 600 });
      const [left, center, right] = [await boxOf('.room-left'), await boxOf('.room-center'), await boxOf('.room-right')];
      expect(center.width).toBeGreaterThan(760);
      expect(left.y + left.height).toBeLessThanOrEqual(center.y + 0.5);
      expect(right.y).toBeGreaterThanOrEqual(center.y + center.height - 0.5);
      await consoleFits();
      await cand.getByTestId('participants').scrollIntoViewIfNeeded();
      const people = await boxOf('[data-testid="participants"]');
      expect(people.height).toBeGreaterThan(20);
      expect(people.y + people.height).toBeLessThanOrEqual(600);
      await cand.screenshot({ path: screenshotPath('room-narrow-800.png') });
    } finally {
      await cand.setViewportSize(TALL);
    }
  });

  it('both type at once: identical text, remote cursor label visible', async () => {
    // Host at the top, candidate at the bottom: typing at one spot would interleave the characters (also correct).
    await Promise.all([focusEditorEnd(host), focusEditorEnd(cand)]);
    await host.keyboard.press('Control+Home');
    await Promise.all([host.keyboard.type('# host was here\n', { delay: 15 }), cand.keyboard.type('\n# cand was here', { delay: 15 })]);
    await expect.poll(() => editorText(host), T).toContain('# cand was here');
    await expect.poll(() => editorText(cand), T).toContain('# host was here');
    await expect.poll(async () => (await editorText(host)) === (await editorText(cand)), T).toBe(true);
    await synced(host);
    const label = () =>
      host.evaluate(`[...document.querySelectorAll('.remote-cursor')].map((el) => getComputedStyle(el, '::after').content)`) as Promise<string[]>;
    await expect.poll(label, T).toContain('"Carl"');
    await host.screenshot({ path: screenshotPath('room-editor.png') });
  });

  it('Ctrl+Z undoes only my own edits', async () => {
    // Undo steps group keystrokes typed within 500 ms; press until the candidate's line is gone.
    await expect
      .poll(async () => {
        const text = await editorText(cand);
        if (text.includes('# cand')) await cand.keyboard.press('Control+z');
        return text;
      }, T)
      .not.toContain('# cand');
    await expect.poll(() => editorText(host), T).not.toContain('# cand');
    expect(await editorText(host)).toContain('# host was here');
    expect(await editorText(cand)).toBe(await editorText(host));
  });

  it('a shape the host draws appears on the candidate’s whiteboard', async () => {
    await host.getByTestId('whiteboard-tab').click();
    await cand.getByTestId('whiteboard-tab').click();
    const canvas = host.locator('.tl-canvas');
    await canvas.waitFor(T);
    await cand.locator('.tl-canvas').waitFor(T);
    const box = (await canvas.boundingBox())!;
    await host.keyboard.press('r');
    await host.mouse.move(box.x + 200, box.y + 150);
    await host.mouse.down();
    await host.mouse.move(box.x + 380, box.y + 300, { steps: 8 });
    await host.mouse.up();
    await expect.poll(() => cand.locator('.tl-shape').count(), T).toBeGreaterThan(0);
    // The host's pointer, in the host's colour with the host's name, from whiteboard awareness.
    await host.mouse.move(box.x + 420, box.y + 330, { steps: 4 });
    await expect.poll(() => cand.locator('.tl-nametag').allTextContents(), T).toContain('Hana');
    await cand.screenshot({ path: screenshotPath('room-whiteboard-candidate.png') });
    // Export: PNG, SVG and JSON, all produced in the browser from the shared board.
    for (const [button, ext] of [['PNG', 'png'], ['SVG', 'svg'], ['JSON', 'json']] as const) {
      const [download] = await Promise.all([cand.waitForEvent('download'), cand.getByRole('button', { name: button, exact: true }).click()]);
      expect(download.suggestedFilename()).toMatch(new RegExp(`^whiteboard-.*\\.${ext}$`));
      const text = readFileSync((await download.path())!, ext === 'png' ? 'latin1' : 'utf8');
      if (ext === 'json') expect(text).toContain('"typeName": "shape"');
      else if (ext === 'svg') expect(text).toContain('<svg');
      else expect(text.slice(1, 4)).toBe('PNG');
    }
    await host.getByRole('button', { name: 'Code', exact: true }).click();
    await cand.getByRole('button', { name: 'Code', exact: true }).click();
  });

  it('lock makes the candidate read-only with a banner; unlock gives the editor back', async () => {
    await host.getByTestId('lock-button').click();
    await expect.poll(() => cand.getByTestId('readonly-banner').isVisible(), T).toBe(true);
    expect(await cand.getByTestId('code-editor').getAttribute('data-readonly')).toBe('true');
    await focusEditorEnd(cand);
    await cand.keyboard.type('# locked edit');
    await cand.screenshot({ path: screenshotPath('room-locked-candidate.png') });
    await host.getByTestId('unlock-button').click();
    await expect.poll(() => cand.getByTestId('readonly-banner').count(), T).toBe(0);
    await focusEditorEnd(cand);
    await cand.keyboard.type('\n# after unlock');
    await expect.poll(() => editorText(host), T).toContain('# after unlock');
    expect(await editorText(host)).not.toContain('# locked edit');
  });

  it('phase advance shows on both, with a running countdown', async () => {
    await host.getByTestId('advance-phase').click(); // waiting → warm-up
    for (const p of [host, cand]) {
      await expect.poll(() => p.getByTestId('phase').getAttribute('data-phase'), T).toBe('warmup');
      await expect.poll(() => p.getByTestId('countdown').getAttribute('data-running'), T).toBe('true');
    }
    const first = await cand.getByTestId('countdown').textContent();
    expect(first).toMatch(/^[45]:\d\d/);
    await expect.poll(() => cand.getByTestId('countdown').textContent(), T).not.toBe(first);
    await host.getByRole('button', { name: 'Pause timer' }).click();
    await expect.poll(() => cand.getByTestId('countdown').getAttribute('data-running'), T).toBe('false');
    expect(await cand.getByTestId('countdown').textContent()).toContain('paused');
    await host.getByRole('button', { name: 'Resume timer' }).click();
    await expect.poll(() => cand.getByTestId('countdown').getAttribute('data-running'), T).toBe('true');
    await host.getByTestId('advance-phase').click(); // warm-up → coding
    await expect.poll(() => cand.getByTestId('phase').getAttribute('data-phase'), T).toBe('coding');
    await cand.screenshot({ path: screenshotPath('room-coding-candidate.png') });
  });

  it('a language change goes through the server and reaches both editors', async () => {
    await cand.getByLabel('Language').selectOption('javascript');
    await expect.poll(() => host.getByLabel('Language').inputValue(), T).toBe('javascript');
    await host.getByLabel('Language').selectOption('python');
    await expect.poll(() => cand.getByLabel('Language').inputValue(), T).toBe('python');
  });

  it('run with stdin echoes it back', async () => {
    await focusEditorEnd(cand);
    await cand.keyboard.press('Control+a');
    await cand.keyboard.type('import sys\nprint(sys.stdin.read().strip())');
    await cand.getByTestId('stdin').fill('hello from stdin');
    await cand.getByTestId('run-button').click();
    await expect.poll(() => cand.getByTestId('stdout').textContent(), { timeout: 30_000 }).toContain('hello from stdin');
    await cand.screenshot({ path: screenshotPath('room-run-output.png') });
  });

  it('a NUL character pasted into the code: Run and Submit say which line to fix and send nothing', async () => {
    const sent: string[] = [];
    const onRequest = (r: { url(): string; method(): string }) => {
      if (r.method() === 'POST' && /\/(run|submit)$/.test(r.url())) sent.push(r.url());
    };
    cand.on('request', onRequest);
    try {
      await focusEditorEnd(cand);
      await cand.keyboard.insertText('\u0000');
      // Monaco draws the control character as ␀ (U+2400).
      await expect.poll(() => editorText(cand), T).toContain('\u2400');
      for (const button of ['run-button', 'submit-button']) {
        await cand.getByTestId(button).click();
        const alert = cand.locator('[data-error-code="NUL_CHARACTER"]');
        await expect.poll(() => alert.textContent(), T).toContain('Line 2 of the code holds an invisible NUL character');
      }
      expect(await cand.getByTestId('submit-confirm').count()).toBe(0);
      await focusEditorEnd(cand);
      await cand.keyboard.press('Backspace');
      await expect.poll(() => editorText(cand), T).not.toContain('\u2400');
      expect(sent).toEqual([]);
    } finally {
      cand.off('request', onRequest);
    }
  });

  it('submit shows the synced text for confirmation, then the verdict table', async () => {
    await cand.getByTestId('submit-button').click();
    const confirm = cand.getByTestId('submit-confirm');
    await expect.poll(() => confirm.textContent(), T).toContain('print(sys.stdin.read().strip())');
    await cand.screenshot({ path: screenshotPath('room-submit-confirm.png') });
    await confirm.getByRole('button', { name: 'Submit' }).click();
    await expect.poll(() => cand.getByTestId('verdict-table').locator('tbody tr').count(), { timeout: 60_000 }).toBeGreaterThan(0);
    expect(await cand.getByTestId('verdict').getAttribute('data-verdict')).toBe('WRONG_ANSWER');
    await cand.screenshot({ path: screenshotPath('room-verdicts.png') });
    // The submit lock is released when judging ends.
    await expect.poll(() => cand.getByTestId('readonly-banner').count(), T).toBe(0);
  });

  it('the candidate goes offline, types, reloads, comes back: the host sees all of it', async () => {
    await expect.poll(() => cand.evaluate('document.documentElement.dataset.offlineReady ?? ""'), T).toBe('true');
    await candCtx.setOffline(true);
    await expect.poll(() => cand.getByTestId('sync-status').getAttribute('data-state'), T).toBe('offline');
    const roomId = new URL(cand.url()).pathname.split('/').pop()!;
    const before = await storedUpdateCount(cand, server.url, roomId, 'code');
    await focusEditorEnd(cand);
    await cand.keyboard.type('\n# typed offline');
    // A reload aborts IndexedDB writes still in flight; a person takes longer than that to press F5.
    await expect.poll(() => storedUpdateCount(cand, server.url, roomId, 'code'), T).toBeGreaterThanOrEqual(before + 16);
    await cand.reload();
    await expect.poll(() => editorText(cand), T).toContain('# typed offline');
    await focusEditorEnd(cand);
    await cand.keyboard.type('\n# after offline reload');
    await expect.poll(() => cand.getByTestId('sync-status').textContent(), T).toContain('Offline');
    await cand.screenshot({ path: screenshotPath('room-offline-candidate.png') });
    expect(await editorText(host)).not.toContain('# typed offline');
    await candCtx.setOffline(false);
    await expect.poll(() => editorText(host), { timeout: 20_000 }).toContain('# after offline reload');
    expect(await editorText(host)).toContain('# typed offline');
    await synced(cand);
    // Everything on the page tells the truth again, the server badge included.
    await expect.poll(() => cand.getByTestId('server-health').isVisible(), T).toBe(true);
  });

  it('a refused collab token (4001) is renewed by joining again, once', async () => {
    // The room reuses a join younger than 30 s on reload; give it one whose collab token the server refuses.
    const roomId = new URL(cand.url()).pathname.split('/').pop()!;
    await cand.evaluate(
      `(() => {
        const key = 'syncode.join:' + ${JSON.stringify(server.url)} + ':' + ${JSON.stringify(roomId)};
        const entry = JSON.parse(localStorage.getItem(key));
        entry.savedAt = Date.now();
        entry.join.collabToken = 'not-a-valid-token';
        localStorage.setItem(key, JSON.stringify(entry));
      })()`,
    );
    const joins: string[] = [];
    cand.on('request', (r) => {
      if (r.method() === 'POST' && r.url().endsWith(`/v1/rooms/${roomId}/join`)) joins.push(r.url());
    });
    await cand.reload();
    await synced(cand);
    expect(joins.length).toBe(1);
    await focusEditorEnd(cand);
    await cand.keyboard.type('\n# after token renewal');
    await expect.poll(() => editorText(host), T).toContain('# after token renewal');
  });

  it('offline edits made while the host locked are refused: discarded, the candidate is told, the doc resyncs', async () => {
    await candCtx.setOffline(true);
    await expect.poll(() => cand.getByTestId('sync-status').getAttribute('data-state'), T).toBe('offline');
    await focusEditorEnd(cand);
    await cand.keyboard.type('\n# doomed edit');
    await host.getByTestId('lock-button').click();
    await expect.poll(() => host.getByTestId('unlock-button').count(), T).toBe(1);
    await candCtx.setOffline(false);
    await expect.poll(() => cand.getByTestId('room-notice').textContent(), T).toContain('discarded');
    await expect.poll(() => editorText(cand), T).not.toContain('# doomed edit');
    await expect.poll(() => cand.getByTestId('readonly-banner').isVisible(), T).toBe(true);
    await synced(cand);
    expect(await editorText(host)).not.toContain('# doomed edit');
    expect(await editorText(cand)).toBe(await editorText(host));
    await cand.screenshot({ path: screenshotPath('room-edits-discarded.png') });
    await host.getByTestId('unlock-button').click();
    await cand.getByRole('button', { name: 'Dismiss' }).click();
  });

  it('a spectator joins read-only', async () => {
    const specUser = await registerUser(server.url, 'Sam');
    const specCtx = await signedInContext(browser, server.url, specUser, TALL);
    const spec = await specCtx.newPage();
    await spec.goto(inviteLink);
    await spec.getByRole('button', { name: 'Watch as spectator' }).click();
    await synced(spec);
    expect(await spec.getByTestId('room').getAttribute('data-role')).toBe('spectator');
    await expect.poll(() => spec.getByTestId('readonly-banner').textContent(), T).toContain('spectator');
    // Spectators cannot run code: no stdin box to type into, and Run says why.
    expect(await spec.getByTestId('stdin').count()).toBe(0);
    expect(await spec.getByTestId('run-button').getAttribute('title')).toBe('Spectators watch; they do not run code.');
    await focusEditorEnd(spec);
    await spec.keyboard.type('# spectator edit');
    await spec.screenshot({ path: screenshotPath('room-spectator.png') });
    // No LiveKit on this server: the video panel says so and offers a local preview (Chromium's fake camera).
    await expect.poll(() => spec.getByTestId('video-panel').textContent(), T).toContain('no video');
    await spec.getByRole('button', { name: 'Camera preview' }).click();
    await expect.poll(() => spec.locator('[data-testid="video-panel"] video').evaluate((v) => (v as unknown as { readyState: number }).readyState), T).toBeGreaterThanOrEqual(2);
    // Leaving takes the spectator back to the lobby, and the host's list drops them.
    await spec.getByRole('button', { name: 'Leave' }).click();
    await spec.getByTestId('confirm-dialog').getByRole('button', { name: 'Leave' }).click();
    await expect.poll(() => spec.getByRole('heading', { name: 'Create a room' }).isVisible(), T).toBe(true);
    await expect.poll(() => host.getByTestId('participants').textContent(), T).not.toContain('Sam');
    await specCtx.close();
    expect(await editorText(host)).not.toContain('# spectator edit');
  });

  it('opening the room in a second tab displaces the first, which offers "Use here"', async () => {
    const second = await candCtx.newPage();
    await second.goto(cand.url());
    await synced(second);
    await expect.poll(() => cand.getByTestId('room-stopped').getAttribute('data-stop'), T).toBe('replaced');
    await cand.screenshot({ path: screenshotPath('room-replaced.png') });
    await cand.getByRole('button', { name: 'Use here' }).click();
    await expect.poll(() => second.getByTestId('room-stopped').getAttribute('data-stop'), T).toBe('replaced');
    await synced(cand);
    await second.close();
  });

  it('kick shows the candidate the kicked screen', async () => {
    await host.getByTestId('kick-Carl').click();
    await host.getByTestId('confirm-dialog').getByRole('button', { name: 'Remove' }).click();
    await expect.poll(() => cand.getByTestId('room-stopped').getAttribute('data-stop'), T).toBe('kicked');
    await cand.screenshot({ path: screenshotPath('room-kicked.png') });
  });

  it('after finishing, the session page shows snapshots and a diff', async () => {
    await host.getByTestId('snapshot-button').click();
    await host.getByRole('button', { name: 'Finished' }).click();
    await host.getByTestId('confirm-dialog').getByRole('button', { name: 'Finish for everybody' }).click();
    await expect.poll(() => host.getByTestId('snapshot-slider').getAttribute('max'), T).not.toBe('0');
    await host.getByTestId('snapshot-diff').locator('.monaco-diff-editor').waitFor(T);
    await expect.poll(() => host.getByTestId('timeline').textContent(), T).toContain('Hana moved the interview to Coding');
    await host.getByTestId('snapshot-slider').fill('0');
    await host.getByRole('button', { name: 'Show the final whiteboard' }).click();
    await expect.poll(() => host.getByTestId('final-whiteboard').locator('.tl-shape').count(), T).toBeGreaterThan(0);
    await host.screenshot({ path: screenshotPath('session-page.png'), fullPage: true });
    // In a narrow window the replay's code and whiteboard panes stack, each across the page.
    await host.setViewportSize({ width: 800, height: 900 });
    await expect.poll(async () => (await host.getByTestId('replay-code').boundingBox())?.width ?? 0, T).toBeGreaterThan(700);
    await host.setViewportSize(TALL);
    expect(hostWatch.errors).toEqual([]);
    expect(hostWatch.foreign).toEqual([]);
    await host.getByRole('button', { name: 'History' }).click();
    await expect.poll(() => host.getByTestId('session-list').textContent(), T).toContain("Hana's room");
    // The final verdict (the candidate's wrong answer) reads as words, not as the wire's WRONG_ANSWER.
    expect(await host.getByTestId('session-list').locator('.badge.bad').allTextContents()).toEqual(['Wrong answer']);
  });
});
