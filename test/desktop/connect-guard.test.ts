// The window's connection guard (main's onBeforeRequest): the renderer's origin, the profiles' servers and what
// those announce in CONNECT_SOURCES_HEADER, nothing else. What it learns from a real server's response:
// test/foundation/web-client-csp.test.ts.
import { describe, expect, it } from 'vitest';
import { ConnectGuard } from '../../main/connect-guard.ts';
import { CONNECT_SOURCES_HEADER } from '../../server/protocol/index.ts';

const RENDERER = 'http://127.0.0.1:5123';
const HOSTED = 'https://interviews.example.com';

function guardWith(servers: string[], renderer: string | null = RENDERER): ConnectGuard {
  return new ConnectGuard({ rendererOrigin: () => renderer, serverOrigins: () => servers });
}

describe('ConnectGuard', () => {
  it('lets the window reach its own server and the profiles\' servers, over HTTP and WebSocket alike', () => {
    const guard = guardWith([HOSTED]);
    expect(guard.allows(`${RENDERER}/v1/rooms`)).toBe(true);
    expect(guard.allows('ws://127.0.0.1:5123/collab/r1/code')).toBe(true);
    expect(guard.allows(`${HOSTED}/v1/auth/login`)).toBe(true);
    expect(guard.allows('wss://interviews.example.com/collab/r1/code')).toBe(true);
  });

  it('refuses every other origin: another host, another port, another scheme, loopback included', () => {
    const guard = guardWith([HOSTED]);
    for (const url of [
      'https://evil.example.net/steal?t=x',
      'wss://evil.example.net/',
      'https://interviews.example.com:8443/v1/health',
      'http://interviews.example.com/v1/health',
      'http://127.0.0.1:5124/v1/health',
      'ws://localhost:5123/collab',
      'not a url',
    ]) {
      expect(guard.allows(url), url).toBe(false);
    }
  });

  it('leaves URLs that are not connections alone', () => {
    const guard = guardWith([]);
    for (const url of ['data:text/html,hi', 'blob:http://127.0.0.1:5123/0b6c', 'devtools://devtools/bundled/inspector.html']) {
      expect(guard.allows(url), url).toBe(true);
    }
  });

  it('before the renderer is loaded, only profiles\' servers', () => {
    const guard = guardWith([HOSTED], null);
    expect(guard.allows(`${RENDERER}/`)).toBe(false);
    expect(guard.allows(`${HOSTED}/v1/health`)).toBe(true);
  });

  it('adds the sources a server announces, replaces them with its next list, and drops them with its profile', () => {
    const servers = [HOSTED];
    const guard = new ConnectGuard({ rendererOrigin: () => RENDERER, serverOrigins: () => servers });
    expect(guard.allows('wss://media.example.com/rtc')).toBe(false);
    guard.learn(`${HOSTED}/v1/health`, { 'X-SynCode-Connect-Sources': ['wss://collab.example.com wss://media.example.com https://media.example.com'] });
    expect(guard.allows('wss://collab.example.com/collab/r1/code')).toBe(true);
    expect(guard.allows('wss://media.example.com/rtc')).toBe(true);
    expect(guard.allows('https://media.example.com/settings/regions')).toBe(true);
    expect(guard.allows('https://evil.example.net/')).toBe(false);

    guard.learn(`${HOSTED}/v1/rooms`, { [CONNECT_SOURCES_HEADER]: 'wss://collab.example.com' });
    expect(guard.allows('wss://media.example.com/rtc')).toBe(false);
    expect(guard.allows('wss://collab.example.com/collab/r1/code')).toBe(true);

    servers.length = 0;
    expect(guard.allows('wss://collab.example.com/collab/r1/code')).toBe(false);
  });

  it('learns nothing from a response of an origin that is not a server of the app', () => {
    const guard = guardWith([HOSTED]);
    guard.learn('https://evil.example.net/', { [CONNECT_SOURCES_HEADER]: ['https://evil.example.net https://other.example.net'] });
    expect(guard.allows('https://evil.example.net/')).toBe(false);
    expect(guard.allows('https://other.example.net/')).toBe(false);
    guard.learn(`${HOSTED}/v1/health`, { 'cache-control': ['no-store'] });
    expect(guard.allows('https://other.example.net/')).toBe(false);
  });
});
