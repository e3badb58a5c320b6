// The desktop AI settings end to end, as far as this machine allows (Electron cannot run here): the real
// embedded server run by the real supervisor (child_process.fork standing in for utilityProcess), the renderer
// loaded from it with the launch secret on every request, and `window.syncode` wired to main's real IPC
// handlers (sender check included) through the real preload bridge. The AI provider is the fake
// OpenAI-compatible server. Without a provider the room's AI panel offers the settings; there the models are
// listed from the provider, saving restarts the embedded server with it, and the same page, still signed in,
// gets a streamed reply.
import { join } from 'node:path';
import type { IpcMainInvokeEvent } from 'electron';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AiSettingsService } from '../../main/ai-settings/ai-settings-service.ts';
import { createIpcHandlers } from '../../main/app-handlers.ts';
import { MemoryCredentialStore } from '../../main/credentials/credential-store.ts';
import { registerIpcHandlers } from '../../main/ipc-handlers.ts';
import { LocalStore } from '../../main/local-store/local-store.ts';
import { ProfileService } from '../../main/profiles/profile-service.ts';
import { startServerSupervisor, type ServerSupervisor } from '../../main/server-supervisor.ts';
import { bridgeName, IPC_CHANNELS } from '../../preload/api.ts';
import { createBridge } from '../../preload/bridge.ts';
import { DEFAULT_WEB_ROOT } from '../../server/paths.ts';
import { LAUNCH_SECRET_HEADER } from '../../server/protocol/index.ts';
import { EMBEDDED_ENTRY, nodeFork, type NodeForkRecorder } from '../desktop/node-fork.ts';
import { screenshotPath } from '../support/artifacts.ts';
import { launchChromium } from '../support/chromium.ts';
import { startFakeOpenAi, type FakeOpenAi } from '../support/fake-openai.ts';
import { makeTempDir } from '../support/temp-dir.ts';
import { axeViolations, watchPage } from './e2e-helpers.ts';
import { unusedReportPdf } from '../desktop/unused-services.ts';

const T = { timeout: 20_000 };

/** The page side of the bridge: each method forwards to an exposed Node function `bridge_<method>`. */
const BRIDGE_SCRIPT = (names: string[]) => `(() => {
  const bridge = { on: () => () => {} };
  for (const name of ${JSON.stringify(names)}) bridge[name] = (...args) => window['bridge_' + name](...args);
  window.syncode = bridge;
})()`;

describe('desktop AI settings (embedded server, real IPC handlers, fake provider)', () => {
  let fake: FakeOpenAi;
  let dir: ReturnType<typeof makeTempDir>;
  let forker: NodeForkRecorder;
  let supervisor: ServerSupervisor;
  let store: LocalStore;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let url: string;
  let roomId: string;

  beforeAll(async () => {
    fake = await startFakeOpenAi({ models: ['qwen2.5-coder:7b', 'llama3.2:3b'], chunkDelayMs: 10 });
    fake.setDefault({ text: 'Tell me how you would test this.' });
    dir = makeTempDir('syncode-desktop-ai-');
    forker = nodeFork();
    store = new LocalStore({ file: join(dir.path, 'local-store.sqlite') });
    supervisor = startServerSupervisor({
      fork: forker.fork,
      entryPath: EMBEDDED_ENTRY,
      dataDir: join(dir.path, 'server'),
      webRoot: DEFAULT_WEB_ROOT,
      problemsDir: null,
      onStatus: () => {},
    });
    url = await supervisor.ready();
    const secret = { [LAUNCH_SECRET_HEADER]: supervisor.launchSecret };

    // The local account main would sign in with, and a practice room.
    const register = await fetch(`${url}/v1/auth/register`, {
      method: 'POST',
      headers: { ...secret, 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'me@syncode.local', password: 'correct horse battery', displayName: 'Me' }),
    });
    const tokens = (await register.json()) as { accessToken: string; refreshToken: string };
    const room = await fetch(`${url}/v1/rooms`, {
      method: 'POST',
      headers: { ...secret, 'content-type': 'application/json', authorization: `Bearer ${tokens.accessToken}` },
      body: JSON.stringify({ mode: 'practice', language: 'python' }),
    });
    roomId = ((await room.json()) as { id: string }).id;

    // main's side: the real handlers behind the sender check, reached through the real preload bridge.
    const credentials = new MemoryCredentialStore();
    const profiles = new ProfileService({ settings: store, credentials, localBaseUrl: () => supervisor.status().url });
    await profiles.saveSession('local', { account: 'me@syncode.local', ...tokens });
    const ai = new AiSettingsService({ settings: store, credentials: Promise.resolve(credentials), apply: async (p) => void (await supervisor.restart(p)) });
    const listeners = new Map<string, (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown>();
    registerIpcHandlers(
      { handle: (channel, listener) => listeners.set(channel, listener) },
      createIpcHandlers({
        appInfo: { version: 'test', platform: 'linux' },
        openInBrowser: () => {},
        serverStatus: () => supervisor.status(),
        profiles,
        store,
        ai,
        reportPdf: unusedReportPdf,
      }),
      () => [url],
    );
    const fromRenderer = { senderFrame: { url: `${url}/` } } as unknown as IpcMainInvokeEvent;
    const bridge = createBridge(async (channel, ...args) => listeners.get(channel)!(fromRenderer, ...args), () => () => {}) as unknown as Record<string, (...a: unknown[]) => Promise<unknown>>;

    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1440, height: 1000 }, extraHTTPHeaders: secret });
    const names = IPC_CHANNELS.map(bridgeName);
    for (const name of names) await context.exposeFunction(`bridge_${name}`, (...args: unknown[]) => bridge[name]!(...args));
    await context.addInitScript(BRIDGE_SCRIPT(names));
    page = await context.newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await supervisor?.close();
    forker?.killAll();
    store?.close();
    dir?.remove();
    await fake?.close();
  });

  it('without a provider, the AI panel of a practice room offers the AI settings', async () => {
    const watch = watchPage(page, url);
    await page.goto(`${url}/rooms/${roomId}`);
    await page.getByTestId('ai-tab').click();
    const notice = page.getByTestId('ai-blocked');
    await expect.poll(() => notice.getAttribute('data-code'), T).toBe('AI_UNAVAILABLE');
    expect(await notice.textContent()).toContain('No AI model is set up on this computer');
    await page.screenshot({ path: screenshotPath('ai-panel-desktop-no-model.png') });
    await notice.getByRole('button', { name: 'Open AI settings' }).click();
    await expect.poll(() => page.getByTestId('ai-current').textContent(), T).toContain('no model');
    expect(watch.errors).toEqual([]);
  });

  it('lists the provider’s models, saves, and the embedded server restarts with the provider', async () => {
    await page.getByLabel('Provider URL').fill(fake.baseUrl);
    await page.getByTestId('ai-load-models').click();
    await expect.poll(() => page.getByTestId('ai-model-count').textContent(), T).toBe('2 models available.');
    expect(await page.getByLabel('Model').inputValue()).toBe('llama3.2:3b');
    await page.getByLabel('Model').fill('qwen2.5-coder:7b');
    await page.screenshot({ path: screenshotPath('ai-settings.png'), fullPage: true });
    expect(await axeViolations(page)).toEqual([]);
    const children = forker.children.length;
    await page.getByTestId('ai-save').click();
    await expect.poll(() => page.getByTestId('ai-settings-status').textContent(), { timeout: 60_000 }).toContain('Saved.');
    expect(forker.children.length).toBe(children + 1);
    expect(supervisor.status()).toMatchObject({ state: 'ready', url }); // same port: the page's origin survives
    expect(await page.getByTestId('ai-current').textContent()).toContain(`qwen2.5-coder:7b at ${fake.baseUrl}`);
  });

  it('the same page, still signed in, gets a streamed reply from the new provider', async () => {
    await page.goto(`${url}/rooms/${roomId}`);
    await page.getByTestId('ai-tab').click();
    await page.getByLabel('Message to the AI interviewer').fill('Where do I start?');
    await page.getByTestId('ai-send').click();
    await expect.poll(() => page.getByTestId('ai-message-assistant').last().textContent(), T).toContain('how you would test this');
    expect(fake.chatRequests().at(-1)!.body?.model).toBe('qwen2.5-coder:7b');
  });
});
