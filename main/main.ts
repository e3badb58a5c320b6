// Electron entry: thin glue only. Every decision lives in a plain module beside this file (tested without
// Electron); this file connects them to app, windows, sessions, menus and IPC.
import { app, BrowserWindow, ipcMain, Menu, screen, session, shell, type WebContents } from 'electron';
import { join, resolve } from 'node:path';
import type { EmbeddedServerStatus, IpcEvent, SyncodeEvents } from '../preload/api.ts';
import { EVENT_CHANNEL } from '../preload/api.ts';
import { createIpcHandlers } from './app-handlers.ts';
import { AiSettingsService } from './ai-settings/ai-settings-service.ts';
import { appPaths } from './app-paths.ts';
import { loadKeytar, openCredentialStore } from './credentials/credential-store.ts';
import { DEEP_LINK_SCHEME, findDeepLink, parseDeepLink } from './deep-link.ts';
import { isSafeExternalUrl } from './external-url.ts';
import { registerIpcHandlers } from './ipc-handlers.ts';
import { LocalStore } from './local-store/local-store.ts';
import { buildMenuTemplate } from './menu-template.ts';
import { signInLocalAccount } from './profiles/local-account.ts';
import { LOCAL_PROFILE_ID, ProfileService } from './profiles/profile-service.ts';
import { isAllowedNavigation, originOf, withLaunchSecret } from './renderer-origin.ts';
import { startServerSupervisor, type ServerSupervisor } from './server-supervisor.ts';
import { forkUtilityProcess } from './utility-fork.ts';
import { corsForProfileServers } from './hosted-cors.ts';
import { ConnectGuard } from './connect-guard.ts';
import { RENDERER_CSP, withoutCsp } from './renderer-csp.ts';
import { electronReportPdf } from './report-window.ts';
import { restoreWindowState, type WindowState } from './window-state.ts';

const paths = appPaths(import.meta.url);
const STARTING_PAGE = `data:text/html;charset=utf-8,${encodeURIComponent(
  '<!doctype html><title>SynCode</title><body style="font:16px system-ui;display:grid;place-items:center;height:100vh;margin:0">Starting SynCode…</body>',
)}`;
const log = (message: string, data?: unknown): void => console.error(`[main] ${message}`, data ?? '');

app.enableSandbox();
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  run();
}

function run(): void {
  let win: BrowserWindow | null = null;
  let supervisor: ServerSupervisor | null = null;
  let store: LocalStore | null = null;
  /** The embedded server's origin = the renderer's origin: the only trusted IPC sender. */
  let rendererOrigin: string | null = null;
  let pendingLink = findDeepLink(process.argv);
  /** True once the renderer page has loaded: events sent earlier would be lost. */
  let pageLoaded = false;
  let quitting = false;

  // In development the OS must start Electron with our app path; packaged, the executable is the app.
  // Reviewed (docs/desktop.md): links are parsed by deep-link.ts, which accepts only join/<invite code>.
  const appArgs = app.isPackaged ? [] : [resolve(process.argv[1] ?? '.')];
  app.setAsDefaultProtocolClient(DEEP_LINK_SCHEME, process.execPath, appArgs); // eng-disable PROTOCOL_HANDLER_JS_CHECK

  const sendEvent = <E extends IpcEvent>(event: E, payload: SyncodeEvents[E]): void => {
    const contents = win?.webContents;
    if (contents && rendererOrigin && originOf(contents.getURL()) === rendererOrigin) {
      contents.send(EVENT_CHANNEL, { event, payload });
    }
  };
  const deliverLink = (link: { code: string } | null): void => {
    if (!link) return;
    if (!win || !pageLoaded) return void (pendingLink = link);
    if (win.isMinimized()) win.restore();
    win.focus();
    sendEvent('deep-link', link);
  };

  app.on('second-instance', (_event, argv) => deliverLink(findDeepLink(argv)));
  app.on('open-url', (event, url) => {
    event.preventDefault(); // macOS delivers deep links here
    deliverLink(parseDeepLink(url));
  });

  /** The one way out to the OS browser. Reviewed (docs/desktop.md): https only, validated first. */
  const openInBrowser = (url: string): void => {
    if (isSafeExternalUrl(url)) void shell.openExternal(url); // eng-disable OPEN_EXTERNAL_JS_CHECK
  };

  // Every web contents, whoever creates it: no new windows, no navigation off our origin, no webviews.
  app.on('web-contents-created', (_event, contents: WebContents) => {
    contents.setWindowOpenHandler(({ url }) => {
      openInBrowser(url);
      return { action: 'deny' };
    });
    contents.on('will-navigate', (event, url) => {
      if (!isAllowedNavigation(url, rendererOrigin)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });

  const onStatus = (status: EmbeddedServerStatus): void => {
    if (status.state === 'ready' && status.url) {
      const moved = rendererOrigin !== null && rendererOrigin !== status.url;
      rendererOrigin = status.url;
      store?.setSetting('embedded-port', Number(new URL(status.url).port));
      // A restart could not get the old port back: the page's origin is gone, load it from the new one.
      if (moved) void win?.loadURL(`${status.url}/`);
    }
    sendEvent('server-status', status);
  };

  app.whenReady().then(async () => {
    const dataDir = app.getPath('userData');
    const localStore = new LocalStore({ file: join(dataDir, 'local-store.sqlite') });
    store = localStore;
    win = trackWindow(createWindow(localStore));
    // The window appears at once; the embedded server takes a second or two on a cold start.
    void win.loadURL(STARTING_PAGE);

    // The keychain, meanwhile: a locked Linux keyring may show its unlock prompt, so allow time to type.
    const credentialsOpening = openCredentialStore({ loadKeychain: loadKeytar, probeTimeoutMs: 15_000 });
    const ai = new AiSettingsService({
      settings: localStore,
      credentials: credentialsOpening.then((c) => c.store),
      apply: async (provider) => void (await supervisor?.restart(provider)),
    });
    // The server starts with the AI provider of the settings; only a saved API key waits for the keychain.
    const provider = await ai.provider();
    supervisor = startServerSupervisor({
      fork: forkUtilityProcess,
      entryPath: paths.embeddedEntry,
      dataDir: join(dataDir, 'server'),
      webRoot: paths.webRoot,
      problemsDir: paths.problemsDir,
      preferredPort: localStore.getSetting<number>('embedded-port') ?? 0,
      ai: provider,
      onStatus,
    });
    const sup = supervisor;

    const { store: credentials, fallbackReason } = await credentialsOpening;
    if (fallbackReason) log('no OS keychain; sign-ins are not remembered on this device', fallbackReason);
    const profiles = new ProfileService({ settings: localStore, credentials, localBaseUrl: () => sup.status().url });

    const hostedOrigins = (): string[] => profiles.list().flatMap((p) => (p.kind === 'hosted' ? [p.baseUrl] : []));
    const guard = new ConnectGuard({ rendererOrigin: () => rendererOrigin, serverOrigins: hostedOrigins });
    const refusedOrigins = new Set<string>();
    const requests = session.defaultSession.webRequest;
    requests.onBeforeRequest((details, callback) => {
      if (guard.allows(details.url)) return callback({});
      const origin = originOf(details.url) ?? details.url;
      if (!refusedOrigins.has(origin)) {
        refusedOrigins.add(origin);
        log('refused a connection from the window (not the app\'s server, a profile\'s, nor one they announced)', origin);
      }
      callback({ cancel: true });
    });
    requests.onBeforeSendHeaders((details, callback) =>
      callback({ requestHeaders: withLaunchSecret(details.url, details.requestHeaders, rendererOrigin, sup.launchSecret) }),
    );
    requests.onHeadersReceived((details, callback) => {
      guard.learn(details.url, details.responseHeaders);
      if (originOf(details.url) === rendererOrigin) {
        return callback({ responseHeaders: { ...withoutCsp(details.responseHeaders), 'Content-Security-Policy': [RENDERER_CSP] } });
      }
      callback(corsForProfileServers(details, rendererOrigin, hostedOrigins()) ?? {});
    });
    // Camera and microphone (video calls) and clipboard writes, for our own page only.
    session.defaultSession.setPermissionRequestHandler((contents, permission, callback) => {
      const ours = originOf(contents.getURL()) === rendererOrigin;
      callback(ours && ['media', 'clipboard-sanitized-write', 'fullscreen'].includes(permission));
    });

    registerIpcHandlers(
      ipcMain,
      createIpcHandlers({
        appInfo: { version: app.getVersion(), platform: process.platform },
        openInBrowser,
        serverStatus: () => sup.status(),
        profiles,
        store: localStore,
        reportPdf: electronReportPdf(() => win),
        ai,
      }),
      () => (rendererOrigin ? [rendererOrigin] : []),
      (channel, error) => log(`IPC ${channel} failed`, String(error)),
    );
    Menu.setApplicationMenu(Menu.buildFromTemplate(buildMenuTemplate(process.platform, (a) => sendEvent('menu-action', a))));

    const window = win;
    let url: string;
    try {
      url = await sup.ready();
    } catch (error) {
      const text = `The local SynCode server could not start: ${String(error)}`;
      void window.loadURL(`data:text/plain;charset=utf-8,${encodeURIComponent(text)}`);
      return;
    }
    try {
      const local = await signInLocalAccount({ baseUrl: url, launchSecret: sup.launchSecret, credentials, settings: localStore });
      await profiles.saveSession(LOCAL_PROFILE_ID, { account: local.email, ...local });
    } catch (error) {
      log('local account sign-in failed; the renderer will offer to sign in', String(error));
    }
    await window.loadURL(`${url}/`);
    pageLoaded = true;
    const link = pendingLink;
    pendingLink = null;
    deliverLink(link);
  });

  /** Forgets the window once it is closed (macOS keeps the app running without one). */
  function trackWindow(created: BrowserWindow): BrowserWindow {
    created.once('closed', () => {
      if (win === created) {
        win = null;
        pageLoaded = false;
      }
    });
    return created;
  }

  // macOS: clicking the dock icon with no window open opens one again, straight on the renderer.
  app.on('activate', () => {
    if (win || !store || !rendererOrigin) return;
    const created = trackWindow(createWindow(store));
    win = created;
    void created.loadURL(`${rendererOrigin}/`).then(() => {
      if (win === created) pageLoaded = true;
    });
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('before-quit', (event) => {
    if (quitting) return;
    event.preventDefault(); // stop the embedded server and close the store first, then quit for real
    quitting = true;
    if (win && store) saveWindowState(win, store);
    void (supervisor?.close() ?? Promise.resolve()).finally(() => {
      store?.close();
      store = null;
      app.quit();
    });
  });
}

function createWindow(store: LocalStore): BrowserWindow {
  const displays = screen.getAllDisplays().map((d) => d.workArea);
  const state = restoreWindowState(store.getSetting<WindowState>('window'), displays);
  // The security options are spelled out at the call site on purpose: electronegativity (test/desktop)
  // checks this object literal. Isolated, sandboxed, no Node, no webviews (ARCHITECTURE.md "Desktop shell").
  const win = new BrowserWindow({
    ...state,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'SynCode',
    webPreferences: {
      preload: paths.preload, // eng-disable PRELOAD_JS_CHECK (exposes only the typed bridge of preload/api.ts)
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      // Middle-click would otherwise try to open links in new windows (denied anyway by the open handler).
      disableBlinkFeatures: 'Auxclick',
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
    },
  });
  if (state.maximized) win.maximize();
  // Closing the last window quits (except on macOS), so this is where the state is usually saved;
  // a quit from the menu saves it in before-quit, before the store closes.
  win.on('close', () => {
    if (store.isOpen) saveWindowState(win, store);
  });
  win.once('ready-to-show', () => win.show());
  return win;
}

function saveWindowState(win: BrowserWindow, store: LocalStore): void {
  if (win.isDestroyed()) return;
  store.setSetting('window', { ...win.getNormalBounds(), maximized: win.isMaximized() } satisfies WindowState);
}
