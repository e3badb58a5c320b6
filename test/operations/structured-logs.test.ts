// The server CLI's logs as an operator reads them: JSON lines on stderr, each with its level, time and node id;
// one access line per HTTP request with the request's id and caller; an error logged while handling a request
// carries that request's id, the one its ErrorResponse names, and its stack; SYNCODE_LOG_LEVEL filters.
import { chmodSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pollUntil } from '../support/poll.ts';
import { logLines, startServerCli, type ServerCli } from '../support/server-cli.ts';
import { makeTempDir } from '../support/temp-dir.ts';

const SECRETS = {
  SYNCODE_JWT_SECRET: 'logs-test-jwt-secret-0123456789abcdef0123456',
  SYNCODE_INTERNAL_SECRET: 'logs-test-internal-secret-0123456789abcdef',
  SYNCODE_RATE_LIMITS: 'off',
  // SQLite in the data directory, whatever database the rest of the suite runs on: the failure below locks its file.
  SYNCODE_DATABASE_URL: '',
};
const PASSWORD = 'a long enough password 1';


describe('structured JSON logs of the server CLI', () => {
  const cleanups: (() => Promise<unknown> | void)[] = [];
  let cli: ServerCli;
  let dataDir: string;

  async function start(env: Record<string, string>, prepare?: (dir: string) => void): Promise<{ cli: ServerCli; dataDir: string }> {
    const dir = makeTempDir('syncode-logs-');
    cleanups.push(dir.remove);
    prepare?.(dir.path);
    const started = await startServerCli(['--data-dir', dir.path], { ...SECRETS, ...env });
    cleanups.push(started.stop);
    return { cli: started, dataDir: dir.path };
  }

  beforeAll(async () => {
    ({ cli, dataDir } = await start({ SYNCODE_NODE_ID: 'node-logs-a' }));
  });
  afterAll(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });

  it('writes one access line per request with its id, route, status and user, and never the query string or secrets', async () => {
    const registered = await fetch(`${cli.url}/v1/auth/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'logs@example.com', password: PASSWORD, displayName: 'Logs' }),
    });
    expect(registered.status).toBe(201);
    const { accessToken, user } = (await registered.json()) as { accessToken: string; user: { id: string } };

    const me = await fetch(`${cli.url}/v1/users/me?probe=query-secret`, {
      headers: { authorization: `Bearer ${accessToken}`, 'x-request-id': 'trace-logs-42' },
    });
    expect(me.status).toBe(200);
    expect(me.headers.get('x-request-id')).toBe('trace-logs-42');

    const access = await pollUntil(
      () => logLines(cli).find((l) => l.msg === 'http request' && l.requestId === 'trace-logs-42'),
      (line) => line !== undefined,
      { what: 'the access line of trace-logs-42' },
    );
    expect(access).toMatchObject({
      level: 'info',
      nodeId: 'node-logs-a',
      method: 'GET',
      path: '/v1/users/me',
      route: '/v1/users/me',
      status: 200,
      userId: user.id,
    });
    expect(access!.durationMs).toEqual(expect.any(Number));
    expect(Date.parse(access!.time as string)).not.toBeNaN();

    const lines = logLines(cli);
    expect(lines.find((l) => l.msg === 'http request' && l.path === '/v1/auth/register')).toMatchObject({ status: 201, route: '/v1/auth/register' });
    for (const line of lines) expect(line).toMatchObject({ nodeId: 'node-logs-a', level: expect.any(String), time: expect.any(String) });
    const text = cli.stderr();
    for (const secret of ['query-secret', accessToken, PASSWORD]) expect(text).not.toContain(secret);
  });

  it('logs an unexpected failure with the request id its ErrorResponse carries', async () => {
    // Another connection holds SQLite's write lock, so the registration's insert fails once the busy timeout ends.
    const locker = new Database(join(dataDir, 'syncode.sqlite'));
    let res: Response;
    try {
      locker.exec('BEGIN EXCLUSIVE');
      res = await fetch(`${cli.url}/v1/auth/register`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'locked@example.com', password: PASSWORD, displayName: 'Locked' }),
      });
    } finally {
      locker.close(); // rolls the lock's transaction back
    }
    expect(res.status).toBe(500);
    const body = (await res.json()) as { code: string; requestId: string };
    expect(body.code).toBe('INTERNAL');
    expect(body.requestId).toBe(res.headers.get('x-request-id'));

    const access = await pollUntil(
      () => logLines(cli).find((l) => l.msg === 'http request' && l.requestId === body.requestId),
      (line) => line !== undefined,
      { what: 'the access line of the failed request' },
    );
    expect(access).toMatchObject({ status: 500, route: '/v1/auth/register' });
    const errors = logLines(cli).filter((l) => l.level === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ requestId: body.requestId, nodeId: 'node-logs-a', msg: 'unhandled error in /v1 handler' });
    expect(errors[0]!.error).toMatch(/locked|busy/i);
    // Where it was thrown: the stack, its first line the error itself.
    expect(errors[0]!.stack).toMatch(/^SqliteError: .*(locked|busy)[^]*\n\s+at /i);
  }, 60_000);

  it('SYNCODE_LOG_LEVEL=warn keeps warnings and drops info lines, access lines included', async () => {
    // A data directory others may read: the server tightens it at start, with a warning.
    const quiet = (await start({ SYNCODE_LOG_LEVEL: 'warn' }, (dir) => chmodSync(dir, 0o755))).cli;
    expect((await fetch(`${quiet.url}/v1/health`)).status).toBe(200);
    expect(await quiet.stop()).toBe(0);
    const lines = logLines(quiet);
    expect(lines.some((l) => l.level === 'warn' && l.msg === 'restricted the permissions of a data file')).toBe(true);
    expect(lines.filter((l) => l.level === 'info')).toEqual([]);
  }, 90_000); // a second server process starts and stops within the test
});
