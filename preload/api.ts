// The whole IPC contract between the renderer and main, as one typed map: channel → signature.
// main/ registers exactly one handler per channel through its sender-checked wrapper; preload/ exposes
// exactly one bridge function per channel as `window.syncode`. Nothing else touches ipcMain/ipcRenderer.
// Only structured-clone data crosses: no functions, no class instances.

import type { CollabDoc, ErrorCode } from '../server/protocol/index.ts';

export interface AppInfo {
  version: string;
  platform: string;
}

/** Identifies one locally persisted Yjs document: the server it belongs to, the room, the doc. */
export interface LocalDocKey {
  /** The server's base URL (origin), e.g. `http://127.0.0.1:43121` or `https://rooms.example.com`. */
  server: string;
  roomId: string;
  doc: CollabDoc;
}

export type ProfileKind = 'local' | 'hosted';

export interface Profile {
  id: string;
  kind: ProfileKind;
  /** "This computer" for the local profile, else the server's host name. */
  label: string;
  /** Base URL of the server (the embedded server's URL changes per launch). */
  baseUrl: string;
  /** Email of the signed-in account, if any. */
  account: string | null;
}

export interface ActiveSession {
  profile: Profile;
  /**
   * Tokens the renderer uses against `profile.baseUrl`; null when signed out. After an app restart only
   * the refresh token is known (it was in the keychain): `accessToken` is then `''`, so refresh first.
   */
  tokens: { accessToken: string; refreshToken: string } | null;
  /** Whether the refresh token is kept in the OS keychain ("not remembered on this device" otherwise). */
  remembered: boolean;
}

export type EmbeddedServerState = 'starting' | 'ready' | 'restarting' | 'stopped' | 'failed';

export interface EmbeddedServerStatus {
  state: EmbeddedServerState;
  url: string | null;
  /** Human-readable detail for `restarting` / `failed`. */
  message: string | null;
}

export interface RecentRoom {
  server: string;
  roomId: string;
  name: string;
  lastOpenedAt: string;
}

export type MenuAction = 'run' | 'submit' | 'lock' | 'unlock';

/** The AI provider of the embedded server (desktop AI settings). The key itself never leaves main. */
export interface AiSettings {
  /** An OpenAI-compatible base URL (`…/v1`); null: no provider, AI is off in offline practice. */
  baseUrl: string | null;
  model: string | null;
  hasKey: boolean;
  /** Whether a saved key survives a restart (OS keychain); false without a keychain (this session only). */
  keyRemembered: boolean;
}

export interface AiSettingsInput {
  baseUrl: string;
  model: string;
  /** A new key; `null` removes the saved one; omitted keeps it. */
  apiKey?: string | null;
}

/** Why a provider's model list could not be read (`not-openai-compatible`: no model list at that URL, e.g. no `/v1`). */
export type ProviderProblem = 'unreachable' | 'timeout' | 'unauthorized' | 'http-error' | 'not-openai-compatible';

export type ModelListing = { ok: true; models: string[] } | { ok: false; problem: ProviderProblem; status: number | null };

/** A model server found on this computer on its default port. */
export interface LocalAiServer {
  kind: 'ollama' | 'llama.cpp';
  baseUrl: string;
  models: string[];
}

export interface SyncodeApi {
  'app:info': () => AppInfo;
  /** Opens an http(s) URL in the OS browser after validation. */
  'shell:open-external': (url: string) => void;
  'server:status': () => EmbeddedServerStatus;
  'profiles:list': () => Profile[];
  'profiles:active': () => ActiveSession;
  'profiles:add-hosted': (baseUrl: string) => Profile;
  'profiles:switch': (profileId: string) => ActiveSession;
  'profiles:remove': (profileId: string) => void;
  /** Stores the session after sign-in or a token refresh; the refresh token goes to the OS keychain. */
  'auth:save': (profileId: string, session: { account: string; accessToken: string; refreshToken: string }) => ActiveSession;
  'auth:clear': (profileId: string) => void;
  /** The merged local state of a document (one Yjs update), or null when nothing is stored. */
  'store:load': (key: LocalDocKey) => Uint8Array | null;
  /** Appends one Yjs update produced or received by the renderer. */
  'store:append': (key: LocalDocKey, update: Uint8Array) => void;
  /** Drops the local copy (after `update-rejected` or 1009 the client starts from a fresh Y.Doc). */
  'store:clear': (key: LocalDocKey) => void;
  'recent:list': () => RecentRoom[];
  'recent:add': (room: Omit<RecentRoom, 'lastOpenedAt'>) => void;
  /**
   * Prints a session report (one self-contained HTML document) to PDF in a hidden sandboxed window and asks
   * where to save it. `saved` is false when the user cancelled the save dialog.
   */
  'report:save-pdf': (report: ReportPdfRequest) => { saved: boolean };
  /** Keeps one part of a session's history (JSON as the REST API gave it) so the session page reads offline. */
  'history:put': (key: HistoryKey, value: unknown) => void;
  /** The cached part, or null when it was never cached. */
  'history:get': (key: HistoryKey) => unknown;
  /** Drops every cached part of one session of a server (it was removed from my history, or is gone there). */
  'history:forget': (session: HistorySession) => void;
  'ai:settings': () => AiSettings;
  /** Saves the provider (the key to the OS keychain) and restarts the embedded server with it. */
  'ai:save': (input: AiSettingsInput) => AiSettings;
  /** Forgets the provider and its key; the embedded server restarts without AI. */
  'ai:clear': () => AiSettings;
  /** `GET <baseUrl>/models`, from main (the renderer's CSP allows no such request). Without `apiKey` the
   *  saved key is used, and only for the saved base URL. */
  'ai:list-models': (baseUrl: string, apiKey?: string) => ModelListing;
  /** Ollama and llama.cpp's server on their default ports. */
  'ai:detect-local': () => LocalAiServer[];
}

export interface ReportPdfRequest {
  html: string;
  /** Suggested file name, ending in `.pdf`. */
  fileName: string;
}

/** One session of a server, as its history is cached. */
export interface HistorySession {
  server: string;
  sessionId: string;
}
/** One cached part of a session of a server: the session page's reads, the replay logs. */
export interface HistoryKey extends HistorySession {
  part: HistoryPart;
}
export const HISTORY_PARTS = ['session', 'replay-code', 'replay-whiteboard'] as const;
export type HistoryPart = (typeof HISTORY_PARTS)[number];

/** Events main pushes to the renderer. */
export interface SyncodeEvents {
  'server-status': EmbeddedServerStatus;
  /** A `syncode://join/<code>` link was opened: go to the join screen. */
  'deep-link': { code: string };
  'menu-action': MenuAction;
}

export type IpcChannel = keyof SyncodeApi;
export type IpcEvent = keyof SyncodeEvents;

/** The channel lists, in one place, for the bridge and the completeness test. */
export const IPC_CHANNELS = [
  'app:info',
  'shell:open-external',
  'server:status',
  'profiles:list',
  'profiles:active',
  'profiles:add-hosted',
  'profiles:switch',
  'profiles:remove',
  'auth:save',
  'auth:clear',
  'store:load',
  'store:append',
  'store:clear',
  'recent:list',
  'recent:add',
  'report:save-pdf',
  'history:put',
  'history:get',
  'history:forget',
  'ai:settings',
  'ai:save',
  'ai:clear',
  'ai:list-models',
  'ai:detect-local',
] as const satisfies readonly IpcChannel[];

/**
 * Why a bridge call failed: bridge functions reject with this plain object (not an Error: only an Error's
 * message survives the context bridge). `VALIDATION_FAILED` for bad arguments, `INTERNAL` otherwise.
 */
export interface IpcFailure {
  code: ErrorCode;
  message: string;
}

/** What main answers on every channel; the preload unwraps it (resolve `value`, reject `error`). */
export type IpcReply<T> = { ok: true; value: T } | { ok: false; error: IpcFailure };

/** What the renderer sees as `window.syncode`: every channel as an async function, plus `on`. */
export type SyncodeBridge = {
  [K in IpcChannel as BridgeName<K>]: (...args: Parameters<SyncodeApi[K]>) => Promise<Awaited<ReturnType<SyncodeApi[K]>>>;
} & {
  /** Subscribes to a main → renderer event; returns the unsubscribe function. */
  on<E extends IpcEvent>(event: E, listener: (payload: SyncodeEvents[E]) => void): () => void;
};

/** `store:load` → `storeLoad`, `profiles:add-hosted` → `profilesAddHosted`. */
export type BridgeName<K extends string> = K extends `${infer A}:${infer B}` ? `${A}${Capitalize<CamelCase<B>>}` : CamelCase<K>;
type CamelCase<S extends string> = S extends `${infer A}-${infer B}` ? `${A}${Capitalize<CamelCase<B>>}` : S;

export function bridgeName<K extends IpcChannel>(channel: K): BridgeName<K> {
  return channel.replace(/[:-](\w)/g, (_m, c: string) => c.toUpperCase()) as BridgeName<K>;
}

/** The IPC channel that carries main → renderer events. */
export const EVENT_CHANNEL = 'syncode:event';
