// Who may read GET /metrics: with SYNCODE_METRICS_TOKEN only the bearer of that token; without it only scrapers
// on this host or on the trusted proxies' networks (a request forwarded from elsewhere is refused); in embedded
// mode nobody (404). The test's requests all come from 127.0.0.1; X-Forwarded-For stands for a proxy's hop.
import { afterEach, describe, expect, it } from 'vitest';
import { optionsFromCli } from '../../server/cli-options.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

const TOKEN = 'metrics-test-token-0123456789abcdef0123456789';

async function get(server: { url: string }, headers: Record<string, string> = {}, method = 'GET'): Promise<{ status: number; body: any; headers: Headers }> {
  const res = await fetch(`${server.url}/metrics`, { method, headers });
  const text = await res.text();
  return { status: res.status, body: res.headers.get('content-type')?.startsWith('application/json') ? JSON.parse(text) : text, headers: res.headers };
}

describe('GET /metrics access', () => {
  let server: TestServer | undefined;
  afterEach(async () => {
    await server?.stop();
    server = undefined;
  });

  it('without a token: answers loopback, refuses what an unconfigured proxy forwards', async () => {
    server = await startTestServer({ webRoot: null, problemsDir: null });
    const direct = await get(server);
    expect(direct.status).toBe(200);
    expect(direct.body).toContain('syncode_http_requests_total');

    const forwarded = await get(server, { 'x-forwarded-for': '203.0.113.7', 'x-request-id': 'scrape-1' });
    expect(forwarded.status).toBe(403);
    expect(forwarded.body).toMatchObject({ code: 'ADMIN_FORBIDDEN', requestId: 'scrape-1' });
    expect(forwarded.headers.get('x-request-id')).toBe('scrape-1');

    const post = await get(server, {}, 'POST');
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, HEAD');
  });

  it('without a token behind trusted proxies: answers their networks, refuses the clients they forward', async () => {
    server = await startTestServer({ webRoot: null, problemsDir: null, trustedProxies: ['127.0.0.1', '10.0.0.0/8'] });
    expect((await get(server, { 'x-forwarded-for': '10.1.2.3' })).status).toBe(200);
    expect((await get(server, { 'x-forwarded-for': '203.0.113.7' })).status).toBe(403);
    // A client cannot pass for the private network: the proxy appends the address it saw.
    expect((await get(server, { 'x-forwarded-for': '10.1.2.3, 203.0.113.7' })).status).toBe(403);
  });

  it('with a token: only its bearer, from anywhere', async () => {
    server = await startTestServer({ webRoot: null, problemsDir: null, metricsToken: TOKEN });
    const missing = await get(server);
    expect(missing.status).toBe(401);
    expect(missing.body.code).toBe('AUTH_UNAUTHENTICATED');
    expect((await get(server, { authorization: `Bearer ${TOKEN}x` })).status).toBe(401);
    expect((await get(server, { authorization: TOKEN })).status).toBe(401);
    const bearer = await get(server, { authorization: `Bearer ${TOKEN}`, 'x-forwarded-for': '203.0.113.7' });
    expect(bearer.status).toBe(200);
    expect(bearer.body).toContain('syncode_collab_updates_total');
  });

  it('is not served in embedded mode', async () => {
    server = await startTestServer({ mode: 'embedded', webRoot: null, problemsDir: null });
    const res = await get(server);
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('VALIDATION_UNKNOWN_ROUTE');
  });

  it('the CLI takes SYNCODE_METRICS_TOKEN (32 bytes or more) and SYNCODE_LOG_LEVEL', () => {
    const data = ['--data-dir', '/tmp/syncode-metrics-options'];
    expect(optionsFromCli(data, { SYNCODE_METRICS_TOKEN: TOKEN, SYNCODE_LOG_LEVEL: 'warn' })).toMatchObject({ metricsToken: TOKEN, logLevel: 'warn' });
    expect(optionsFromCli(data, {}).metricsToken).toBeUndefined();
    expect(() => optionsFromCli(data, { SYNCODE_METRICS_TOKEN: 'short' })).toThrow('SYNCODE_METRICS_TOKEN must be at least 32 bytes');
    expect(() => optionsFromCli(data, { SYNCODE_LOG_LEVEL: 'verbose' })).toThrow('SYNCODE_LOG_LEVEL must be one of debug, info, warn, error, silent: verbose');
  });
});
