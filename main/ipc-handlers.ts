// The one place main registers IPC handlers: every call is sender-checked before it reaches a handler.
import type { IpcMainInvokeEvent } from 'electron';
import type { IpcChannel, SyncodeApi } from '../preload/api.ts';

export type IpcHandlers = {
  [K in IpcChannel]: (...args: Parameters<SyncodeApi[K]>) => ReturnType<SyncodeApi[K]> | Promise<Awaited<ReturnType<SyncodeApi[K]>>>;
};

/** The subset of ipcMain we use, injected so tests run without Electron. */
export interface IpcRegistrar {
  handle(channel: string, listener: (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown): void;
}

/** A sender is trusted when its frame is our own renderer: the app's URL, nothing else. */
export function isTrustedSender(frameUrl: string | undefined, trustedOrigins: readonly string[]): boolean {
  if (!frameUrl) return false;
  let url: URL;
  try {
    url = new URL(frameUrl);
  } catch {
    return false;
  }
  const origin = url.protocol === 'file:' ? 'file://' : url.origin;
  return trustedOrigins.includes(origin);
}

export function registerIpcHandlers(ipc: IpcRegistrar, handlers: IpcHandlers, trustedOrigins: readonly string[]): void {
  for (const channel of Object.keys(handlers) as IpcChannel[]) {
    const handler = handlers[channel] as (...args: unknown[]) => unknown;
    ipc.handle(channel, (event, ...args) => {
      if (!isTrustedSender(event.senderFrame?.url, trustedOrigins)) {
        throw new Error(`IPC ${channel} refused: untrusted sender`);
      }
      return handler(...args);
    });
  }
}
