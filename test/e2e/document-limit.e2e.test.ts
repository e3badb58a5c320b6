// When a room document reaches its size limit, the server refuses the edit and warns host and interviewers
// with a room-warning event; the host's room shows it as a banner. Real Chromium for the host; the candidate
// is a stock y-websocket provider joined over REST, so it can push megabytes quickly.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JoinRoomResponse, RoomDetail } from '../../server/protocol/api/rooms.ts';
import { connectProvider, recordEvents, type ProviderClient } from '../collab/support/collab-harness.ts';
import { screenshotPath } from '../support/artifacts.ts';
import { launchChromium } from '../support/chromium.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';
import { api, registerUser, signedInContext } from './e2e-helpers.ts';

const T = { timeout: 30_000 };

describe('document size limit warning (Chromium)', () => {
  let server: TestServer;
  let browser: Browser;
  let host: Page;
  let candidate: ProviderClient | undefined;

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchChromium();
  });
  afterAll(async () => {
    candidate?.destroy();
    await browser?.close();
    await server?.stop();
  });

  it('shows the host a banner when an edit would take the code past its limit', async () => {
    const hostUser = await registerUser(server.url, 'Hana');
    const candUser = await registerUser(server.url, 'Carl');
    const room = await api<RoomDetail>(server.url, hostUser, 'POST', '/v1/rooms', { mode: 'interview' });
    host = await (await signedInContext(browser, server.url, hostUser)).newPage();
    await host.goto(`${server.url}/rooms/${room.id}`);
    await expect.poll(() => host.getByTestId('sync-status').getAttribute('data-state'), T).toBe('synced');

    const join = await api<JoinRoomResponse>(server.url, candUser, 'POST', `/v1/rooms/${room.id}/join`, { code: room.code, role: 'candidate' });
    candidate = connectProvider(join.collabUrl, room.id, 'code', join.collabToken);
    const candidateEvents = recordEvents(candidate);
    // Edits go out once synced, each in its own frame: a SyncStep2 of everything at once would exceed the
    // 1 MiB frame limit. 900 KiB per edit stays under it; short lines keep Monaco responsive in the host's page.
    await expect.poll(() => candidate!.provider.synced, T).toBe(true);
    const chunk = `${'x'.repeat(79)}\n`.repeat((900 * 1024) / 80);
    const text = candidate.ydoc.getText('code');
    for (let i = 1; i <= 5; i++) text.insert(0, chunk);
    // The fifth edit would take the document past 4 MiB: the sender is refused, the host is warned.
    await expect.poll(() => candidateEvents.filter((e) => e.type === 'update-rejected'), T).toHaveLength(1);
    expect(candidateEvents.find((e) => e.type === 'update-rejected')).toMatchObject({ reason: 'document-too-large' });
    const notice = host.getByTestId('room-notice');
    await expect.poll(() => notice.textContent(), T).toContain('The shared code has reached its size limit (4 MiB)');
    await host.screenshot({ path: screenshotPath('room-document-full.png') });
    await notice.getByRole('button', { name: 'Dismiss' }).click();
    await expect.poll(() => notice.count(), T).toBe(0);
  }, 120_000);
});
