// Helpers shared by the renderer's Chromium e2e files and bench/ui.bench.ts (so: no vitest imports here): accounts made over REST (fast), pages signed in by
// seeding the renderer's localStorage session, Monaco reading/typing through the DOM, and an accessibility audit.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, BrowserContext, Page } from 'playwright-core';

export interface TestUser {
  tokens: { accessToken: string; refreshToken: string; user: { id: string; displayName: string; email: string } };
  email: string;
  password: string;
}

let counter = 0;

export async function registerUser(serverUrl: string, displayName: string): Promise<TestUser> {
  const email = `${displayName.toLowerCase()}-${process.pid}-${++counter}-${Date.now()}@example.com`;
  const password = 'correct horse battery';
  const res = await fetch(`${serverUrl}/v1/auth/register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password, displayName }),
  });
  if (res.status !== 201) throw new Error(`register ${displayName} → ${res.status} ${await res.text()}`);
  return { tokens: (await res.json()) as TestUser['tokens'], email, password };
}

/** A browser context whose renderer starts signed in as `user` (the same localStorage entry sign-in writes). */
export async function signedInContext(
  browser: Browser,
  serverUrl: string,
  user: TestUser,
  viewport = { width: 1440, height: 900 },
): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport });
  await context.addInitScript(
    ([key, value]) => {
      if (!localStorage.getItem(key!)) localStorage.setItem(key!, value!);
    },
    [`syncode.session:${serverUrl}`, JSON.stringify(user.tokens)],
  );
  return context;
}

export async function api<T>(serverUrl: string, user: TestUser, method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(serverUrl + path, {
    method,
    headers: { authorization: `Bearer ${user.tokens.accessToken}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path} → ${res.status} ${text}`);
  return (text ? JSON.parse(text) : undefined) as T;
}

/** The editor's rendered text (Monaco renders only lines in view, so tests use tall viewports; spaces are NBSP). */
export async function editorText(page: Page, testId = 'code-editor'): Promise<string> {
  return page.locator(`[data-testid="${testId}"] .view-lines`).evaluate((el) => {
    type Line = { style: { top: string }; textContent: string | null };
    const root = el as unknown as { querySelectorAll(selector: string): ArrayLike<Line> };
    const lines = [...Array.from(root.querySelectorAll('.view-line'))]
      .map((l) => ({ top: parseFloat(l.style.top || '0'), text: (l.textContent ?? '').replace(/\u00a0/g, ' ') }))
      .sort((a, b) => a.top - b.top);
    return lines.map((l) => l.text).join('\n');
  });
}

export async function focusEditorEnd(page: Page): Promise<void> {
  await page.locator('[data-testid="code-editor"] .view-lines').click();
  await page.keyboard.press('Control+End');
}

/** Collects page errors and requests to other origins (the app must load nothing from a CDN). */
export function watchPage(page: Page, serverUrl: string): { errors: string[]; foreign: string[] } {
  const errors: string[] = [];
  const foreign: string[] = [];
  page.on('pageerror', (e) => errors.push(`${e.message}\n${e.stack ?? ''}`));
  page.on('request', (r) => {
    const url = r.url();
    if (!url.startsWith(serverUrl) && !url.startsWith(serverUrl.replace('http', 'ws')) && !/^(data|blob):/.test(url)) foreign.push(url);
  });
  return { errors, foreign };
}

/** How many updates y-indexeddb holds for a room document (renderer/src/room/collab/local-persistence.ts names the db). */
export async function storedUpdateCount(page: Page, serverUrl: string, roomId: string, doc: 'code' | 'whiteboard'): Promise<number> {
  const name = `syncode:${serverUrl}:${roomId}:${doc}`;
  return (await page.evaluate(`new Promise((resolve, reject) => {
    const req = indexedDB.open(${JSON.stringify(name)});
    req.onerror = () => reject(req.error);
    req.onsuccess = () => {
      const db = req.result;
      const count = db.transaction('updates').objectStore('updates').count();
      count.onsuccess = () => { resolve(count.result); db.close(); };
      count.onerror = () => reject(count.error);
    };
  })`)) as number;
}

interface AxeViolation {
  id: string;
  impact: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

let axeSource: string | undefined;

/**
 * The page's accessibility violations found by axe-core (its script run in the page), one line per failing
 * element: rule, impact, element, why. Empty when the page passes every rule.
 */
export async function axeViolations(page: Page): Promise<string[]> {
  axeSource ??= readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  await page.evaluate(axeSource);
  const found = (await page.evaluate(`axe.run(document, { resultTypes: ['violations'] }).then((r) => r.violations)`)) as AxeViolation[];
  return found.flatMap((v) => v.nodes.map((n) => `${v.id} [${v.impact}] ${n.target.join(' ')}: ${(n.failureSummary ?? '').replace(/\s+/g, ' ')}`));
}
