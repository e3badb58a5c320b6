/**
 * The CSP main sets on every response of the renderer's origin. connect-src: our own origin (the embedded
 * server), hosted servers over https/wss, LiveKit (wss), and loopback http/ws for a server run locally with
 * `npm run server` (profiles accept http on loopback only). No inline or remote scripts.
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
