// Two server processes on one PostgreSQL and one Redis, in real Chromium, with no load balancer: the host's
// browser talks to node-a, the candidate's to node-b (her room socket piped to the owner). kill -9 of the owner
// while she keeps typing: node-b takes the room over, her page reconnects on its own, and everything she typed
// arrives, the characters typed during the takeover included.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshotPath } from '../support/artifacts.ts';
import { launchChromium } from '../support/chromium.ts';
import { useTestCluster } from '../cluster/support/test-cluster.ts';
import { editorText, focusEditorEnd, registerUser, signedInContext } from './e2e-helpers.ts';

const T = { timeout: 15_000 };
const TAKEOVER_MS = 45_000;
const TALL = { width: 1280, height: 1400 };

describe('failover in the browser (two processes, Chromium)', () => {
  const fixture = useTestCluster(['node-a', 'node-b'], { rateLimits: false });
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  const syncState = (p: Page) => p.getByTestId('sync-status').getAttribute('data-state');

  it('kill -9 of the room owner while the candidate types: her page carries on through node-b and nothing is lost', { timeout: 120_000 }, async () => {
    const { cluster } = fixture;
    const [a, b] = cluster.nodes as [(typeof cluster.nodes)[0], (typeof cluster.nodes)[0]];
    const hostUser = await registerUser(a.url, 'Hana');
    const candUser = await registerUser(b.url, 'Carl');
    const host = await (await signedInContext(browser, a.url, hostUser, TALL)).newPage();
    const cand = await (await signedInContext(browser, b.url, candUser, TALL)).newPage();

    await host.goto(a.url + '/');
    await host.getByRole('button', { name: 'Create room' }).click();
    const invite = new URL(await host.getByTestId('invite-link').inputValue());
    await host.getByRole('button', { name: 'Enter room' }).click();
    await expect.poll(() => syncState(host), T).toBe('synced');
    const roomPath = new URL(host.url()).pathname;
    expect(roomPath).toMatch(/^\/rooms\/[0-9a-f-]{36}$/);
    // The host's socket placed the room on node-a.
    expect(await cluster.redis.client().get(`syncode:room-owner:${roomPath.split('/')[2]}`)).toBe('node-a');

    await cand.goto(b.url + invite.pathname);
    await cand.getByRole('button', { name: 'Join as candidate' }).click();
    await expect.poll(() => syncState(cand), T).toBe('synced');
    await focusEditorEnd(cand);
    await cand.keyboard.type('\n# before the kill', { delay: 10 });
    await expect.poll(() => editorText(host), T).toContain('# before the kill');

    expect(await a.stop('SIGKILL')).toBe('SIGKILL');
    // She keeps typing, a key every ~50 ms, while node-b waits out node-a's lease, takes the room and her page
    // reconnects: keys go in before, during and right after the reconnect.
    await cand.keyboard.type('\n# during: ');
    let during = '';
    let wasDown = false;
    const deadline = Date.now() + TAKEOVER_MS;
    for (;;) {
      const key = String.fromCharCode(97 + (during.length % 26));
      await cand.keyboard.type(key);
      during += key;
      const state = await syncState(cand);
      if (state === 'connecting' || state === 'offline') wasDown = true;
      else if (wasDown && state === 'synced') break;
      if (Date.now() > deadline) throw new Error(`no resync within ${TAKEOVER_MS / 1000} s of the kill (state ${state})`);
      await cand.waitForTimeout(50);
    }
    await cand.keyboard.type('\n# after it', { delay: 10 });
    await expect.poll(() => syncState(cand), T).toBe('synced');
    const typed = await editorText(cand);
    for (const line of ['# before the kill', `# during: ${during}`, '# after it']) expect(typed).toContain(line);

    // The host comes back through node-b (a load balancer would send her there) and sees all of it.
    const hostAgain = await (await signedInContext(browser, b.url, hostUser, TALL)).newPage();
    await hostAgain.goto(b.url + roomPath);
    await expect.poll(() => syncState(hostAgain), T).toBe('synced');
    await expect.poll(() => editorText(hostAgain), T).toBe(typed);
    expect(await cluster.redis.client().get(`syncode:room-owner:${roomPath.split('/')[2]}`)).toBe('node-b');
    await cand.screenshot({ path: screenshotPath('cluster-failover-candidate.png') });
  });
});
