// Electron entry: thin glue only. Logic lives in plain modules beside this file.
import { app, BrowserWindow, ipcMain, session, shell } from 'electron';
import { fileURLToPath } from 'node:url';
import { registerIpcHandlers } from './ipc-handlers.ts';
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

app.whenReady().then(() => {
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [RENDERER_CSP] } });
  });
  registerIpcHandlers(
    ipcMain,
    { 'app:info': () => ({ version: app.getVersion(), platform: process.platform }) },
    ['file://'],
  );
  createWindow();
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});
