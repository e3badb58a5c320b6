import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { isCorsOriginAllowed, isValidCorsEntry } from '../../server/http/cors.ts';
import { LAUNCH_SECRET_HEADER } from '../../server/protocol/index.ts';
import { launchChromium } from '../support/chromium.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

const APP = 'https://app.example.com';
const PREFLIGHT = { 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type' };

/** The response's access-control-* headers (what a browser's CORS check reads). */
function corsHeaders(res: Response): Record<string, string> {
  return Object.fromEntries([...res.headers].filter(([name]) => name.startsWith('access-control-')));
}

describe('CORS on /v1, real server and real fetch', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ webRoot: null, problemsDir: null, corsOrigins: [APP, 'loopback'] });
  });
  afterAll(() => server.stop());

  it('echoes an allowed origin on responses, exposes the headers clients read, and never allows credentials', async () => {
    const res = await fetch(`${server.url}/v1/health`, { headers: { origin: APP } });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe(APP);
    expect(res.headers.get('vary')).toContain('Origin');
    expect(res.headers.get('access-control-expose-headers')).toBe('X-Request-Id, Location, Retry-After');
    expect(res.headers.get('access-control-allow-credentials')).toBeNull();
    expect(res.headers.get('x-request-id')).toBeTruthy();
  });

  it('adds the headers to error responses too (404 unknown route, 401 without a token)', async () => {
    const unknown = await fetch(`${server.url}/v1/no-such-route`, { headers: { origin: APP } });
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get('access-control-allow-origin')).toBe(APP);
    const me = await fetch(`${server.url}/v1/users/me`, { headers: { origin: APP } });
    expect(me.status).toBe(401);
    expect(me.headers.get('access-control-allow-origin')).toBe(APP);
  });

  it('answers a preflight from an allowed origin with 204 and the allowed methods, headers and max-age', async () => {
    const res = await fetch(`${server.url}/v1/rooms`, { method: 'OPTIONS', headers: { origin: APP, ...PREFLIGHT } });
    expect(res.status).toBe(204);
    expect(corsHeaders(res)).toEqual({
      'access-control-allow-origin': APP,
      'access-control-allow-methods': 'GET, POST, PUT, PATCH, DELETE',
      'access-control-allow-headers': 'Authorization, Content-Type, X-Request-Id',
      'access-control-max-age': '600',
    });
  });

  it('gives a foreign origin no CORS headers: its preflight is a bare 204 (not the router 405), its requests still served', async () => {
    const preflight = await fetch(`${server.url}/v1/rooms`, { method: 'OPTIONS', headers: { origin: 'https://evil.example', ...PREFLIGHT } });
    expect(preflight.status).toBe(204);
    expect(corsHeaders(preflight)).toEqual({});
    const get = await fetch(`${server.url}/v1/health`, { headers: { origin: 'https://evil.example' } });
    expect(get.status).toBe(200);
    expect(corsHeaders(get)).toEqual({});
  });

  it('`loopback` allows any port on 127.0.0.1, localhost and [::1] (the desktop renderer\'s origin), not look-alikes', async () => {
    for (const origin of ['http://127.0.0.1:43121', 'http://localhost:5173', 'http://[::1]:8080']) {
      const res = await fetch(`${server.url}/v1/health`, { headers: { origin } });
      expect(res.headers.get('access-control-allow-origin'), origin).toBe(origin);
    }
    for (const origin of ['http://127.0.0.1.evil.example', 'http://localhost.evil.example:80', 'null']) {
      const res = await fetch(`${server.url}/v1/health`, { headers: { origin } });
      expect(res.headers.get('access-control-allow-origin'), origin).toBeNull();
    }
  });

  it('leaves OPTIONS that is not a preflight to the router (405), and non-/v1 paths alone', async () => {
    const bare = await fetch(`${server.url}/v1/health`, { method: 'OPTIONS' });
    expect(bare.status).toBe(405);
    const internal = await fetch(`${server.url}/internal/anything`, { headers: { origin: APP } });
    expect(internal.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('lets a real browser page on another origin call the API with a bearer token and read X-Request-Id', async () => {
    let browser: Browser | undefined;
    try {
      browser = await launchChromium();
      const page = await browser.newPage();
      // localhost:PORT and 127.0.0.1:PORT are different origins: the page is cross-origin to server.url.
      await page.goto(`${server.url.replace('127.0.0.1', 'localhost')}/v1/health`);
      const seen = await page.evaluate(async (api) => {
        const res = await fetch(`${api}/v1/users/me`, { headers: { authorization: 'Bearer not-a-token', 'x-request-id': 'cors-test-1' } });
        return { status: res.status, requestId: res.headers.get('x-request-id') };
      }, server.url);
      expect(seen).toEqual({ status: 401, requestId: 'cors-test-1' });
    } finally {
      await browser?.close();
    }
  });
});

describe('CORS defaults and the embedded access guard', () => {
  it('without configured origins, no CORS headers are sent and preflights still end before the router', async () => {
    const server = await startTestServer({ webRoot: null, problemsDir: null });
    try {
      const get = await fetch(`${server.url}/v1/health`, { headers: { origin: 'http://127.0.0.1:43121' } });
      expect(corsHeaders(get)).toEqual({});
      const preflight = await fetch(`${server.url}/v1/health`, { method: 'OPTIONS', headers: { origin: APP, ...PREFLIGHT } });
      expect(preflight.status).toBe(204);
      expect(corsHeaders(preflight)).toEqual({});
    } finally {
      await server.stop();
    }
  });

  it('the launch secret and Origin guard still refuse first in embedded mode, even for an allowed CORS origin', async () => {
    const launchSecret = 'l'.repeat(43);
    const server = await startTestServer({ webRoot: null, problemsDir: null, mode: 'embedded', launchSecret, corsOrigins: ['*'] });
    try {
      const noSecret = await fetch(`${server.url}/v1/health`, { method: 'OPTIONS', headers: { origin: 'http://127.0.0.1:1', ...PREFLIGHT } });
      expect(noSecret.status).toBe(403);
      expect(corsHeaders(noSecret)).toEqual({});
      const foreign = await fetch(`${server.url}/v1/health`, { headers: { origin: APP, [LAUNCH_SECRET_HEADER]: launchSecret } });
      expect(foreign.status).toBe(403);
      const own = await fetch(`${server.url}/v1/health`, { headers: { origin: 'http://127.0.0.1:1', [LAUNCH_SECRET_HEADER]: launchSecret } });
      expect(own.status).toBe(200);
      expect(own.headers.get('access-control-allow-origin')).toBe('http://127.0.0.1:1');
    } finally {
      await server.stop();
    }
  });
});

describe('CORS allow-list entries', () => {
  it('accepts bare origins, `loopback` and `*`; refuses paths, trailing slashes and other schemes', () => {
    for (const entry of ['https://app.example.com', 'http://127.0.0.1:5173', 'loopback', '*']) expect(isValidCorsEntry(entry), entry).toBe(true);
    for (const entry of ['https://app.example.com/', 'https://app.example.com/x', 'app.example.com', 'ftp://x.example', '', 'LOOPBACK']) {
      expect(isValidCorsEntry(entry), entry).toBe(false);
    }
  });

  it('`*` allows any origin except the opaque `null`', () => {
    expect(isCorsOriginAllowed('https://anything.example', ['*'])).toBe(true);
    expect(isCorsOriginAllowed('null', ['*'])).toBe(false);
  });
});
