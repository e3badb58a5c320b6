// The History screen in Chromium against a real server: the progress card (finished practice sessions show up in
// the period's totals and in the current bar, the period can change, a new account is told what will show there),
// and removing a session from one's own history.
import { describe, expect, it } from 'vitest';
import { screenshotPath } from '../support/artifacts.ts';
import { api, axeViolations, registerUser, signedInContext, type TestUser } from './e2e-helpers.ts';
import { serverAndBrowser } from './server-and-browser.ts';

const T = { timeout: 15_000 };

describe('the History screen (Chromium)', () => {
  const ctx = serverAndBrowser();

  async function finishPractice(user: TestUser, problemId: string): Promise<void> {
    const room = await api<{ id: string }>(ctx.server.url, user, 'POST', '/v1/rooms', { mode: 'practice', problemId, language: 'python' });
    for (const to of ['coding', 'finished']) await api(ctx.server.url, user, 'POST', `/v1/rooms/${room.id}/control/phase`, { to });
  }

  it('counts finished sessions in the totals and in the current bar, per week and per month', async () => {
    const user = await registerUser(ctx.server.url, 'Tove');
    const problems = await api<{ items: { id: string }[] }>(ctx.server.url, user, 'GET', '/v1/problems');
    const context = await signedInContext(ctx.browser, ctx.server.url, user);
    const page = await context.newPage();
    await page.goto(ctx.server.url + '/history');
    await expect.poll(() => page.getByTestId('training-progress').textContent(), T).toContain('Nothing finished in this period yet');

    await finishPractice(user, problems.items[0]!.id);
    await finishPractice(user, problems.items[1]!.id);
    await page.reload();
    await expect.poll(() => page.getByTestId('progress-totals').textContent(), T).toBe('2 sessions · under a minute of practice · 0 of 0 submissions accepted · 0 problems solved');
    const bars = page.getByTestId('progress-bar');
    expect(await bars.count()).toBeGreaterThanOrEqual(12);
    // This week's bar is the last, and it carries the two sessions.
    expect(await bars.last().locator('title').textContent()).toMatch(/^Week of .+: 2 sessions, /);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: screenshotPath('history-progress.png') });

    await page.getByLabel('Period').selectOption('12m');
    await expect.poll(async () => (await bars.last().locator('title').textContent()) ?? '', T).toMatch(/^\w+ \d+: 2 sessions, /);
    expect(await bars.count()).toBeGreaterThanOrEqual(12);
    await context.close();
  });

  it('removes a session from my history after a confirmation, and only from mine', async () => {
    const [host, candidate] = await Promise.all([registerUser(ctx.server.url, 'Ulla'), registerUser(ctx.server.url, 'Vik')]);
    const room = await api<{ id: string; code: string }>(ctx.server.url, host, 'POST', '/v1/rooms', { mode: 'interview', name: 'Friday loop' });
    await api(ctx.server.url, candidate, 'POST', `/v1/rooms/${room.id}/join`, { code: room.code, role: 'candidate' });
    for (const to of ['warmup', 'coding', 'wrapup', 'finished']) await api(ctx.server.url, host, 'POST', `/v1/rooms/${room.id}/control/phase`, { to });
    const context = await signedInContext(ctx.browser, ctx.server.url, candidate);
    const page = await context.newPage();
    await page.goto(ctx.server.url + '/history');
    const list = page.getByTestId('session-list');
    await expect.poll(() => list.textContent(), T).toContain('Friday loop');

    await page.getByRole('button', { name: 'Remove Friday loop from my history' }).click();
    await page.getByTestId('confirm-dialog').getByRole('button', { name: 'Cancel' }).click();
    expect(await list.textContent()).toContain('Friday loop');
    await page.getByRole('button', { name: 'Remove Friday loop from my history' }).click();
    await page.getByTestId('confirm-dialog').getByRole('button', { name: 'Remove' }).click();
    await expect.poll(() => list.textContent(), T).not.toContain('Friday loop');
    await page.reload();
    await expect.poll(() => page.getByTestId('training-progress').isVisible(), T).toBe(true);
    expect(await list.textContent()).not.toContain('Friday loop');
    // The interviewer's history keeps it.
    const hostSessions = await api<{ items: { name: string }[] }>(ctx.server.url, host, 'GET', '/v1/sessions');
    expect(hostSessions.items.map((s) => s.name)).toContain('Friday loop');
    await context.close();
  });
});
