// Electron entry: thin glue only. Logic lives in plain modules beside this file.
import { app, BrowserWindow, ipcMain, session, shell } from 'electron';
import { fileURLToPath } from 'node:url';
import { registerIpcHandlers, type IpcHandlers } from './ipc-handlers.ts';
import { isSafeExternalUrl } from './external-url.ts';
import { RENDERER_CSP, secureWindowOptions } from './window-options.ts';

const rendererIndex = fileURLToPath(new URL('../renderer/index.html', import.meta.url));
const preloadPath = fileURLToPath(new URL('../preload/preload.cjs', import.meta.url));

function createWindow(): BrowserWindow {
  const win = new BrowserWindow(secureWindowOptions(preloadPath));
  win.webContents.setWindowOpenHandler(({ url }) => {
    if (/^https:\/\//.test(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  win.webContents.on('will-navigate', (event, url) => {
    if (!url.startsWith('file://')) event.preventDefault();
  });
  win.once('ready-to-show', () => win.show());
  void win.loadFile(rendererIndex);
  return win;
}

// Interim: the real handlers (profiles, store, supervisor) are being wired in; until then they refuse.
function notYet(): never {
  throw new Error('Not available in this build yet.');
}

function handlers(): IpcHandlers {
  return {
    'app:info': () => ({ version: app.getVersion(), platform: process.platform }),
    'shell:open-external': (url) => {
      if (!isSafeExternalUrl(url)) throw new Error('Refused: only https links open externally.');
      void shell.openExternal(url);
    },
    'server:status': notYet,
    'profiles:list': notYet,
    'profiles:active': notYet,
    'profiles:add-hosted': notYet,
    'profiles:switch': notYet,
    'profiles:remove': notYet,
    'auth:save': notYet,
    'auth:clear': notYet,
    'store:load': notYet,
    'store:append': notYet,
    'store:clear': notYet,
    'recent:list': notYet,
    'recent:add': notYet,
  };
}

app.whenReady().then(() => {
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [RENDERER_CSP] } });
  });
  registerIpcHandlers(
    ipcMain,
    handlers(),
    ['file://'],
  );
  createWindow();
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});
