// The room's AI panel in real Chromium against a real server whose AI provider is the fake OpenAI-compatible
// server (test/support/fake-openai.ts, real HTTP and SSE): the reply streams in (text visible while the
// provider still holds the rest), stop cancels the provider request, a hint arrives, a review's line comments
// become Monaco decorations with a hover, a finished session shows its training report; and on a server
// without a provider the panel explains how to get one instead of hiding.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAiWorld, type AiWorld } from '../ai/ai-fixture.ts';
import { screenshotPath } from '../support/artifacts.ts';
import { launchChromium } from '../support/chromium.ts';
import type { RecordedRequest } from '../support/fake-openai.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';
import { api, focusEditorEnd, registerUser, signedInContext, watchPage, type TestUser } from './e2e-helpers.ts';

const T = { timeout: 15_000 };

const REPLY = 'Good question. **First**, restate the problem in your own words; then tell me which edge cases you see.';

const REVIEW = {
  summary: 'Correct for the examples, but the loop recomputes the sum.',
  score: 64,
  dimensions: [
    { name: 'problem-solving', score: 70, summary: 'Right idea.', evidence: [] },
    { name: 'efficiency', score: 40, summary: 'Quadratic.', evidence: [{ line: 2, quote: 'for i in range(n)', note: 'nested loop' }] },
  ],
  comments: [
    { line: 2, severity: 'warning', message: 'This loop makes the whole function O(n²).' },
    { line: 3, severity: 'error', message: 'Off by one: the last element is never read.' },
    { line: null, severity: 'info', message: 'Add a test for the empty input.' },
  ],
};

const REPORT = {
  overallScore: 72,
  summary: 'A solid session: the solution was accepted after one fix.',
  dimensions: ['problem-solving', 'code-quality', 'communication', 'testing', 'efficiency'].map((name, i) => ({
    name,
    score: 55 + i * 7,
    summary: `${name} was fine.`,
    evidence: [{ line: 2, quote: 'for i in range(n)', note: 'the main loop' }],
  })),
  strengths: ['Explained the approach before coding'],
  improvements: ['Test the empty input first'],
  weaknesses: [{ tag: 'edge-cases', label: 'Edge cases', severity: 0.7, evidence: [{ line: 3, quote: 'n - 1', note: 'off by one' }] }],
};

/** The fake answers by the kind of request the system prompt asks for. */
function replyFor(request: RecordedRequest) {
  const system = request.body?.messages?.[0]?.content ?? '';
  if (system.includes('You review code')) return { json: REVIEW };
  if (system.includes('training report')) return { json: REPORT };
  return { text: REPLY };
}

describe('AI panel (Chromium, fake provider)', () => {
  let world: AiWorld;
  let bare: TestServer;
  let browser: Browser;
  let contexts: BrowserContext[] = [];
  let user: TestUser;
  let page: Page;
  let watch: ReturnType<typeof watchPage>;
  let roomId: string;

  beforeAll(async () => {
    // The web build is served (webRoot back to its default); the provider streams a token every 15 ms. The
    // server waits 30 s for a silent provider (not the AI suites' 2 s): a held reply stays held while the page
    // is checked and photographed on a loaded machine; with 2 s the server failed it as a silent provider.
    world = await startAiWorld({ server: { webRoot: undefined }, fake: { chunkDelayMs: 15 }, provider: { limits: { timeoutMs: 30_000 } } });
    world.fake.setDefault(replyFor);
    browser = await launchChromium();
    user = await registerUser(world.server.url, 'Ada');
    const room = await api<{ id: string }>(world.server.url, user, 'POST', '/v1/rooms', { mode: 'practice', language: 'python' });
    roomId = room.id;
    await api(world.server.url, user, 'POST', `/v1/rooms/${roomId}/control/phase`, { to: 'coding' });
    const context = await signedInContext(browser, world.server.url, user, { width: 1440, height: 1000 });
    contexts.push(context);
    page = await context.newPage();
    watch = watchPage(page, world.server.url);
  });
  afterAll(async () => {
    await browser?.close();
    await world?.server.stop();
    await world?.fake.close();
    await bare?.stop();
  });

  const pending = () => page.getByTestId('ai-pending');

  it('opens the AI tab of a practice room with an empty conversation', async () => {
    await page.goto(`${world.server.url}/rooms/${roomId}`);
    await expect.poll(() => page.getByTestId('sync-status').getAttribute('data-state'), T).toBe('synced');
    await page.getByTestId('ai-tab').click();
    await expect.poll(() => page.getByTestId('ai-feed').textContent(), T).toContain('Your interviewer is here');
    expect(await page.getByTestId('ai-blocked').count()).toBe(0);
  });

  it('streams the reply: the first tokens show while the provider still holds the rest, then the whole answer', async () => {
    const { hold, release } = world.fake.hold(6);
    world.fake.reply({ text: REPLY, hold });
    await page.getByLabel('Message to the AI interviewer').fill('How should I start?');
    await page.getByTestId('ai-send').click();
    // Six 4-character tokens have been sent and the fake waits: that text is on screen, the rest is not.
    await expect.poll(() => pending().textContent(), T).toContain('Good question.');
    expect(await pending().getAttribute('data-state')).toBe('streaming');
    expect(await pending().textContent()).not.toContain('edge cases');
    expect(await page.getByTestId('ai-stop').isVisible()).toBe(true);
    await page.screenshot({ path: screenshotPath('ai-panel-streaming.png') });
    release();
    await expect.poll(() => page.getByTestId('ai-message-assistant').last().textContent(), T).toContain('which edge cases you see');
    expect(await pending().count()).toBe(0);
    // Markdown is rendered (and sanitised): the bold word is a <strong>.
    expect(await page.getByTestId('ai-message-assistant').last().locator('strong').textContent()).toBe('First');
    expect(await page.getByTestId('ai-message-user').last().textContent()).toBe('How should I start?');
    // The provider got the question and the model; the key was the server's.
    const request = world.fake.chatRequests().at(-1)!;
    expect(request.body?.stream).toBe(true);
    expect(JSON.stringify(request.body?.messages)).toContain('How should I start?');
  });

  it('stop ends the reply where it is and cancels the provider request', async () => {
    const { hold, release } = world.fake.hold(3);
    world.fake.reply({ text: 'Let me think about this for a long while before I answer you.', hold });
    const before = world.fake.chatRequests().length;
    await page.getByLabel('Message to the AI interviewer').fill('Is a hash map fine here?');
    await page.getByTestId('ai-send').click();
    await expect.poll(() => pending().textContent(), T).toContain('Let me th');
    await page.getByTestId('ai-stop').click();
    await expect.poll(() => page.getByTestId('ai-message-stopped').count(), T).toBe(1);
    expect(await page.getByTestId('ai-message-stopped').textContent()).toContain('Stopped.');
    expect(await page.getByTestId('ai-message-stopped').textContent()).not.toContain('long while');
    await expect.poll(() => world.fake.chatRequests()[before]?.abortedByClient, T).toBe(true);
    release();
    // The composer is usable again.
    expect(await page.getByTestId('ai-send').isVisible()).toBe(true);
  });

  it('gives a hint at the chosen level', async () => {
    world.fake.reply({ text: 'Think about what you already know after reading each element.' });
    await page.getByLabel('Hint level').selectOption('2');
    await page.getByTestId('ai-hint').click();
    await expect.poll(() => page.getByTestId('ai-hint-result').textContent(), T).toContain('level 2 (approach)');
    expect(await page.getByTestId('ai-hint-result').textContent()).toContain('what you already know');
  });

  it('a review shows its score and comments in the panel and its line comments as Monaco decorations with a hover', async () => {
    await focusEditorEnd(page);
    await page.keyboard.type('def total(xs):\nfor i in range(len(xs) - 1):\ns = sum(xs[:i])\nreturn s\n');
    await page.getByTestId('ai-review-button').click();
    await expect.poll(() => page.getByTestId('ai-review').count(), T).toBe(1);
    expect(await page.getByTestId('ai-review').getByTestId('score').textContent()).toBe('64');
    expect(await page.getByTestId('ai-review').locator('.ai-dimensions li .grow').allTextContents()).toEqual(['Problem solving', 'Efficiency']);
    expect(await page.getByTestId('ai-review-comments').textContent()).toContain('Add a test for the empty input.');
    // The two comments with a line are drawn in the editor: glyphs in the margin, tinted lines.
    const glyphs = page.locator('[data-testid="code-editor"] .ai-review-glyph');
    await expect.poll(() => glyphs.count(), T).toBe(2);
    expect(await page.locator('[data-testid="code-editor"] .ai-review-line.ai-review-error').count()).toBe(1);
    // Monaco shows a hover after the mouse has moved over the glyph (one jump does not count as moving).
    const glyph = (await page.locator('[data-testid="code-editor"] .ai-review-glyph.ai-review-error').boundingBox())!;
    await page.mouse.move(glyph.x + 1, glyph.y + 1);
    await page.mouse.move(glyph.x + 5, glyph.y + 5, { steps: 3 });
    await expect.poll(() => page.locator('.monaco-hover:not(.hidden)').first().textContent(), T).toContain('Off by one');
    await page.screenshot({ path: screenshotPath('ai-panel-review.png') });
    // The review read the editor's text.
    const reviewRequest = world.fake.chatRequests().find((r) => r.body?.messages?.[0]?.content.includes('You review code'))!;
    expect(JSON.stringify(reviewRequest.body?.messages)).toContain('range(len(xs) - 1)');
    // Clearing the marks removes only the review's decorations.
    await page.getByRole('button', { name: 'Clear marks' }).click();
    await expect.poll(() => glyphs.count(), T).toBe(0);
  });

  it('the conversation is still there after a reload', async () => {
    await page.reload();
    await page.getByTestId('ai-tab').click();
    await expect.poll(() => page.getByTestId('ai-message-assistant').count(), T).toBeGreaterThanOrEqual(1);
    expect(await page.getByTestId('ai-feed').textContent()).toContain('How should I start?');
  });

  it('the finished session shows its training report', async () => {
    await api(world.server.url, user, 'POST', `/v1/rooms/${roomId}/control/phase`, { to: 'finished' });
    await page.goto(`${world.server.url}/sessions/${roomId}`);
    const report = page.getByTestId('training-report');
    await expect.poll(() => report.getAttribute('data-status'), { timeout: 30_000 }).toBe('ready');
    expect(await report.getByTestId('score').textContent()).toBe('72');
    // Dimensions read as words, not as the wire's identifiers.
    const dimensions = (await report.getByTestId('report-dimensions').locator(':scope > li strong').allTextContents());
    expect(dimensions).toEqual(['Problem solving', 'Code quality', 'Communication', 'Testing', 'Efficiency']);
    expect(await report.textContent()).toContain('Test the empty input first');
    // The timeline tells the question from the reply.
    const timeline = await page.getByTestId('timeline').textContent();
    expect(timeline).toContain('Ada asked the AI interviewer');
    expect(timeline).toContain('The AI interviewer answered Ada');
    expect(timeline).not.toContain('Someone');
    await page.getByRole('button', { name: 'Show the AI conversation' }).click();
    await expect.poll(() => page.getByTestId('ai-history').textContent(), T).toContain('How should I start?');
    await page.screenshot({ path: screenshotPath('ai-training-report.png'), fullPage: true });
    // The weak spots on the lobby come from the reports.
    await page.goto(`${world.server.url}/`);
    await expect.poll(() => page.getByTestId('weaknesses').getAttribute('data-state'), T).toBe('ready');
    expect(await page.getByTestId('weaknesses').textContent()).toContain('Edge cases');
    await page.getByTestId('weaknesses').screenshot({ path: screenshotPath('ai-weak-spots.png') });
    expect(watch.errors).toEqual([]);
    expect(watch.foreign).toEqual([]);
  });

  it('two sessions with reports compare side by side from the history list', async () => {
    const second = await api<{ id: string }>(world.server.url, user, 'POST', '/v1/rooms', { mode: 'practice', language: 'python' });
    await api(world.server.url, user, 'POST', `/v1/rooms/${second.id}/control/phase`, { to: 'finished' });
    await expect
      .poll(async () => (await api<{ status: string }>(world.server.url, user, 'GET', `/v1/sessions/${second.id}/report`)).status, { timeout: 30_000 })
      .toBe('ready');
    await page.goto(`${world.server.url}/history`);
    const boxes = page.getByTestId('session-list').getByRole('checkbox');
    await expect.poll(() => boxes.count(), T).toBe(2);
    expect(await page.getByTestId('compare-button').isDisabled()).toBe(true);
    await boxes.nth(0).check();
    await boxes.nth(1).check();
    await page.getByTestId('compare-button').click();
    const table = page.getByTestId('compare').locator('table');
    await expect.poll(() => table.locator('tbody tr').count(), T).toBe(6); // overall + five dimensions
    expect(await table.locator('tbody tr').first().textContent()).toContain('72');
    expect(await table.locator('tbody th').allTextContents()).toEqual(['Overall', 'Problem solving', 'Code quality', 'Communication', 'Testing', 'Efficiency']);
    await page.screenshot({ path: screenshotPath('ai-compare.png') });
  });

  it('without a provider the panel explains how to get one, and the lobby says why there are no weak spots', async () => {
    bare = await startTestServer();
    const other = await registerUser(bare.url, 'Ben');
    const room = await api<{ id: string }>(bare.url, other, 'POST', '/v1/rooms', { mode: 'practice', language: 'python' });
    const context = await signedInContext(browser, bare.url, other, { width: 1440, height: 900 });
    contexts.push(context);
    const p = await context.newPage();
    await p.goto(`${bare.url}/rooms/${room.id}`);
    await p.getByTestId('ai-tab').click();
    const notice = p.getByTestId('ai-blocked');
    await expect.poll(() => notice.getAttribute('data-code'), T).toBe('AI_UNAVAILABLE');
    // A browser on a hosted server: the operator configures the provider.
    expect(await notice.textContent()).toContain('SYNCODE_AI_BASE_URL');
    expect(await p.getByLabel('Message to the AI interviewer').count()).toBe(0);
    await p.screenshot({ path: screenshotPath('ai-panel-not-configured.png') });
    await p.goto(`${bare.url}/`);
    await expect.poll(() => p.getByTestId('weaknesses').getAttribute('data-state'), T).toBe('no-ai');
  });
});
