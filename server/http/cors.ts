import type { IncomingMessage, ServerResponse } from 'node:http';
import { isLoopbackOrAppOrigin } from './access-guard.ts';

/**
 * CORS for `/v1` (hosted deployments). An entry of the allow-list is an exact origin
 * (`https://app.example.com`), `loopback` (any port on 127.0.0.1 / localhost / [::1], and the desktop app's
 * own `app://syncode`: the embedded renderer's origin changes with its port) or `*` (any origin).
 * The API authenticates with bearer tokens, never cookies, so credentials are not allowed and an allowed
 * origin is simply echoed.
 */
export type CorsOrigins = readonly string[];

const ALLOW_METHODS = 'GET, POST, PUT, PATCH, DELETE';
const ALLOW_HEADERS = 'Authorization, Content-Type, X-Request-Id';
const EXPOSE_HEADERS = 'X-Request-Id, Location, Retry-After';
const MAX_AGE_SECONDS = '600';

export function isCorsOriginAllowed(origin: string, allowed: CorsOrigins): boolean {
  // `null` (sandboxed frames, file:// pages) is an origin anyone can send: never echoed.
  if (origin === 'null') return false;
  return allowed.some((entry) => entry === '*' || entry === origin || (entry === 'loopback' && isLoopbackOrAppOrigin(origin)));
}

/** Whether a configured allow-list entry is well-formed: `loopback`, `*`, or a bare origin (no path, query or trailing slash). */
export function isValidCorsEntry(entry: string): boolean {
  if (entry === 'loopback' || entry === '*') return true;
  try {
    const url = new URL(entry);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.origin === entry;
  } catch {
    return false;
  }
}

/**
 * Adds the CORS headers for a `/v1` request and answers preflights. Returns true when the response is
 * finished (a preflight: 204, with CORS headers only for an allowed origin, so it never reaches the
 * router's 405); false when the router should handle the request.
 */
export function handleCors(req: IncomingMessage, res: ServerResponse, allowed: CorsOrigins): boolean {
  const origin = req.headers.origin;
  const preflight = req.method === 'OPTIONS' && origin !== undefined && req.headers['access-control-request-method'] !== undefined;
  // With an allow-list, responses differ by Origin: caches must keep them apart.
  if (allowed.length > 0) res.setHeader('vary', 'Origin');
  if (origin !== undefined && isCorsOriginAllowed(origin, allowed)) {
    res.setHeader('access-control-allow-origin', origin);
    if (preflight) {
      res.setHeader('access-control-allow-methods', ALLOW_METHODS);
      res.setHeader('access-control-allow-headers', ALLOW_HEADERS);
      res.setHeader('access-control-max-age', MAX_AGE_SECONDS);
    } else {
      res.setHeader('access-control-expose-headers', EXPOSE_HEADERS);
    }
  }
  if (!preflight) return false;
  res.writeHead(204);
  res.end();
  return true;
}
