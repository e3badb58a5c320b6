// The whole IPC contract between the renderer and main, as one typed map: channel → signature.
// main/ registers exactly one handler per channel through its sender-checked wrapper; preload/ exposes
// exactly one bridge function per channel as `window.syncode`. Nothing else touches ipcMain/ipcRenderer.

export interface AppInfo {
  version: string;
  platform: string;
}

export interface SyncodeApi {
  'app:info': () => AppInfo;
}

export type IpcChannel = keyof SyncodeApi;

/** The channel list, in one place, for the bridge and the completeness test. */
export const IPC_CHANNELS = ['app:info'] as const satisfies readonly IpcChannel[];

/** What the renderer sees as `window.syncode`: every channel as an async function. */
export type SyncodeBridge = {
  [K in IpcChannel as BridgeName<K>]: (...args: Parameters<SyncodeApi[K]>) => Promise<Awaited<ReturnType<SyncodeApi[K]>>>;
};

/** `app:info` → `appInfo`. */
export type BridgeName<K extends string> = K extends `${infer A}:${infer B}` ? `${A}${Capitalize<CamelCase<B>>}` : CamelCase<K>;
type CamelCase<S extends string> = S extends `${infer A}-${infer B}` ? `${A}${Capitalize<CamelCase<B>>}` : S;

export function bridgeName<K extends IpcChannel>(channel: K): BridgeName<K> {
  return channel.replace(/[:-](\w)/g, (_m, c: string) => c.toUpperCase()) as BridgeName<K>;
}
