// Runs sandboxed with contextIsolation: exposes only the typed bridge of ./api.ts as `window.syncode`.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { EVENT_CHANNEL } from './api.ts';
import { createBridge } from './bridge.ts';

const bridge = createBridge(
  (channel, ...args) => ipcRenderer.invoke(channel, ...args),
  (listener) => {
    // The Electron event object never reaches the page: it carries `sender` (ipcRenderer itself).
    const handler = (_event: IpcRendererEvent, message: unknown): void => listener(message);
    ipcRenderer.on(EVENT_CHANNEL, handler);
    return () => void ipcRenderer.removeListener(EVENT_CHANNEL, handler);
  },
);
contextBridge.exposeInMainWorld('syncode', bridge);
