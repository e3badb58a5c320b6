// Seeks the session page's replay player in Chromium: the scrub bar is moved to random points and each seek's
// `replay-seek` User Timing measure (recorded by the player: document built from its nearest checkpoint, text and
// author tints handed to Monaco) is read back.
import type { Page } from 'playwright-core';
import { pollUntil } from '../../test/support/poll.ts';
import { percentile } from '../collab/proc-stats.ts';

export interface SeekFigures {
  /** Navigation until the player shows the last step of the fully loaded log. */
  loadMs: number;
  steps: number;
  p50: number;
  p95: number;
  max: number;
}

export async function measureSeeks(page: Page, sessionUrl: string, seeks: number, logLength: number): Promise<SeekFigures> {
  const started = performance.now();
  await page.goto(sessionUrl);
  const code = page.getByTestId('replay-code');
  await code.waitFor({ timeout: 120_000 });
  await pollUntil(() => code.getAttribute('data-step'), (step) => step === String(logLength), { timeoutMs: 120_000, what: 'the player at the last step' });
  const loadMs = performance.now() - started;
  const scrub = page.getByTestId('replay-scrub');
  const max = Number(await scrub.getAttribute('max'));
  const measures = () => page.evaluate(() => performance.getEntriesByName('replay-seek').map((e) => e.duration));
  const times: number[] = [];
  let seed = 7;
  let previous = -1;
  for (let i = 0; i < seeks; i++) {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    // The bar moves in steps of 100 ms; a value equal to the current one would not be a seek.
    let value = Math.floor(((seed / 2 ** 31) * max) / 100) * 100;
    if (value === previous) value = value >= 100 ? value - 100 : value + 100;
    previous = value;
    const before = (await measures()).length;
    await scrub.fill(String(value));
    await page.waitForFunction((n) => performance.getEntriesByName('replay-seek').length > n, before);
    times.push((await measures()).at(-1)!);
  }
  times.sort((a, b) => a - b);
  return { loadMs, steps: logLength, p50: percentile(times, 50), p95: percentile(times, 95), max: times.at(-1)! };
}
