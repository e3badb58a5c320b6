// The usual frame of a Chromium test file: one real server (fresh data, port 0) and one headless Chromium for the
// describe block, both closed after it. Read `ctx.server` and `ctx.browser` inside tests (they exist from beforeAll).
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import type { ServerOptions } from '../../server/server-options.ts';
import { launchChromium } from '../support/chromium.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

export interface ServerAndBrowser {
  readonly server: TestServer;
  readonly browser: Browser;
}

export function serverAndBrowser(options: () => Partial<ServerOptions> = () => ({})): ServerAndBrowser {
  const ctx = {} as { server: TestServer; browser: Browser };
  beforeAll(async () => {
    ctx.server = await startTestServer(options());
    ctx.browser = await launchChromium();
  });
  afterAll(async () => {
    await ctx.browser?.close();
    await ctx.server?.stop();
  });
  return ctx;
}
