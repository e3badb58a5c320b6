import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { decodeUriOrNull } from '../protocol/index.ts';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * The web client's CSP. Scripts, styles, fonts and images come from the server itself; the page connects to the
 * server, to the collab socket and to LiveKit (`connectTo`, from webClientConnectSources) and nowhere else, so
 * that nothing on the page can send a token elsewhere.
 */
export function webClientCsp(connectTo: readonly string[]): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src ${["'self'", ...connectTo].join(' ')}`,
    "worker-src 'self' blob:",
    "media-src 'self' blob: mediastream:",
    "object-src 'none'",
    "base-uri 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/**
 * The origins the web client connects to besides the page's own: the collab socket's (the server's own origin as
 * ws(s), or a split deployment's collab process), and LiveKit's, as WebSocket and as HTTP (its client checks the
 * server over HTTP when a connection fails).
 */
export function webClientConnectSources(collabUrl: string, livekitUrl?: string): string[] {
  const sources = [new URL(collabUrl).origin];
  if (livekitUrl) {
    const livekit = new URL(livekitUrl);
    const secure = livekit.protocol === 'wss:' || livekit.protocol === 'https:';
    sources.push(`${secure ? 'wss' : 'ws'}://${livekit.host}`, `${secure ? 'https' : 'http'}://${livekit.host}`);
  }
  return [...new Set(sources)];
}

/** The headers of every HTML page: the CSP, and no Referer to anyone (a page's URL may carry an invite code or a room id). */
const htmlPageHeaders = (csp: string) => ({ 'content-security-policy': csp, 'referrer-policy': 'no-referrer' });

/** Whether the web client can be served: the CLI may still be building it (see server/web-client-build.ts). */
export type WebClientState = 'ready' | 'building' | 'failed';

const BUILD_PAGES: Record<Exclude<WebClientState, 'ready'>, { title: string; text: string }> = {
  building: { title: 'Starting up', text: 'The web client is being built (first start, about 30 seconds). This page reloads by itself.' },
  failed: { title: 'Web client unavailable', text: 'The web client could not be built; the server log says why.' },
};

/**
 * Serves the built web client from `root`. An unknown path whose request accepts text/html gets
 * index.html (SPA routes such as /join/ABC234); anything else unknown is a plain 404. While the web client
 * is not ready, every path answers 503 with a page saying so (one that reloads itself while building).
 */
export interface WebClientServing {
  /** The built web client; null: this server has none. */
  root: string | null;
  state: WebClientState;
  /** Its HTML pages' Content-Security-Policy (webClientCsp). */
  csp: string;
}

export async function serveStatic(req: IncomingMessage, res: ServerResponse, { root, state, csp }: WebClientServing): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { allow: 'GET, HEAD' });
    res.end();
    return;
  }
  if (root && state !== 'ready') {
    sendBuildPage(res, state, csp);
    return;
  }
  if (!root) {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
    res.end('This server has no web client.\n');
    return;
  }
  const pathname = decodeUriOrNull(new URL(req.url ?? '/', 'http://localhost').pathname);
  // A path that names no file under the root (undecodable, a NUL, outside it) is unknown like any other: a browser
  // gets the app, which says the link leads nowhere, instead of a blank page.
  if (pathname !== null && !pathname.includes('\0')) {
    const relative = normalize(pathname).replace(/^([/\\])+/, '');
    const file = join(root, relative);
    const inside = file === root || file.startsWith(root.endsWith(sep) ? root : root + sep);
    const found = inside ? await fileAt(file) : undefined;
    if (found) return sendFile(req, res, found, relative.startsWith('assets/'), csp);
  }
  const wantsHtml = (req.headers.accept ?? '').includes('text/html');
  const index = wantsHtml ? await fileAt(join(root, 'index.html')) : undefined;
  if (index) return sendFile(req, res, index, false, csp);
  res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
  res.end('Not found\n');
}

function sendBuildPage(res: ServerResponse, state: Exclude<WebClientState, 'ready'>, csp: string): void {
  const { title, text } = BUILD_PAGES[state];
  const refresh = state === 'building' ? '<meta http-equiv="refresh" content="5">' : '';
  res.writeHead(503, {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store',
    'retry-after': '5',
    'x-content-type-options': 'nosniff',
    ...htmlPageHeaders(csp),
  });
  res.end(`<!doctype html><html lang="en"><head><meta charset="utf-8">${refresh}<title>SynCode: ${title}</title></head>` +
    `<body style="font-family: system-ui, sans-serif; margin: 4rem auto; max-width: 36rem"><h1>${title}</h1><p>${text}</p></body></html>\n`);
}

async function fileAt(path: string): Promise<string | undefined> {
  try {
    const s = await stat(path);
    if (s.isFile()) return path;
    if (s.isDirectory()) {
      const index = join(path, 'index.html');
      if ((await stat(index)).isFile()) return index;
    }
  } catch {
    // missing: fall through
  }
  return undefined;
}

function sendFile(req: IncomingMessage, res: ServerResponse, file: string, immutable: boolean, csp: string): void {
  const type = CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
  const headers: Record<string, string> = {
    'content-type': type,
    'x-content-type-options': 'nosniff',
    'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
  };
  if (type.startsWith('text/html')) Object.assign(headers, htmlPageHeaders(csp));
  res.writeHead(200, headers);
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  createReadStream(file).on('error', () => res.destroy()).pipe(res);
}

