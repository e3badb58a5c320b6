// Messages between the desktop app's main process and the embedded server it forks (Electron
// utilityProcess, or child_process.fork in tests). Structured-clone data only.

/** What main passes in: the per-launch secret never goes on the command line (visible to `ps`). */
export interface EmbeddedStartOptions {
  dataDir: string;
  launchSecret: string;
  /** Preferred port: the previous run's after a restart (so the renderer's origin survives), else 0. */
  port: number;
  /** Built renderer served at `/` (the desktop window loads it from here); null serves none. */
  webRoot: string | null;
  problemsDir?: string | null;
  /**
   * The AI provider from the app's AI settings (ServerOptions.ai): `baseUrl` (OpenAI-compatible, e.g. a local
   * Ollama at http://127.0.0.1:11434/v1), optional `apiKey` (from the OS keychain) and `model`. Absent: no AI.
   */
  ai?: { baseUrl: string; apiKey?: string; model?: string };
}

/** The AI provider part of the start options (the desktop AI settings). */
export type EmbeddedAiProvider = NonNullable<EmbeddedStartOptions['ai']>;

export type EmbeddedParentMessage = { type: 'start'; options: EmbeddedStartOptions } | { type: 'stop' };

export type EmbeddedChildMessage =
  | { type: 'ready'; url: string; port: number }
  | { type: 'failed'; message: string }
  | { type: 'stopped' };

export function isEmbeddedChildMessage(value: unknown): value is EmbeddedChildMessage {
  if (typeof value !== 'object' || value === null) return false;
  const m = value as Record<string, unknown>;
  switch (m.type) {
    case 'ready':
      return typeof m.url === 'string' && typeof m.port === 'number';
    case 'failed':
      return typeof m.message === 'string';
    case 'stopped':
      return true;
    default:
      return false;
  }
}

/** Shallow check of what the parent sent (the options come from our own main process). */
export function isEmbeddedParentMessage(value: unknown): value is EmbeddedParentMessage {
  if (typeof value !== 'object' || value === null) return false;
  const m = value as Record<string, unknown>;
  if (m.type === 'stop') return true;
  if (m.type !== 'start' || typeof m.options !== 'object' || m.options === null) return false;
  const o = m.options as Record<string, unknown>;
  return typeof o.dataDir === 'string' && typeof o.launchSecret === 'string' && typeof o.port === 'number';
}
