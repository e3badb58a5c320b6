// The one place main registers IPC handlers: every call is sender-checked before it reaches a handler,
// and every failure is converted here, once, into the `IpcReply` the preload unwraps.
import type { IpcMainInvokeEvent } from 'electron';
import type { IpcChannel, IpcReply, SyncodeApi } from '../preload/api.ts';
import { AppError } from '../server/protocol/index.ts';

export type IpcHandlers = {
  [K in IpcChannel]: (...args: Parameters<SyncodeApi[K]>) => ReturnType<SyncodeApi[K]> | Promise<Awaited<ReturnType<SyncodeApi[K]>>>;
};

/** The subset of ipcMain we use, injected so tests run without Electron. */
export interface IpcRegistrar {
  handle(channel: string, listener: (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown): void;
}

/** A sender is trusted when its frame is our own renderer: the app's origin, nothing else. */
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

/**
 * Registers every handler behind the sender check. `trustedOrigins` is read on each call: the renderer's
 * origin is the embedded server's, which is only known once it is ready (and may move after a restart).
 */
export function registerIpcHandlers(
  ipc: IpcRegistrar,
  handlers: IpcHandlers,
  trustedOrigins: () => readonly string[],
  onUnexpectedError: (channel: IpcChannel, error: unknown) => void = () => {},
): void {
  for (const channel of Object.keys(handlers) as IpcChannel[]) {
    const handler = handlers[channel] as (...args: unknown[]) => unknown;
    ipc.handle(channel, async (event, ...args): Promise<IpcReply<unknown>> => {
      if (!isTrustedSender(event.senderFrame?.url, trustedOrigins())) {
        // No reply shape for strangers: the invoke just fails.
        throw new Error(`IPC ${channel} refused: untrusted sender`);
      }
      try {
        return { ok: true, value: await handler(...args) };
      } catch (error) {
        if (error instanceof AppError) return { ok: false, error: { code: error.code, message: error.message } };
        onUnexpectedError(channel, error);
        return { ok: false, error: { code: 'INTERNAL', message: `${channel} failed.` } };
      }
    });
  }
}
