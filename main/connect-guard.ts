// Where the window may connect. RENDERER_CSP cannot name the hosted servers (a page's policy is fixed when it
// loads, and profiles are added afterwards), so its connect-src allows any https/wss origin; this guard, asked by
// main's session.webRequest.onBeforeRequest for every request, narrows that to the servers the user added and the
// origins those servers say their clients use (the collab socket's, LiveKit's: CONNECT_SOURCES_HEADER). A page
// that something managed to subvert cannot send a token anywhere else.
import { CONNECT_SOURCES_HEADER } from '../server/protocol/index.ts';
import { originOf } from './renderer-origin.ts';

const NETWORK_SCHEMES = new Set(['http:', 'https:', 'ws:', 'wss:']);

export interface ConnectGuardOptions {
  /** The renderer's own origin (the embedded server), once known. */
  rendererOrigin: () => string | null;
  /** The origins of the hosted servers the user added (profiles), read on every request. */
  serverOrigins: () => readonly string[];
}

export class ConnectGuard {
  readonly #options: ConnectGuardOptions;
  /** Per server origin (the renderer's or a profile's): the http(s) origins it said its clients connect to. */
  readonly #sources = new Map<string, Set<string>>();

  constructor(options: ConnectGuardOptions) {
    this.#options = options;
  }

  /**
   * Records the connect sources a response of the renderer's origin or of a profile's server announces (its
   * latest list replaces the earlier one). Headers from anywhere else are ignored.
   */
  learn(responseUrl: string, headers: Record<string, string[] | string> | undefined): void {
    // The header first: most responses have none, and they need no look at the profiles.
    const value = Object.entries(headers ?? {}).find(([name]) => name.toLowerCase() === CONNECT_SOURCES_HEADER)?.[1];
    if (value === undefined) return;
    const from = originOf(responseUrl);
    if (from === null || !this.#servers().includes(from)) return;
    const listed = (Array.isArray(value) ? value.join(' ') : value).split(/[\s,]+/);
    this.#sources.set(from, new Set(listed.flatMap((source) => originOf(source) ?? [])));
  }

  /**
   * Whether the window may make this request. Non-network URLs (data:, blob:, devtools:) are not connections;
   * http(s) and ws(s) go only to the renderer's origin, a profile's server, or a source one of those announced.
   */
  allows(requestUrl: string): boolean {
    let scheme: string;
    try {
      scheme = new URL(requestUrl).protocol;
    } catch {
      return false;
    }
    if (!NETWORK_SCHEMES.has(scheme)) return true;
    const origin = originOf(requestUrl);
    if (origin === null) return false;
    const servers = this.#servers();
    return servers.includes(origin) || servers.some((server) => this.#sources.get(server)?.has(origin) ?? false);
  }

  #servers(): string[] {
    const renderer = this.#options.rendererOrigin();
    return [...(renderer ? [renderer] : []), ...this.#options.serverOrigins()];
  }
}
