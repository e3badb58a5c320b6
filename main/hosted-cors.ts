// The renderer runs on the embedded server's origin (http://127.0.0.1:<port>) and calls the hosted
// servers the user added as profiles cross-origin. Those servers authenticate with bearer tokens, not
// cookies, and need not list every desktop's loopback origin: for responses to *our* session from *those*
// origins only, main supplies the CORS headers the browser engine asks for (and answers preflights).
import { originOf } from './renderer-origin.ts';

export interface ResponseDetails {
  url: string;
  method: string;
  statusLine?: string;
  responseHeaders?: Record<string, string[]>;
}

const ALLOW = {
  'Access-Control-Allow-Methods': ['GET, POST, PUT, PATCH, DELETE, OPTIONS'],
  'Access-Control-Allow-Headers': ['authorization, content-type, x-request-id'],
  'Access-Control-Expose-Headers': ['location, retry-after, x-request-id'],
  'Access-Control-Max-Age': ['600'],
};

/**
 * The response headers (and, for a refused preflight, the status line) to use instead, or null to leave
 * the response alone: anything not from a profile server, or before the renderer's origin is known.
 */
export function corsForProfileServers(
  details: ResponseDetails,
  rendererOrigin: string | null,
  serverOrigins: readonly string[],
): { responseHeaders: Record<string, string[]>; statusLine?: string } | null {
  const origin = originOf(details.url);
  if (rendererOrigin === null || origin === null || origin === rendererOrigin || !serverOrigins.includes(origin)) return null;
  const kept = Object.fromEntries(
    Object.entries(details.responseHeaders ?? {}).filter(([name]) => !name.toLowerCase().startsWith('access-control-')),
  );
  const responseHeaders = { ...kept, ...ALLOW, 'Access-Control-Allow-Origin': [rendererOrigin], Vary: ['Origin'] };
  const status = Number(/^HTTP\/[\d.]+ (\d{3})/.exec(details.statusLine ?? '')?.[1] ?? 0);
  const refusedPreflight = details.method === 'OPTIONS' && (status < 200 || status > 299);
  return refusedPreflight ? { responseHeaders, statusLine: 'HTTP/1.1 204 No Content' } : { responseHeaders };
}
