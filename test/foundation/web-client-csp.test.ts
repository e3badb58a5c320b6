// The web client's connect-src: the page's own origin, the collab socket's and LiveKit's (as WebSocket and HTTP),
// and nothing else; and the CSP a server with LiveKit and a split collab process sends with its pages, and the same
// list on its /v1 responses (CONNECT_SOURCES_HEADER, which the desktop app's connection guard reads).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConnectGuard } from '../../main/connect-guard.ts';
import { webClientConnectSources, webClientCsp } from '../../server/http/static-files.ts';
import { CONNECT_SOURCES_HEADER } from '../../server/protocol/index.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

describe('web client connect-src', () => {
  it('names the collab socket and LiveKit, each once, with the scheme each is reached by', () => {
    expect(webClientConnectSources('ws://127.0.0.1:3000/collab')).toEqual(['ws://127.0.0.1:3000']);
    expect(webClientConnectSources('wss://collab.example.com/collab', 'wss://media.example.com')).toEqual([
      'wss://collab.example.com',
      'wss://media.example.com',
      'https://media.example.com',
    ]);
    expect(webClientConnectSources('ws://10.0.0.5:3000/collab', 'ws://10.0.0.9:7880/')).toEqual(['ws://10.0.0.5:3000', 'ws://10.0.0.9:7880', 'http://10.0.0.9:7880']);
    const csp = webClientCsp(['wss://collab.example.com']);
    expect(csp).toContain("connect-src 'self' wss://collab.example.com;");
    expect(csp).not.toMatch(/connect-src[^;]*\b(https?|wss?):(\s|;)/);
  });

  describe('a server with LiveKit and a public collab URL', () => {
    let server: TestServer;
    beforeAll(async () => {
      server = await startTestServer({
        publicUrl: 'https://interviews.example.com',
        livekit: { url: 'wss://media.example.com', apiKey: 'key', apiSecret: 'secret-secret-secret-secret-secret-0' },
      });
    });
    afterAll(async () => {
      await server?.stop();
    });

    it('sends pages a CSP that lets them reach exactly those', async () => {
      const page = await fetch(`${server.url}/join/ABC234`, { headers: { accept: 'text/html' } });
      expect(page.status).toBe(200);
      expect(page.headers.get('content-security-policy')).toContain(
        "connect-src 'self' wss://interviews.example.com wss://media.example.com https://media.example.com;",
      );
    });

    it('names them on every /v1 response, errors included', async () => {
      const expected = 'wss://interviews.example.com wss://media.example.com https://media.example.com';
      const health = await fetch(`${server.url}/v1/health`);
      expect(health.headers.get(CONNECT_SOURCES_HEADER)).toBe(expected);
      const refused = await fetch(`${server.url}/v1/users/me`);
      expect(refused.status).toBe(401);
      expect(refused.headers.get(CONNECT_SOURCES_HEADER)).toBe(expected);
      const page = await fetch(`${server.url}/join/ABC234`, { headers: { accept: 'text/html' } });
      expect(page.headers.get(CONNECT_SOURCES_HEADER)).toBeNull();
    });

    it('lets a desktop window that added it as a profile reach its collab socket and LiveKit, once a response was seen', async () => {
      const guard = new ConnectGuard({ rendererOrigin: () => 'http://127.0.0.1:5123', serverOrigins: () => [server.url] });
      expect(guard.allows('wss://interviews.example.com/collab/r1/code')).toBe(false);
      const response = await fetch(`${server.url}/v1/health`);
      guard.learn(response.url, Object.fromEntries(response.headers));
      expect(guard.allows('wss://interviews.example.com/collab/r1/code')).toBe(true);
      expect(guard.allows('wss://media.example.com/rtc?access_token=t')).toBe(true);
      expect(guard.allows('https://media.example.com/rtc/validate')).toBe(true);
      expect(guard.allows('https://elsewhere.example.com/')).toBe(false);
    });
  });
});
