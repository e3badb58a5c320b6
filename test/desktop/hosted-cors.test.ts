import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request } from 'node:http';
import { corsForProfileServers, type ResponseDetails } from '../../main/hosted-cors.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

const RENDERER = 'http://127.0.0.1:43121';

/** A real response from the hosted server, in the shape Electron's onHeadersReceived hands to main. */
function fetchDetails(url: string, method: string, headers: Record<string, string>): Promise<ResponseDetails> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method, headers }, (res) => {
      res.resume();
      const responseHeaders: Record<string, string[]> = {};
      for (const [name, value] of Object.entries(res.headers)) if (value !== undefined) responseHeaders[name] = [value].flat();
      resolve({ url, method, statusLine: `HTTP/1.1 ${res.statusCode} ${res.statusMessage}`, responseHeaders });
    });
    req.on('error', reject);
    req.end();
  });
}

describe('CORS for the hosted servers of the profiles (renderer on the embedded origin)', () => {
  let hosted: TestServer;
  beforeAll(async () => {
    hosted = await startTestServer({ webRoot: null, problemsDir: null });
  });
  afterAll(() => hosted.stop());

  it('answers the browser engine\'s preflight for a profile server, even where the server refuses it', async () => {
    const preflight = await fetchDetails(`${hosted.url}/v1/users/me`, 'OPTIONS', {
      origin: RENDERER,
      'access-control-request-method': 'GET',
      'access-control-request-headers': 'authorization',
    });
    const fixed = corsForProfileServers(preflight, RENDERER, [hosted.url])!;
    expect(fixed.responseHeaders['Access-Control-Allow-Origin']).toEqual([RENDERER]);
    expect(fixed.responseHeaders['Access-Control-Allow-Headers']![0]).toContain('authorization');
    expect(fixed.responseHeaders['Access-Control-Allow-Methods']![0]).toContain('GET');
    if (!/ 2\d\d /.test(preflight.statusLine!)) expect(fixed.statusLine).toBe('HTTP/1.1 204 No Content');
  });

  it('adds the allow-origin header to real responses and keeps their own headers', async () => {
    const health = await fetchDetails(`${hosted.url}/v1/health`, 'GET', { origin: RENDERER });
    const fixed = corsForProfileServers(health, RENDERER, [hosted.url])!;
    expect(fixed.statusLine).toBeUndefined();
    expect(fixed.responseHeaders['Access-Control-Allow-Origin']).toEqual([RENDERER]);
    expect(fixed.responseHeaders['content-type']).toEqual(health.responseHeaders!['content-type']);
    expect(fixed.responseHeaders['Access-Control-Expose-Headers']![0]).toContain('x-request-id');
  });

  it('leaves everything else alone: other origins, the renderer\'s own, and before the renderer is known', async () => {
    const health = await fetchDetails(`${hosted.url}/v1/health`, 'GET', {});
    expect(corsForProfileServers(health, RENDERER, ['https://rooms.example.com'])).toBeNull();
    expect(corsForProfileServers({ ...health, url: `${RENDERER}/v1/health` }, RENDERER, [RENDERER])).toBeNull();
    expect(corsForProfileServers(health, null, [hosted.url])).toBeNull();
  });
});
