// The renderer is loaded from the embedded server's origin (http://127.0.0.1:<port>), so its same-origin
// /v1 and /collab calls work unchanged in practice mode. These helpers decide, per request and per
// navigation, what belongs to that origin.
import { LAUNCH_SECRET_HEADER } from '../server/protocol/index.ts';

/** The origin of a URL, or null when it does not parse. ws(s) URLs map to their http(s) origin. */
export function originOf(raw: string): string | null {
  try {
    const url = new URL(raw);
    if (url.protocol === 'ws:') url.protocol = 'http:';
    else if (url.protocol === 'wss:') url.protocol = 'https:';
    return url.origin === 'null' ? null : url.origin;
  } catch {
    return null;
  }
}

/**
 * Request headers with the launch secret added when (and only when) the request goes to the embedded
 * server: fetches and WebSocket upgrades alike (session.webRequest.onBeforeSendHeaders sees both).
 */
export function withLaunchSecret(
  requestUrl: string,
  headers: Record<string, string>,
  embeddedOrigin: string | null,
  launchSecret: string,
): Record<string, string> {
  if (embeddedOrigin === null || originOf(requestUrl) !== embeddedOrigin) return headers;
  return { ...headers, [LAUNCH_SECRET_HEADER]: launchSecret };
}

/** In-window navigation stays on the renderer's origin; anything else is refused (`will-navigate`). */
export function isAllowedNavigation(targetUrl: string, rendererOrigin: string | null): boolean {
  return rendererOrigin !== null && originOf(targetUrl) === rendererOrigin && !targetUrl.startsWith('ws');
}
