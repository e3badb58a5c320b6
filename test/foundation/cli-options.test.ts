import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { optionsFromCli } from '../../server/cli-options.ts';
import { REPO_ROOT } from '../../server/paths.ts';
import { onFreePort } from '../support/free-port.ts';
import { pollUntil } from '../support/poll.ts';
import { runServerCliToExit } from '../support/server-cli.ts';
import { makeTempDir } from '../support/temp-dir.ts';

const DATA = ['--data-dir', '/tmp/syncode-cli-options'];

describe('optionsFromCli: CORS, split deployment and execution workers', () => {
  it('maps nothing when the variables are absent or empty (defaults stay with startServer)', () => {
    const options = optionsFromCli(DATA, { SYNCODE_CORS_ORIGINS: '', SYNCODE_COLLAB_URL: '', SYNCODE_EXEC_WORKERS: '' });
    expect(options.corsOrigins).toBeUndefined();
    expect(options.externalCollab).toBeUndefined();
    expect(options.execution).toBeUndefined();
  });

  it('SYNCODE_CORS_ORIGINS: comma-separated origins, `loopback` and `*`, trimmed, empty entries skipped', () => {
    const options = optionsFromCli(DATA, { SYNCODE_CORS_ORIGINS: 'https://app.example.com, loopback,,http://127.0.0.1:5173,' });
    expect(options.corsOrigins).toEqual(['https://app.example.com', 'loopback', 'http://127.0.0.1:5173']);
    expect(optionsFromCli(DATA, { SYNCODE_CORS_ORIGINS: '*' }).corsOrigins).toEqual(['*']);
  });

  it('SYNCODE_CORS_ORIGINS: refuses entries that are not origins, naming the bad one', () => {
    for (const bad of ['https://app.example.com/', 'app.example.com', 'https://a.example/path', 'http://127.0.0.1:*']) {
      expect(() => optionsFromCli(DATA, { SYNCODE_CORS_ORIGINS: `loopback,${bad}` }), bad).toThrow(`SYNCODE_CORS_ORIGINS: "${bad}" is not an origin`);
    }
  });

  it('SYNCODE_COLLAB_URL: the internal origin, with the public ws(s) URL derived from it', () => {
    expect(optionsFromCli(DATA, { SYNCODE_COLLAB_URL: 'http://10.0.0.5:3001/' }).externalCollab).toEqual({
      baseUrl: 'http://10.0.0.5:3001',
      publicUrl: 'ws://10.0.0.5:3001/collab',
    });
    expect(optionsFromCli(DATA, { SYNCODE_COLLAB_URL: 'https://collab.internal' }).externalCollab!.publicUrl).toBe('wss://collab.internal/collab');
  });

  it('SYNCODE_COLLAB_PUBLIC_URL overrides the derived URL (trailing slash dropped)', () => {
    const options = optionsFromCli(DATA, {
      SYNCODE_COLLAB_URL: 'http://collab:3001',
      SYNCODE_COLLAB_PUBLIC_URL: 'wss://rooms.example.com/collab/',
    });
    expect(options.externalCollab).toEqual({ baseUrl: 'http://collab:3001', publicUrl: 'wss://rooms.example.com/collab' });
  });

  it('refuses bad collab URLs with the variable named', () => {
    const cases: [Record<string, string>, string][] = [
      [{ SYNCODE_COLLAB_URL: 'collab:3001' }, 'SYNCODE_COLLAB_URL must be a http: or https: URL'],
      [{ SYNCODE_COLLAB_URL: 'not a url' }, 'SYNCODE_COLLAB_URL is not a URL'],
      [{ SYNCODE_COLLAB_URL: 'ws://collab:3001' }, 'SYNCODE_COLLAB_URL must be a http: or https: URL'],
      [{ SYNCODE_COLLAB_URL: 'http://collab:3001/internal' }, 'SYNCODE_COLLAB_URL must have no path'],
      [{ SYNCODE_COLLAB_URL: 'http://collab:3001?x=1' }, 'SYNCODE_COLLAB_URL must have no query'],
      [{ SYNCODE_COLLAB_URL: 'http://collab:3001', SYNCODE_COLLAB_PUBLIC_URL: 'https://rooms.example.com/collab' }, 'SYNCODE_COLLAB_PUBLIC_URL must be a ws: or wss: URL'],
      [{ SYNCODE_COLLAB_URL: 'http://collab:3001', SYNCODE_COLLAB_PUBLIC_URL: 'wss://rooms.example.com' }, 'SYNCODE_COLLAB_PUBLIC_URL must end with /collab'],
      [{ SYNCODE_COLLAB_PUBLIC_URL: 'wss://rooms.example.com/collab' }, 'SYNCODE_COLLAB_PUBLIC_URL needs SYNCODE_COLLAB_URL'],
    ];
    for (const [env, message] of cases) expect(() => optionsFromCli(DATA, env), JSON.stringify(env)).toThrow(message);
  });

  it('SYNCODE_AI_*: the provider by its base URL, with optional key, model and daily allowance', () => {
    expect(optionsFromCli(DATA, {}).ai).toBeUndefined();
    expect(optionsFromCli(DATA, { SYNCODE_AI_BASE_URL: 'http://127.0.0.1:11434/v1/', SYNCODE_AI_MODEL: 'llama3.1' }).ai).toEqual({
      baseUrl: 'http://127.0.0.1:11434/v1',
      model: 'llama3.1',
    });
    const hosted = optionsFromCli(DATA, { SYNCODE_AI_BASE_URL: 'https://api.example.com/v1', SYNCODE_AI_API_KEY: 'sk-1', SYNCODE_AI_REQUESTS_PER_DAY: '50' });
    expect(hosted.ai).toEqual({ baseUrl: 'https://api.example.com/v1', apiKey: 'sk-1', requestsPerDay: 50 });
    expect(() => optionsFromCli(DATA, { SYNCODE_AI_MODEL: 'llama3.1' })).toThrow('SYNCODE_AI_MODEL needs SYNCODE_AI_BASE_URL');
    expect(() => optionsFromCli(DATA, { SYNCODE_AI_BASE_URL: 'ftp://x' })).toThrow('SYNCODE_AI_BASE_URL must be a http: or https: URL');
    expect(() => optionsFromCli(DATA, { SYNCODE_AI_BASE_URL: 'http://x/v1', SYNCODE_AI_REQUESTS_PER_DAY: '0' })).toThrow('SYNCODE_AI_REQUESTS_PER_DAY must be a positive integer');
  });

  it('SYNCODE_PUBLIC_URL: an http(s) origin, kept without a trailing slash; absent, startServer uses the bound address', () => {
    expect(optionsFromCli(DATA, {}).publicUrl).toBeUndefined();
    expect(optionsFromCli(DATA, { SYNCODE_PUBLIC_URL: 'https://interviews.example.com/' }).publicUrl).toBe('https://interviews.example.com');
    expect(optionsFromCli(DATA, { SYNCODE_PUBLIC_URL: 'http://10.0.0.5:8080' }).publicUrl).toBe('http://10.0.0.5:8080');
    const cases: [string, string][] = [
      ['interviews.example.com', 'SYNCODE_PUBLIC_URL is not a URL'],
      ['wss://interviews.example.com', 'SYNCODE_PUBLIC_URL must be a http: or https: URL'],
      ['https://interviews.example.com/app', 'SYNCODE_PUBLIC_URL must be an origin, with no path'],
      ['https://interviews.example.com/?x=1', 'SYNCODE_PUBLIC_URL must have no query'],
      ['https://user:pw@interviews.example.com', 'SYNCODE_PUBLIC_URL must have no query, fragment or credentials'],
    ];
    for (const [bad, message] of cases) expect(() => optionsFromCli(DATA, { SYNCODE_PUBLIC_URL: bad }), bad).toThrow(message);
  });

  it('SYNCODE_SMTP_URL: an smtp: or smtps: URL with a host, kept as given; refusals name the variable, never the password', () => {
    expect(optionsFromCli(DATA, {}).smtpUrl).toBeUndefined();
    for (const url of ['smtp://apikey:p%40ss%2Fw0rd@smtp.example.com:587', 'smtps://mailer:secret@smtp.example.com:465/', 'smtp://relay.internal', 'smtp://[::1]:25']) {
      expect(optionsFromCli(DATA, { SYNCODE_SMTP_URL: url }).smtpUrl, url).toBe(url);
    }
    const cases: [string, string][] = [
      ['smtp.example.com:587', 'SYNCODE_SMTP_URL must be a smtp: or smtps: URL'],
      ['https://mailer:hunter2@smtp.example.com', 'SYNCODE_SMTP_URL must be a smtp: or smtps: URL'],
      ['smtp://', 'SYNCODE_SMTP_URL has no host'],
      ['smtp:relay.internal', 'SYNCODE_SMTP_URL has no host'],
      ['smtp://mailer:hunter2@smtp.example.com/path', 'SYNCODE_SMTP_URL must have no path, query or fragment'],
      ['smtp://mailer:hunter2@smtp.example.com?secure=true', 'SYNCODE_SMTP_URL must have no path, query or fragment'],
      ['smtp://mailer:hunter2%zz@smtp.example.com', 'SYNCODE_SMTP_URL: the user name and password must be URL-encoded'],
      ['smtp://mailer:hunter2@smtp.example.com:99999', 'SYNCODE_SMTP_URL is not a URL'],
    ];
    for (const [bad, message] of cases) {
      let error: Error | undefined;
      try {
        optionsFromCli(DATA, { SYNCODE_SMTP_URL: bad });
      } catch (e) {
        error = e as Error;
      }
      expect(error?.message, bad).toContain(message);
      expect(error?.message, bad).not.toContain('hunter2');
    }
  });

  it('SYNCODE_MAIL_FROM: an address or "Name <address>" on one line, with SYNCODE_SMTP_URL; unset, the server derives it', () => {
    const smtp = { SYNCODE_SMTP_URL: 'smtp://smtp.example.com' };
    expect(optionsFromCli(DATA, smtp).mailFrom).toBeUndefined();
    for (const from of ['no-reply@example.com', 'SynCode <no-reply@example.com>', '"Acme, Inc." <interviews@acme.example>', '<a@b>']) {
      expect(optionsFromCli(DATA, { ...smtp, SYNCODE_MAIL_FROM: from }).mailFrom, from).toBe(from);
    }
    for (const bad of ['SynCode', 'a@b, c@d', 'SynCode <no-reply@example.com', 'Acme, Inc. <a@b>', 'a@b\r\nBcc: c@d', 'Name\r\nBcc: c@d <a@b>']) {
      expect(() => optionsFromCli(DATA, { ...smtp, SYNCODE_MAIL_FROM: bad }), bad).toThrow('SYNCODE_MAIL_FROM must be an address or "Name <address>"');
    }
    expect(() => optionsFromCli(DATA, { SYNCODE_MAIL_FROM: 'no-reply@example.com' })).toThrow('SYNCODE_MAIL_FROM needs SYNCODE_SMTP_URL');
  });

  it('SYNCODE_NODE_ID: a short printable name, nothing else', () => {
    expect(optionsFromCli(DATA, { SYNCODE_NODE_ID: 'eu-1.b_2' }).nodeId).toBe('eu-1.b_2');
    for (const bad of ['two words', 'a/b', 'x'.repeat(65)]) {
      expect(() => optionsFromCli(DATA, { SYNCODE_NODE_ID: bad }), bad).toThrow('SYNCODE_NODE_ID');
    }
  });

  it('SYNCODE_EXEC_WORKERS: a positive integer, nothing else', () => {
    expect(optionsFromCli(DATA, { SYNCODE_EXEC_WORKERS: '4' }).execution).toEqual({ workers: 4 });
    for (const bad of ['0', '-1', '1.5', 'abc', '0x10', '1e3', ' 2', '99999999999999999999']) {
      expect(() => optionsFromCli(DATA, { SYNCODE_EXEC_WORKERS: bad }), bad).toThrow(`SYNCODE_EXEC_WORKERS must be a positive integer: ${bad}`);
    }
  });

  it('SYNCODE_SANDBOX: isolated or limited, next to SYNCODE_EXEC_WORKERS; unset leaves the mode\'s default', () => {
    expect(optionsFromCli(DATA, { SYNCODE_SANDBOX: 'limited', SYNCODE_EXEC_WORKERS: '2' }).execution).toEqual({ workers: 2, sandbox: 'limited' });
    expect(optionsFromCli(DATA, { SYNCODE_SANDBOX: 'isolated' }).execution).toEqual({ sandbox: 'isolated' });
    expect(optionsFromCli(DATA, {}).execution).toBeUndefined();
    for (const bad of ['auto', 'Limited', 'none', ' isolated']) {
      expect(() => optionsFromCli(DATA, { SYNCODE_SANDBOX: bad }), bad).toThrow(`SYNCODE_SANDBOX must be "isolated" or "limited": ${bad}`);
    }
  });
});

describe('npm run server with the new variables (real child processes)', () => {
  // Processes first (awaited), then their data directories.
  const kills: (() => unknown)[] = [];
  afterEach(async () => {
    for (const kill of kills.splice(0).reverse()) await kill();
  });

  /** Kills the child (if still running) and waits for it to be gone. */
  function killer(child: ChildProcess): () => Promise<unknown> | undefined {
    return () => (child.exitCode === null && child.signalCode === null && child.kill('SIGKILL') ? once(child, 'exit') : undefined);
  }

  async function startProcess(entry: string, args: string[], env: Record<string, string>, ready: RegExp): Promise<{ child: ChildProcess; url: string }> {
    const child = spawn(process.execPath, [entry, ...args], { cwd: REPO_ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    kills.push(killer(child));
    let out = '';
    let err = '';
    child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr!.on('data', (d: Buffer) => (err = (err + d.toString()).slice(-4000)));
    const url = await pollUntil(
      () => {
        if (child.exitCode !== null) throw new Error(`${entry} exited with ${child.exitCode}: ${err}`);
        return ready.exec(out)?.[1];
      },
      (found) => found !== undefined,
      { timeoutMs: 20_000, what: `${entry} ready line` },
    );
    return { child, url: url! };
  }

  it('split deployment as the README describes it: collab process + server with SYNCODE_COLLAB_URL, CORS from SYNCODE_CORS_ORIGINS', async () => {
    const dir = makeTempDir('syncode-split-');
    kills.push(dir.remove);
    const secrets = { SYNCODE_JWT_SECRET: 'j'.repeat(43), SYNCODE_INTERNAL_SECRET: 'i'.repeat(43) };
    // The server's URL must be known before the collab process starts: a port that was free a moment ago.
    const server = await onFreePort(async (serverPort) => {
      const collab = await startProcess(
        'server/collab/cli.ts',
        ['--port', '0', '--data-dir', join(dir.path, 'collab')],
        { ...secrets, SYNCODE_CONTROL_URL: `http://127.0.0.1:${serverPort}` },
        /^SynCode collab listening on (http:\/\/\S+)$/m,
      );
      try {
        return await startProcess(
          'server/cli.ts',
          ['--port', String(serverPort), '--data-dir', join(dir.path, 'server')],
          { ...secrets, SYNCODE_COLLAB_URL: collab.url, SYNCODE_CORS_ORIGINS: 'loopback', SYNCODE_EXEC_WORKERS: '1' },
          /^SynCode server listening on (http:\/\/\S+)$/m,
        );
      } catch (error) {
        await killer(collab.child)();
        throw error;
      }
    });
    const res = await fetch(`${server.url}/v1/health`, { headers: { origin: 'http://localhost:5173' } });
    expect(res.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    const health = (await res.json()) as { checks: { collab: { status: string; message: string } } };
    expect(health.checks.collab).toMatchObject({ status: 'ok', message: 'separate process' });
  });

  it('exits 2 naming SYNCODE_SMTP_URL when it is not an smtp(s) URL', async () => {
    const { code, stderr } = await runServerCliToExit(DATA, { SYNCODE_SMTP_URL: 'https://mailer:hunter2@smtp.example.com' });
    expect(stderr.trim()).toBe('SYNCODE_SMTP_URL must be a smtp: or smtps: URL');
    expect(code).toBe(2);
  });

  it('exits 2 with the message before starting anything', async () => {
    const child = spawn(process.execPath, ['server/cli.ts', '--port', '0', ...DATA], {
      cwd: REPO_ROOT,
      env: { ...process.env, SYNCODE_EXEC_WORKERS: 'many' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    kills.push(killer(child));
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const [code] = (await once(child, 'exit')) as [number | null];
    expect(err.trim()).toBe('SYNCODE_EXEC_WORKERS must be a positive integer: many');
    expect(code).toBe(2);
  });
});
