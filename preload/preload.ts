// Runs sandboxed with contextIsolation: exposes only the typed bridge of ./api.ts.
import { contextBridge, ipcRenderer } from 'electron';
import { IPC_CHANNELS, bridgeName } from './api.ts';

const bridge: Record<string, (...args: unknown[]) => Promise<unknown>> = {};
for (const channel of IPC_CHANNELS) {
  bridge[bridgeName(channel)] = (...args: unknown[]) => ipcRenderer.invoke(channel, ...args);
}
contextBridge.exposeInMainWorld('syncode', bridge);
