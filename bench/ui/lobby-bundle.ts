// Gzipped size of the JavaScript the lobby loads first: the entry script and its modulepreloads in
// dist/renderer/index.html (lazy chunks such as the room's Monaco and tldraw are not counted).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export function lobbyInitialJs(webRoot: string): { files: string[]; gzipBytes: number; rawBytes: number } {
  const html = readFileSync(join(webRoot, 'index.html'), 'utf8');
  const refs = [...html.matchAll(/<(?:script[^>]*\bsrc|link[^>]*rel="modulepreload"[^>]*\bhref)="([^"]+\.js)"/g)].map((m) => m[1]!);
  let gzipBytes = 0;
  let rawBytes = 0;
  for (const ref of refs) {
    const bytes = readFileSync(join(webRoot, ref.replace(/^\//, '')));
    rawBytes += bytes.length;
    gzipBytes += gzipSync(bytes, { level: 9 }).length;
  }
  return { files: refs, gzipBytes, rawBytes };
}
