/**
 * The CSP main sets on every response of the renderer's origin. connect-src: our own origin (the embedded
 * server), hosted servers over https/wss, LiveKit (wss), and loopback http/ws for a server run locally with
 * `npm run server` (profiles accept http on loopback only). It cannot name the hosted servers, which are added
 * after the page loads: ConnectGuard (connect-guard.ts) narrows connections to them per request. No inline or
 * remote scripts.
 */
export const RENDERER_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self' https: wss: http://127.0.0.1:* ws://127.0.0.1:* http://localhost:* ws://localhost:*",
  "worker-src 'self' blob:",
  "media-src 'self' blob: mediastream:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * A response's headers without its Content-Security-Policy, in any spelling: main replaces it with RENDERER_CSP on
 * the renderer's origin. The embedded server sends the web client's own CSP (`content-security-policy`, narrower:
 * its connect-src knows no hosted server), and a second header of another case would be enforced as well.
 */
export function withoutCsp<T>(headers: Record<string, T> | undefined): Record<string, T> {
  return Object.fromEntries(Object.entries(headers ?? {}).filter(([name]) => name.toLowerCase() !== 'content-security-policy'));
}
