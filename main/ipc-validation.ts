// Everything the renderer sends is untrusted input (a compromised renderer is the threat IPC guards
// against): each argument is checked here before a handler sees it. Failures are VALIDATION_FAILED.
import * as z from 'zod';
import { HISTORY_PARTS } from '../preload/api.ts';
import { AppError, COLLAB_DOCS } from '../server/protocol/index.ts';

/** Largest update accepted from the renderer: a received SyncStep2 carries a whole document, and a whiteboard
 *  document may hold up to 32 MiB of encoded state (docs/collab-protocol.md, "Document size caps"). */
export const MAX_UPDATE_BYTES = 32 * 1024 * 1024;

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** A URL string (at most 2048 characters) that parses and that `accept` allows. */
const zUrlWhere = (accept: (url: URL) => boolean, message: string) =>
  z
    .string()
    .max(2048)
    .refine((raw) => {
      try {
        return accept(new URL(raw));
      } catch {
        return false;
      }
    }, message);

/** A server origin: https anywhere, or http on loopback only (a server run with `npm run server`). */
export const zServerUrl = zUrlWhere(
  (url) => !url.username && !url.password && (url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname))),
  'must be an https URL (or http on 127.0.0.1/localhost)',
);

export const zProfileId = z.string().regex(/^[A-Za-z0-9-]{1,64}$/);

export const zDocKey = z.object({
  server: zServerUrl,
  roomId: z.string().regex(/^[A-Za-z0-9-]{1,64}$/),
  doc: z.enum(COLLAB_DOCS),
});

export const zUpdate = z
  .instanceof(Uint8Array)
  .refine((u) => u.byteLength > 0 && u.byteLength <= MAX_UPDATE_BYTES, `must be 1..${MAX_UPDATE_BYTES} bytes`);

export const zSession = z.object({
  account: z.string().min(1).max(254),
  accessToken: z.string().max(8192),
  refreshToken: z.string().min(1).max(8192),
});

export const zHistorySession = z.object({
  server: zServerUrl,
  sessionId: z.string().regex(/^[A-Za-z0-9-]{1,64}$/),
});
export const zHistoryKey = zHistorySession.extend({ part: z.enum(HISTORY_PARTS) });

/** A cached history part: JSON-safe data of at most MAX_HISTORY_BYTES once serialised (an hour's replay log is well under 1 MiB). */
export const MAX_HISTORY_BYTES = 64 * 1024 * 1024;
export const zHistoryValue = z.unknown().refine((v) => {
  try {
    const json = JSON.stringify(v);
    return json !== undefined && json.length <= MAX_HISTORY_BYTES;
  } catch {
    return false;
  }
}, `must be JSON of at most ${MAX_HISTORY_BYTES} bytes`);

export const zRecentRoom = z.object({
  server: zServerUrl,
  roomId: z.string().regex(/^[A-Za-z0-9-]{1,64}$/),
  name: z.string().min(1).max(200),
});

/**
 * An OpenAI-compatible base URL: http or https (a model server on the LAN is often plain http), no
 * credentials, query or fragment. Main sends the saved key there, so nothing else may hide in it.
 */
export const zProviderUrl = zUrlWhere(
  (url) => (url.protocol === 'http:' || url.protocol === 'https:') && !url.username && !url.password && !url.search && !url.hash,
  'must be an http(s) URL without credentials, query or fragment',
).transform((raw) => raw.replace(/\/+$/, ''));

export const zApiKey = z.string().min(1).max(4096);

export const zAiSettingsInput = z.object({
  baseUrl: zProviderUrl,
  model: z.string().trim().min(1).max(256),
  apiKey: zApiKey.nullable().optional(),
});

/** Parses one IPC argument; the error names the argument and the rule, never echoes its value. */
export function parseArg<T>(schema: z.ZodType<T>, value: unknown, name: string): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const fields = result.error.issues.map((i) => ({ path: [name, ...i.path].join('.'), message: i.message }));
  throw new AppError('VALIDATION_FAILED', `Invalid ${name}.`, { fields });
}
