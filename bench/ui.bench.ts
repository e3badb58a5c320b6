// `npm run bench:ui`: how fast the renderer feels, measured in Chromium against a real server on loopback.
// Prints one table of medians: navigation → room interactive and synced, local keystroke → paint,
// keystroke on A → visible on B, and the gzipped size of the lobby's initial JavaScript.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../server/paths.ts';
import { launchChromium } from '../test/support/chromium.ts';
import { startTestServer } from '../test/support/test-server.ts';
import { api, focusEditorEnd, registerUser, signedInContext } from '../test/e2e/e2e-helpers.ts';
import { lobbyInitialJs } from './ui/lobby-bundle.ts';
import { armKeydownClock, armRemoteProbe, installPaintProbe, keydownAt, readPaint, remoteSeenAt } from './ui/measure-in-page.ts';

const NAV_RUNS = 5;
const PAINT_KEYS = 40;
const REMOTE_KEYS = 25;
const webRoot = join(REPO_ROOT, 'dist', 'renderer');

if (!existsSync(join(webRoot, 'index.html')) || process.argv.includes('--build')) {
  const r = spawnSync(process.execPath, [join(REPO_ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build'], { cwd: REPO_ROOT, stdio: 'ignore' });
  if (r.status !== 0) throw new Error('vite build failed');
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)]! : NaN;
};

const server = await startTestServer({ webRoot });
const browser = await launchChromium();
try {
  const host = await registerUser(server.url, 'Host');
  const guest = await registerUser(server.url, 'Guest');
  const room = await api<{ id: string; code: string }>(server.url, host, 'POST', '/v1/rooms', { mode: 'interview', language: 'python' });
  await api(server.url, guest, 'POST', `/v1/rooms/${room.id}/join`, { code: room.code, role: 'candidate' });
  // Both pages tall: Monaco renders only the lines in view, and the probes read the rendered lines.
  const hostCtx = await signedInContext(browser, server.url, host, { width: 1440, height: 1400 });
  const guestCtx = await signedInContext(browser, server.url, guest, { width: 1440, height: 1400 });

  // 1. Navigation → room interactive (editor focusable) and synced (status chip), cold-ish each run.
  const nav: number[] = [];
  for (let i = 0; i < NAV_RUNS; i++) {
    const page = await hostCtx.newPage();
    await page.goto(`${server.url}/rooms/${room.id}`);
    await page.waitForSelector('[data-testid="sync-status"][data-state="synced"]', { timeout: 20_000 });
    await page.waitForSelector('[data-testid="code-editor"] textarea', { timeout: 20_000 });
    nav.push(await page.evaluate(() => performance.now()));
    await page.close();
  }

  const a = await hostCtx.newPage();
  const b = await guestCtx.newPage();
  for (const p of [a, b]) {
    await p.goto(`${server.url}/rooms/${room.id}`);
    await p.waitForSelector('[data-testid="sync-status"][data-state="synced"]', { timeout: 20_000 });
  }

  // 2. Local keystroke → paint on A.
  await focusEditorEnd(a);
  await installPaintProbe(a);
  for (let i = 0; i < PAINT_KEYS; i++) {
    await a.keyboard.type('x');
    await a.waitForTimeout(20);
  }
  await a.waitForTimeout(100);
  const paint = await readPaint(a);

  // 3. Keystroke on A → visible on B: the timed key is the marker's last character '#'.
  const remote: number[] = [];
  for (let i = 0; i < REMOTE_KEYS; i++) {
    const marker = String.fromCharCode(65 + (i % 26));
    await armRemoteProbe(b, `${marker}${i}#`);
    await a.keyboard.type(`${marker}${i}`);
    await armKeydownClock(a);
    await a.keyboard.type('#');
    const [sent, seen] = [await keydownAt(a), await remoteSeenAt(b)];
    remote.push(seen - sent);
  }

  const bundle = lobbyInitialJs(webRoot);
  const rows: [string, string, string][] = [
    ['navigation → room interactive and synced', `${median(nav).toFixed(0)} ms`, '≤ 1500 ms'],
    ['local keystroke → paint', `${median(paint).toFixed(1)} ms`, '< 16 ms'],
    ['keystroke on A → visible on B', `${median(remote).toFixed(1)} ms`, '< 50 ms'],
    ['lobby initial JS (gzip)', `${(bundle.gzipBytes / 1024).toFixed(1)} KiB (${bundle.files.length} files)`, '≤ 300 KB'],
  ];
  const w = [Math.max(...rows.map((r) => r[0].length)), Math.max(...rows.map((r) => r[1].length)), 10];
  const line = (c: string[]) => `| ${c.map((x, i) => x.padEnd(w[i]!)).join(' | ')} |`;
  process.stdout.write(`${line(['metric (median)', 'value', 'target'])}\n|${w.map((n) => '-'.repeat(n + 2)).join('|')}|\n`);
  for (const r of rows) process.stdout.write(`${line(r)}\n`);
  process.stdout.write(`\nruns: navigation ${nav.length}, paint ${paint.length}, remote ${remote.length}\n`);
} finally {
  await browser.close();
  await server.stop();
}
