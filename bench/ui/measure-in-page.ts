// In-page probes for the UI benchmark. They run inside Chromium, so they are written as page scripts
// (strings: the Node type-check has no DOM). Times are performance.timeOrigin + performance.now(),
// comparable across pages of one browser on one machine.
import type { Page } from 'playwright-core';

const EDITOR_LINES = `document.querySelector('[data-testid="code-editor"] .view-lines')`;

/**
 * keydown → the editor's DOM write. Monaco renders in a requestAnimationFrame callback, so the frame that
 * runs it paints the change: the mutation callback (a microtask right after that write) is the paint time
 * minus that frame's style/layout. Waiting for another rAF would add a whole frame that the user never sees.
 */
export async function installPaintProbe(page: Page): Promise<void> {
  await page.evaluate(`(() => {
    window.__paint = [];
    window.__t0 = null;
    document.addEventListener('keydown', () => { window.__t0 = performance.now(); }, true);
    new MutationObserver(() => {
      const t0 = window.__t0;
      if (t0 === null) return;
      window.__t0 = null;
      window.__paint.push(performance.now() - t0);
    }).observe(${EDITOR_LINES}, { childList: true, subtree: true, characterData: true });
  })()`);
}

export async function readPaint(page: Page): Promise<number[]> {
  return (await page.evaluate('window.__paint')) as number[];
}

/** On the watching page: remembers the wall-clock instant the editor first shows `marker`. */
export async function armRemoteProbe(page: Page, marker: string): Promise<void> {
  await page.evaluate(`(() => {
    const lines = ${EDITOR_LINES};
    const marker = ${JSON.stringify(marker)};
    window.__seen = new Promise((resolve) => {
      const obs = new MutationObserver(() => check());
      const check = () => {
        if ((lines.textContent || '').includes(marker)) {
          obs.disconnect();
          resolve(performance.timeOrigin + performance.now());
        }
      };
      obs.observe(lines, { childList: true, subtree: true, characterData: true });
      check();
    });
  })()`);
}

export async function remoteSeenAt(page: Page): Promise<number> {
  return (await page.evaluate('window.__seen')) as number;
}

/** On the typing page: remembers the wall-clock instant of the next keydown. */
export async function armKeydownClock(page: Page): Promise<void> {
  await page.evaluate(`(() => {
    window.__keyAt = new Promise((resolve) =>
      document.addEventListener('keydown', () => resolve(performance.timeOrigin + performance.now()), { capture: true, once: true }));
  })()`);
}

export async function keydownAt(page: Page): Promise<number> {
  return (await page.evaluate('window.__keyAt')) as number;
}
