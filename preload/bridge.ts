// Builds `window.syncode` from two Electron primitives passed in (ipcRenderer.invoke and a subscription
// to EVENT_CHANNEL), so the bridge is testable without Electron. One function per IPC channel, plus `on`.
import { bridgeName, IPC_CHANNELS, type IpcEvent, type IpcReply, type SyncodeBridge, type SyncodeEvents } from './api.ts';

export type Invoke = (channel: string, ...args: unknown[]) => Promise<unknown>;
/** Subscribes to EVENT_CHANNEL messages `{ event, payload }`; returns the unsubscribe function. */
export type SubscribeEvents = (listener: (message: unknown) => void) => () => void;

export function createBridge(invoke: Invoke, subscribe: SubscribeEvents): SyncodeBridge {
  const bridge: Record<string, unknown> = {};
  for (const channel of IPC_CHANNELS) {
    bridge[bridgeName(channel)] = async (...args: unknown[]) => {
      const reply = (await invoke(channel, ...args)) as IpcReply<unknown>;
      if (reply.ok) return reply.value;
      throw { code: reply.error.code, message: reply.error.message };
    };
  }
  bridge.on = <E extends IpcEvent>(event: E, listener: (payload: SyncodeEvents[E]) => void): (() => void) =>
    subscribe((message) => {
      const m = message as { event?: unknown; payload?: unknown } | null;
      if (m?.event === event) listener(m.payload as SyncodeEvents[E]);
    });
  return bridge as SyncodeBridge;
}
