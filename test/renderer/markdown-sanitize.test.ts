// renderer/src/ui/markdown.ts in real Chromium (DOMPurify needs a real DOM): Markdown written by a model or
// a problem author keeps its formatting, and nothing in it runs when the HTML is inserted into a page.
import { build } from 'esbuild';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../server/paths.ts';
import { launchChromium } from '../support/chromium.ts';

/** Each of these would set `window.pwned` if it ran. */
const ATTACKS = [
  '<script>(window.pwned ||= []).push("script")</script>',
  '<img src="x" onerror="(window.pwned ||= []).push(\'onerror\')">',
  '<svg><svg onload="(window.pwned ||= []).push(\'svg\')"></svg></svg>',
  '<iframe srcdoc="<script>parent.pwned = [\'iframe\']</script>"></iframe>',
  '<details open ontoggle="(window.pwned ||= []).push(\'toggle\')"><summary>x</summary></details>',
  '<a href="javascript:(window.pwned ||= []).push(\'link\')">html link</a>',
  '[markdown link](javascript:(window.pwned||=[]).push("md-link"))',
  '<style>body { display: none }</style>',
  '<form action="javascript:(window.pwned ||= []).push(\'form\')"><button id="go">go</button></form>',
  '<math><mi xlink:href="javascript:(window.pwned ||= []).push(\'math\')">m</mi></math>',
];

describe('Markdown rendering is sanitized (Chromium)', () => {
  let browser: Browser;
  let page: Page;
  beforeAll(async () => {
    const bundle = await build({
      entryPoints: [`${REPO_ROOT}/renderer/src/ui/markdown.ts`],
      bundle: true,
      format: 'iife',
      globalName: 'markdown',
      write: false,
      logLevel: 'silent',
    });
    browser = await launchChromium();
    page = await browser.newPage();
    await page.setContent('<!doctype html><main id="out"></main>');
    await page.addScriptTag({ content: bundle.outputFiles[0]!.text });
  });
  afterAll(async () => {
    await browser?.close();
  });

  /** Renders in the page and inserts the HTML into it (the test's tsconfig has no DOM types: page code is a string). */
  const render = (source: string): Promise<string> =>
    page.evaluate(`(() => {
      const html = markdown.renderMarkdown(${JSON.stringify(source)});
      document.getElementById('out').innerHTML = html;
      return html;
    })()`);

  it('keeps Markdown formatting: emphasis, code blocks, lists, tables, safe links in a new tab', async () => {
    const html = await render('**Good** start.\n\n```python\nprint("hi")\n```\n\n- one\n- two\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n[docs](https://example.com/x)');
    expect(html).toContain('<strong>Good</strong>');
    expect(html).toMatch(/<pre><code class="language-python">print\(.*hi.*\)\n<\/code><\/pre>/);
    expect(html).toContain('<li>one</li>');
    expect(html).toContain('<td>1</td>');
    expect(html).toContain('<a href="https://example.com/x" target="_blank" rel="noopener noreferrer">docs</a>');
  });

  it('strips scripts, event handlers, frames, javascript: URLs, forms and style sheets, and none of them runs', async () => {
    for (const attack of ATTACKS) {
      const html = await render(`Here is my answer.\n\n${attack}\n`);
      expect(html, attack).not.toMatch(/<script|onerror|onload|ontoggle|<iframe|javascript:|<form|<button|<style/i);
      expect(html, attack).toContain('Here is my answer.');
    }
    // Whatever is left of the links, clicked: nothing runs, and the page stays where it is.
    await render(ATTACKS.join('\n\n'));
    for (const link of await page.locator('#out a').all()) await link.click();
    await page.evaluate('new Promise((r) => setTimeout(r, 50))'); // let queued handlers fire, if any
    expect(await page.evaluate('window.pwned ?? []')).toEqual([]);
    expect(await page.evaluate('location.href')).toBe('about:blank');
  });
});
