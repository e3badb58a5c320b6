// Password reset by email as a hosted deployment runs it: the server CLI configured by SYNCODE_SMTP_URL and
// SYNCODE_PUBLIC_URL, a real SMTP server that wants a login, and the link in the email used through the API. An
// unknown address gets the same answer and no email; an SMTP server refusing the login changes nothing for the
// caller and leaves a warning naming the reason, never the token; an embedded server sends nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pollUntil } from '../support/poll.ts';
import { logLines, startServerCli, type ServerCli } from '../support/server-cli.ts';
import { makeTempDir } from '../support/temp-dir.ts';
import { startTestServer } from '../support/test-server.ts';
import { parseMail, startTestSmtpServer, type TestSmtpServer } from '../support/test-smtp-server.ts';
import { call, registerUser } from './api.ts';

const SECRETS = {
  SYNCODE_JWT_SECRET: 'reset-email-jwt-secret-0123456789abcdef01234',
  SYNCODE_INTERNAL_SECRET: 'reset-email-internal-secret-0123456789abcd',
  SYNCODE_RATE_LIMITS: 'off',
  // SQLite in each data directory, whatever database the rest of the suite runs on: two processes, two databases.
  SYNCODE_DATABASE_URL: '',
};
// A user name and password with characters a URL's user info must carry encoded.
const SMTP_LOGIN = { user: 'syncode@mail.example.test', pass: 'p@ss:w/rd %1?#' };
const PUBLIC_URL = 'https://interviews.example.test';
/** The password registerUser gives every account. */
const PASSWORD = 'correct horse battery';
const NEW_PASSWORD = 'a brand new password 1';
/** A reset token's shape (32 random bytes, base64url): no log line may hold one. */
const TOKEN_SHAPE = /[A-Za-z0-9_-]{43}/;


function smtpUrl(port: number, login: { user: string; pass: string }): string {
  return `smtp://${encodeURIComponent(login.user)}:${encodeURIComponent(login.pass)}@127.0.0.1:${port}`;
}

describe('password reset email over SMTP', () => {
  const cleanups: (() => unknown)[] = [];
  let smtp: TestSmtpServer;
  let cli: ServerCli;

  async function start(env: Record<string, string>): Promise<ServerCli> {
    const dir = makeTempDir('syncode-reset-email-');
    cleanups.push(dir.remove);
    const started = await startServerCli(['--data-dir', dir.path], { ...SECRETS, ...env });
    cleanups.push(started.stop);
    return started;
  }

  beforeAll(async () => {
    smtp = await startTestSmtpServer(SMTP_LOGIN);
    cleanups.push(smtp.stop);
    cli = await start({ SYNCODE_SMTP_URL: smtpUrl(smtp.port, SMTP_LOGIN), SYNCODE_PUBLIC_URL: PUBLIC_URL });
  });
  // Newest first: each server before its data directory, the SMTP server last.
  afterAll(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  it('mails a link to the public URL with the token in its fragment; the token resets the password once', async () => {
    const { user, refreshToken } = await registerUser(cli, 'Reset');
    const requestedAt = Date.now();
    const forgot = await call(cli, 'POST', '/v1/auth/forgot-password', { body: { email: user.email } });
    expect(forgot.status).toBe(202);
    const mail = (await pollUntil(() => smtp.received.find((m) => m.rcptTo.includes(user.email)), (m) => m !== undefined, { what: 'the reset email' }))!;
    expect(mail.user).toBe(SMTP_LOGIN.user);
    expect(mail.mailFrom).toBe('no-reply@interviews.example.test');

    const { headers, text, html } = parseMail(mail.raw);
    expect(headers.get('subject')).toBe('Reset your SynCode password');
    expect(headers.get('from')).toBe('SynCode <no-reply@interviews.example.test>');
    expect(headers.get('to')).toBe(user.email);
    const links = text.match(/https?:\/\/\S+/g) ?? [];
    expect(links).toHaveLength(1);
    const link = new URL(links[0]!);
    expect(link.origin).toBe(PUBLIC_URL);
    expect(link.pathname).toBe('/reset-password');
    expect(link.search).toBe('');
    const token = decodeURIComponent(/^#token=(.+)$/.exec(link.hash)?.[1] ?? '');
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(text).toContain('on interviews.example.test.');
    expect(text).toContain('If you did not ask for this, ignore this email');
    // The expiry, to the minute in UTC: an hour after the request, seconds dropped.
    const until = /until (\d{4}-\d\d-\d\d) (\d\d:\d\d) UTC\./.exec(text);
    expect(until).not.toBeNull();
    const expiresAt = Date.parse(`${until![1]}T${until![2]}:00Z`);
    expect(expiresAt).toBeGreaterThan(requestedAt + 3600_000 - 60_000);
    expect(expiresAt).toBeLessThanOrEqual(Date.now() + 3600_000);
    expect(html).toContain(`<a href="${links[0]}">`);
    expect(html).toContain(`on interviews.example.test.</p>`);

    const reset = await call(cli, 'POST', '/v1/auth/reset-password', { body: { token, newPassword: NEW_PASSWORD } });
    expect(reset.status).toBe(204);
    const again = await call(cli, 'POST', '/v1/auth/reset-password', { body: { token, newPassword: 'yet another password 2' } });
    expect(again.body.code).toBe('AUTH_RESET_TOKEN_INVALID');
    expect((await call(cli, 'POST', '/v1/auth/login', { body: { email: user.email, password: NEW_PASSWORD } })).status).toBe(200);
    expect((await call(cli, 'POST', '/v1/auth/login', { body: { email: user.email, password: PASSWORD } })).status).toBe(401);
    const refresh = await call(cli, 'POST', '/v1/auth/refresh', { body: { refreshToken } });
    expect(refresh.status).toBe(401);
    expect(refresh.body.code).toBe('AUTH_REFRESH_INVALID');

    const sent = await pollUntil(() => logLines(cli).find((l) => l.msg === 'password reset email sent'), (l) => l !== undefined, { what: 'the sent line' });
    expect(sent).toMatchObject({ level: 'info', smtpResponse: expect.stringMatching(/^250 /) });
    expect(cli.stderr()).not.toContain(token);
  });

  it('answers an unknown address the same, and mails nothing', async () => {
    const { user } = await registerUser(cli, 'Reset');
    const sessions = smtp.sessions;
    const received = smtp.received.length;
    const unknown = await call(cli, 'POST', '/v1/auth/forgot-password', { body: { email: `nobody-${Date.now()}@example.com` } });
    expect(unknown.status).toBe(202);
    expect(unknown.body).toEqual({});
    // forgot-password starts a send before it answers: one for the unknown address would have opened its SMTP
    // session before the known address's did, so once that email is in, a second session would show.
    const known = await call(cli, 'POST', '/v1/auth/forgot-password', { body: { email: user.email } });
    expect(known.status).toBe(202);
    expect(known.body).toEqual({});
    await pollUntil(() => smtp.received.length, (n) => n > received, { what: 'the known address\'s email' });
    expect(smtp.received.slice(received).map((m) => m.rcptTo)).toEqual([[user.email]]);
    expect(smtp.sessions - sessions).toBe(1);
  });

  it('reports email as a feature and a check', async () => {
    const health = await call(cli, 'GET', '/v1/health');
    expect(health.body.features.email).toBe(true);
    expect(health.body.checks.email).toMatchObject({ status: 'ok', message: 'configured' });
  });

  it('an embedded server sends no reset emails, whatever smtpUrl says', async () => {
    const embedded = await startTestServer({ mode: 'embedded', smtpUrl: smtpUrl(smtp.port, SMTP_LOGIN), publicUrl: PUBLIC_URL });
    cleanups.push(embedded.stop);
    const health = await call(embedded, 'GET', '/v1/health');
    expect(health.body.features.email).toBe(false);
    expect(health.body.checks.email.status).toBe('disabled');
  });

  it('answers 202 when the SMTP server refuses the login, and warns with the reason but not the token', async () => {
    const refused = await start({ SYNCODE_SMTP_URL: smtpUrl(smtp.port, { ...SMTP_LOGIN, pass: 'wrong password' }), SYNCODE_PUBLIC_URL: PUBLIC_URL });
    const { user } = await registerUser(refused, 'Reset');
    const received = smtp.received.length;
    const forgot = await call(refused, 'POST', '/v1/auth/forgot-password', { body: { email: user.email } });
    expect(forgot.status).toBe(202);
    expect(forgot.body).toEqual({});
    const warning = (await pollUntil(
      () => logLines(refused).find((l) => l.msg === 'password reset email failed'),
      (line) => line !== undefined,
      { what: 'the failure warning' },
    ))!;
    expect(warning.level).toBe('warn');
    expect(warning.error).toContain(`SMTP 127.0.0.1:${smtp.port}:`);
    expect(warning.error).toContain('535');
    expect(JSON.stringify(warning)).not.toMatch(TOKEN_SHAPE);
    expect(refused.stderr()).not.toContain('#token=');
    expect(smtp.refusedLogins).toContain(SMTP_LOGIN.user);
    expect(smtp.received.length).toBe(received);
  });
});
