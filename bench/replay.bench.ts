// `npm run bench:replay`: the session replay. (1) How big one interview hour's update log is: a scripted hour of
// typing (bench/replay/typing-hour.ts) goes through the real server from two stock y-websocket clients, then the
// log's rows, payload and pages on disk (table + index) are read from collab.sqlite. (2) Seek: the built renderer's
// session page in Chromium loads that log and the replay player is moved to random points; the player reports
// each seek through the User Timing API (`replay-seek`). Prints one table; asserts nothing.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import * as Y from 'yjs';
import type { ReplayPage } from '../server/protocol/api/sessions.ts';
import { silentLogger } from '../server/logger.ts';
import { REPO_ROOT } from '../server/paths.ts';
import { startServer } from '../server/start-server.ts';
import { openCollabStore } from '../server/storage/collab/index.ts';
import { launchChromium } from '../test/support/chromium.ts';
import { makeTempDir } from '../test/support/temp-dir.ts';
import { api, registerUser, signedInContext } from '../test/e2e/e2e-helpers.ts';
import { typeIntoRoom } from './replay/type-hour-into-room.ts';
import { typingHour } from './replay/typing-hour.ts';
import { measureSeeks } from './replay/measure-seeks.ts';

const SEEKS = 60;
const webRoot = join(REPO_ROOT, 'dist', 'renderer');
if (!existsSync(join(webRoot, 'index.html')) || process.argv.includes('--build')) {
  const r = spawnSync(process.execPath, [join(REPO_ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build'], { cwd: REPO_ROOT, stdio: 'ignore' });
  if (r.status !== 0) throw new Error('vite build failed');
}

const ops = typingHour();
const dir = makeTempDir('syncode-bench-replay-');
const server = await startServer({ port: 0, log: silentLogger, dataDir: dir.path, rateLimits: false, webRoot });
let seek: Awaited<ReturnType<typeof measureSeeks>>;
let finalText = '';
let logLength = 0;
let endMatches = false;
try {
  const host = await registerUser(server.url, 'Interviewer');
  const candidate = await registerUser(server.url, 'Candidate');
  const room = await api<{ id: string; code: string }>(server.url, host, 'POST', '/v1/rooms', { mode: 'interview', language: 'python' });
  const hostJoin = await api<never>(server.url, host, 'POST', `/v1/rooms/${room.id}/join`, { code: room.code });
  const candidateJoin = await api<never>(server.url, candidate, 'POST', `/v1/rooms/${room.id}/join`, { code: room.code, role: 'candidate' });
  await api(server.url, host, 'POST', `/v1/rooms/${room.id}/control/phase`, { to: 'coding' });
  finalText = (await typeIntoRoom(ops, { candidate: candidateJoin, interviewer: hostJoin })).text;
  await api(server.url, host, 'POST', `/v1/rooms/${room.id}/control/phase`, { to: 'finished' });
  // The log as the player reads it: every page through the REST endpoint, applied in order to an empty document.
  const rebuilt = new Y.Doc();
  for (let after: number | null = 0; after !== null; ) {
    const page: ReplayPage = await api<ReplayPage>(server.url, host, 'GET', `/v1/sessions/${room.id}/replay/code?after=${after}&limit=5000`);
    for (const u of page.items) Y.applyUpdate(rebuilt, Buffer.from(u.update, 'base64'));
    logLength += page.items.length;
    after = page.nextAfter;
  }
  endMatches = rebuilt.getText('code').toString() === finalText;

  const browser = await launchChromium();
  try {
    const context = await signedInContext(browser, server.url, host, { width: 1440, height: 1000 });
    seek = await measureSeeks(await context.newPage(), `${server.url}/sessions/${room.id}`, SEEKS, logLength);
  } finally {
    await browser.close();
  }
} finally {
  await server.close();
}
const store = await openCollabStore({ dataDir: dir.path });
const log = await store.logStats();
await store.close();
dir.remove();

const keys = ops.length;
const typed = ops.filter((o) => o.kind === 'insert').length;
const kib = (n: number) => `${(n / 1024).toFixed(0)} KiB`;
const rows: [string, string, string][] = [
  ['keystrokes in the hour (typed / deletions)', `${keys} (${typed} / ${keys - typed})`, ''],
  ['update log rows', String(log.updates), ''],
  ['update payload per hour', kib(log.bytes), ''],
  ['log on disk per hour (table + index pages)', log.storedBytes === null ? '-' : kib(log.storedBytes), '<= 1 MiB'],
  ['bytes on disk per update', log.storedBytes === null ? '-' : (log.storedBytes / log.updates).toFixed(1), ''],
  ['page load -> whole log loaded and indexed', `${seek.loadMs.toFixed(0)} ms`, ''],
  ['seek to a random point: p50', `${seek.p50.toFixed(1)} ms`, ''],
  ['seek to a random point: p95', `${seek.p95.toFixed(1)} ms`, ''],
  ['seek to a random point: max', `${seek.max.toFixed(1)} ms`, '<= 100 ms'],
  ['replay log rebuilds the final text', endMatches ? 'yes' : 'NO (invalid run)', ''],
];
const header: [string, string, string] = ['measure', 'value', 'target'];
const widths = [0, 1, 2].map((i) => Math.max(...[header, ...rows].map((r) => r[i]!.length)));
for (const [i, row] of [header, ...rows].entries()) {
  process.stdout.write(`| ${row.map((c, j) => c.padEnd(widths[j]!)).join(' | ')} |\n`);
  if (i === 0) process.stdout.write(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|\n`);
}
process.stdout.write(
  `\nOne scripted interview hour (${SEEKS} seeks in Chromium, ${seek.steps} replay steps). A seek: the player builds the document at that point from its nearest checkpoint and hands the text and author tints to Monaco (painting not included). Log on disk: SQLite pages of the log table and its index (dbstat).\n`,
);
