// X-Forwarded-For is honoured only from a trusted proxy (SYNCODE_TRUSTED_PROXIES), for rate limits and the
// audit log; the client is the right-most address of the chain that is not itself a trusted proxy.
import type { IncomingMessage } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { optionsFromCli } from '../../server/cli-options.ts';
import { createClientIpResolver } from '../../server/http/client-ip.ts';
import { runServerCliToExit } from '../support/server-cli.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';
import { ADMIN, call, loginAdmin } from './api.ts';

const failedLogin = (s: TestServer, forwardedFor: string) =>
  call(s, 'POST', '/v1/auth/login', { body: { email: 'nobody@example.com', password: 'whatever 1' }, headers: { 'x-forwarded-for': forwardedFor } });

async function failedLoginIps(s: TestServer, adminToken: string): Promise<string[]> {
  const res = await call(s, 'GET', '/v1/admin/audit-logs?action=auth.login-failed&limit=100', { token: adminToken });
  return (res.body.items as { ip: string }[]).map((e) => e.ip);
}

describe('client address behind a reverse proxy', () => {
  let server: TestServer | undefined;
  afterEach(async () => {
    await server?.stop();
    server = undefined;
  });

  it('from a trusted peer: each forwarded client has its own login bucket, and the audit log names it', async () => {
    server = await startTestServer({ webRoot: null, trustedProxies: ['10.0.0.0/8', '127.0.0.1'], adminEmail: ADMIN.email, adminPassword: ADMIN.password });
    const admin = await loginAdmin(server);
    for (let i = 0; i < 10; i++) expect((await failedLogin(server, '203.0.113.1')).status).toBe(401);
    expect((await failedLogin(server, '203.0.113.1')).status).toBe(429);
    // Another client behind the same proxy, through a second trusted hop; a spoofed left part is ignored.
    expect((await failedLogin(server, '1.1.1.1, 203.0.113.2, 10.1.2.3')).status).toBe(401);
    const ips = await failedLoginIps(server, admin.accessToken);
    expect(ips.filter((ip) => ip === '203.0.113.1')).toHaveLength(10);
    expect(ips).toContain('203.0.113.2');
    expect(ips).not.toContain('1.1.1.1');
    expect(ips).not.toContain('127.0.0.1');
  });

  it('from an untrusted peer: X-Forwarded-For is ignored, every request shares the socket address bucket', async () => {
    server = await startTestServer({ webRoot: null, trustedProxies: ['10.0.0.0/8'], adminEmail: ADMIN.email, adminPassword: ADMIN.password });
    // The admin's own sign-in counts in the shared bucket too.
    const admin = await loginAdmin(server);
    for (let i = 0; i < 9; i++) expect((await failedLogin(server, `203.0.113.${i}`)).status).toBe(401);
    expect((await failedLogin(server, '198.51.100.99')).status).toBe(429);
    expect(new Set(await failedLoginIps(server, admin.accessToken))).toEqual(new Set(['127.0.0.1']));
  });
});

describe('createClientIpResolver (CIDR matching)', () => {
  const request = (peer: string, forwardedFor?: string) =>
    ({ socket: { remoteAddress: peer }, headers: forwardedFor === undefined ? {} : { 'x-forwarded-for': forwardedFor } }) as unknown as IncomingMessage;

  it('matches IPv4 and IPv6 networks, IPv4-mapped peers and the bare address form', () => {
    const ip = createClientIpResolver(['192.168.0.0/16', '172.16.0.0/12', 'fd00::/8', '2001:db8::1', '::ffff:100.64.0.0/106']);
    expect(ip(request('192.168.7.9', '203.0.113.5'))).toBe('203.0.113.5');
    expect(ip(request('::ffff:192.168.7.9', '203.0.113.5'))).toBe('203.0.113.5');
    expect(ip(request('172.31.255.255', '203.0.113.5'))).toBe('203.0.113.5');
    expect(ip(request('172.32.0.1', '203.0.113.5'))).toBe('172.32.0.1');
    expect(ip(request('fd12:3456::7', '2001:db8:ffff::9'))).toBe('2001:db8:ffff::9');
    expect(ip(request('fe80::1', '203.0.113.5'))).toBe('fe80::1');
    expect(ip(request('2001:db8:0:0:0:0:0:1', '203.0.113.5'))).toBe('203.0.113.5');
    expect(ip(request('2001:db8::2', '203.0.113.5'))).toBe('2001:db8::2');
    expect(ip(request('100.127.0.1', '203.0.113.5'))).toBe('203.0.113.5');
    expect(ip(request('100.128.0.1', '203.0.113.5'))).toBe('100.128.0.1');
  });

  it('takes the right-most untrusted hop, strips ports, and stops at a hop that is not an address', () => {
    const ip = createClientIpResolver(['10.0.0.0/8']);
    expect(ip(request('10.0.0.1'))).toBe('10.0.0.1');
    expect(ip(request('10.0.0.1', '198.51.100.1, 203.0.113.7, 10.9.9.9'))).toBe('203.0.113.7');
    expect(ip(request('10.0.0.1', '10.0.0.8, 10.0.0.9'))).toBe('10.0.0.8');
    expect(ip(request('10.0.0.1', '203.0.113.7:51234'))).toBe('203.0.113.7');
    expect(ip(request('10.0.0.1', '[2001:db8::5]:443'))).toBe('2001:db8::5');
    expect(ip(request('10.0.0.1', 'unknown, 10.0.0.8'))).toBe('10.0.0.8');
    expect(ip(request('10.0.0.1', 'garbage'))).toBe('10.0.0.1');
  });

  it('refuses entries that are not addresses or CIDRs', () => {
    for (const bad of ['10.0.0.0/33', '10.0.0', '256.1.1.1', 'fd00::/129', '1:2:3:4:5:6:7:8:9', 'localhost', '10.0.0.0/8/8', '::1::2', '01.2.3.4']) {
      expect(() => createClientIpResolver([bad]), bad).toThrow(`"${bad}"`);
    }
  });
});

describe('SYNCODE_TRUSTED_PROXIES', () => {
  const DATA = ['--data-dir', '/tmp/syncode-trusted-proxies'];

  it('maps comma-separated addresses and CIDRs, trimmed, empty entries skipped; absent or empty maps nothing', () => {
    expect(optionsFromCli(DATA, { SYNCODE_TRUSTED_PROXIES: ' 10.0.0.0/8, ::1,,fd00::/8 ' }).trustedProxies).toEqual(['10.0.0.0/8', '::1', 'fd00::/8']);
    expect(optionsFromCli(DATA, { SYNCODE_TRUSTED_PROXIES: '' }).trustedProxies).toBeUndefined();
    expect(optionsFromCli(DATA, {}).trustedProxies).toBeUndefined();
  });

  it('the CLI exits 2 naming an invalid entry', async () => {
    const { code, stderr } = await runServerCliToExit(DATA, { SYNCODE_TRUSTED_PROXIES: '10.0.0.0/8, proxy.internal' });
    expect(stderr.trim()).toBe('SYNCODE_TRUSTED_PROXIES: "proxy.internal" is not an IPv4/IPv6 address or CIDR');
    expect(code).toBe(2);
  });
});
