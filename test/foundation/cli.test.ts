import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createServer, type AddressInfo } from 'node:net';
import { existsSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../server/paths.ts';
import { freePort } from '../support/free-port.ts';
import { runNodeToExit } from '../support/node-script.ts';
import { pollUntil } from '../support/poll.ts';
import { makeTempDir } from '../support/temp-dir.ts';

const READY = /^SynCode server listening on (http:\/\/127\.0\.0\.1:(\d+))$/m;

describe('npm run server (CLI contract)', () => {
  const cleanups: (() => void)[] = [];
  afterEach(() => {
    for (const c of cleanups.splice(0).reverse()) c(); // the server goes before the directories it writes to
  });

  async function startCli(args: string[], options: { env?: NodeJS.ProcessEnv; ipc?: boolean } = {}): Promise<{ child: ChildProcess; url: string; stdout: () => string }> {
    const dir = makeTempDir();
    cleanups.push(dir.remove);
    const child = spawn(process.execPath, ['server/cli.ts', '--data-dir', dir.path, ...args], {
      cwd: REPO_ROOT,
      env: options.env ?? process.env,
      stdio: ['ignore', 'pipe', 'pipe', ...(options.ipc ? ['ipc' as const] : [])],
    });
    cleanups.push(() => child.kill('SIGKILL'));
    let out = '';
    child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
    const deadline = Date.now() + 20_000;
    while (!READY.test(out)) {
      if (child.exitCode !== null) throw new Error(`server exited early with ${child.exitCode}`);
      if (Date.now() > deadline) throw new Error(`no ready line; stdout: ${out}`);
      await new Promise((r) => setTimeout(r, 25));
    }
    return { child, url: READY.exec(out)![1]!, stdout: () => out };
  }

  it('prints the ready line with the real port, serves health and the web client, exits 0 on SIGTERM', async () => {
    const { child, url, stdout } = await startCli(['--port', '0']);
    expect(url).not.toMatch(/:0$/);
    const health = await fetch(`${url}/v1/health`);
    expect(health.status).toBe(200);
    const page = await fetch(`${url}/join/ABC234`, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="root">');
    expect(stdout().trim().split('\n')).toHaveLength(1);
    const exited = once(child, 'exit');
    child.kill('SIGTERM');
    const [code] = (await exited) as [number | null];
    expect(code).toBe(0);
  });

  it('builds a missing web client on first start, answering / with a building page meanwhile', async () => {
    const web = makeTempDir('syncode-web-');
    cleanups.push(web.remove);
    const webRoot = join(web.path, 'renderer'); // does not exist yet, as on a fresh clone
    const { child, url, stdout } = await startCli(['--port', '0', '--web-root', webRoot]);
    expect(stdout()).toContain('Building the web client (first start, ~30 s)');
    const building = await fetch(`${url}/`, { headers: { accept: 'text/html' } });
    expect(building.status).toBe(503);
    expect(building.headers.get('retry-after')).toBe('5');
    const page = await building.text();
    expect(page).toContain('The web client is being built');
    expect(page).toContain('http-equiv="refresh"');
    expect((await fetch(`${url}/v1/health`)).status).toBe(200); // the API does not wait for the build

    const ready = await pollUntil(
      async () => {
        const res = await fetch(`${url}/join/ABC234`, { headers: { accept: 'text/html' } });
        return { status: res.status, body: await res.text() };
      },
      (r) => r.status === 200,
      { timeoutMs: 180_000, intervalMs: 1000, what: 'the built web client' },
    );
    expect(ready.body).toContain('<div id="root">');
    expect(stdout()).toMatch(/Web client built in \d+ s\./);
    expect(existsSync(join(webRoot, 'index.html'))).toBe(true);
    expect(readdirSync(web.path)).toEqual(['renderer']); // the staging directory was swapped in

    const exited = once(child, 'exit');
    child.kill('SIGTERM');
    expect(((await exited) as [number | null])[0]).toBe(0);
  }, 240_000);

  it.runIf(process.platform === 'linux')('runs as its bundle in the same process with malloc arenas limited to 2, rebuilt when stale; keeps an operator\'s MALLOC_ARENA_MAX and an IPC channel', async () => {
    const { MALLOC_ARENA_MAX: _, ...unset } = process.env;
    const first = await startCli(['--port', '0'], { env: unset });
    expect(commandLine(first.child.pid!)).toEqual([process.execPath, BUNDLE, '--data-dir', expect.any(String), '--port', '0']);
    expect(mallocArenaMax(first.child.pid!)).toBe('2');
    expect((await fetch(`${first.url}/v1/health`)).status).toBe(200);
    const exited = once(first.child, 'exit');
    first.child.kill('SIGTERM');
    expect(((await exited) as [number | null])[0]).toBe(0);

    // A bundle older than the sources (as after an edit or a pull) is rebuilt before the server runs.
    const stale = new Date(Date.now() - 24 * 3600_000);
    utimesSync(BUNDLE, stale, stale);
    const rebuilt = await startCli(['--port', '0'], { env: { ...unset, MALLOC_ARENA_MAX: '4' } });
    expect(statSync(BUNDLE).mtimeMs).toBeGreaterThan(stale.getTime() + 3600_000);
    expect(commandLine(rebuilt.child.pid!)[1]).toBe(BUNDLE);
    expect(mallocArenaMax(rebuilt.child.pid!)).toBe('4');

    // A parent holding an IPC channel to the server (a process manager's fork) keeps it: it runs from source.
    const forked = await startCli(['--port', '0'], { env: unset, ipc: true });
    expect(commandLine(forked.child.pid!)[1]).toBe('server/cli.ts');
    expect(mallocArenaMax(forked.child.pid!)).toBeUndefined();
    expect(forked.child.connected).toBe(true);
  });

  it('rejects an invalid port with a clear message and exit code 2', async () => {
    const child = spawn(process.execPath, ['server/cli.ts', '--port', 'abc'], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    cleanups.push(() => child.kill('SIGKILL'));
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const [code] = (await once(child, 'exit')) as [number | null];
    expect(code).toBe(2);
    expect(err).toContain('Invalid port');
  });

  it('rejects a bad SYNCODE_PUBLIC_URL with the variable named and exit code 2', async () => {
    const child = spawn(process.execPath, ['server/cli.ts', '--port', '0'], {
      cwd: REPO_ROOT,
      env: { ...process.env, SYNCODE_PUBLIC_URL: 'interviews.example.com' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    cleanups.push(() => child.kill('SIGKILL'));
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const [code] = (await once(child, 'exit')) as [number | null];
    expect(code).toBe(2);
    expect(err).toContain('SYNCODE_PUBLIC_URL is not a URL');
  });

  it('a port in use: each server CLI exits 2 with one line that names the address, no stack trace', async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    cleanups.push(() => taken.close());
    const port = String((taken.address() as AddressInfo).port);
    for (const [entry, program] of [
      ['server/cli.ts', 'SynCode server'],
      ['server/collab/cli.ts', 'SynCode collab'],
    ] as const) {
      const dir = makeTempDir();
      cleanups.push(dir.remove);
      const run = await runNodeToExit([entry, '--port', port, '--data-dir', dir.path], { env: { SYNCODE_WEB_BUILD: 'off' } });
      expect(run.code, run.stderr).toBe(2);
      expect(run.stderr).toContain(`${program} refused to start: 127.0.0.1:${port} is already in use`);
      expect(run.stderr).not.toMatch(/^\s+at /m);
    }
  });

  it('a data directory that is a file, or a PostgreSQL it cannot reach: exit 2 naming the setting, the password hidden', async () => {
    const dir = makeTempDir();
    cleanups.push(dir.remove);
    const file = join(dir.path, 'not-a-directory');
    writeFileSync(file, '');
    const refusing = await freePort(); // nothing listens there: connections are refused
    for (const [entry, program] of [
      ['server/cli.ts', 'SynCode server'],
      ['server/collab/cli.ts', 'SynCode collab'],
    ] as const) {
      const env = { SYNCODE_WEB_BUILD: 'off', SYNCODE_DATABASE_URL: '' };
      const asFile = await runNodeToExit([entry, '--port', '0', '--data-dir', file], { env });
      expect(asFile.code, asFile.stderr).toBe(2);
      expect(asFile.stderr).toContain(`${program} refused to start: cannot use ${file} as the data directory (--data-dir or SYNCODE_DATA_DIR)`);
      expect(asFile.stderr).not.toMatch(/^\s+at /m);

      const url = `postgres://syncode:hunter2-secret@127.0.0.1:${refusing}/syncode`;
      const unreachable = await runNodeToExit([entry, '--port', '0', '--data-dir', join(dir.path, program)], { env: { ...env, SYNCODE_DATABASE_URL: url } });
      expect(unreachable.code, unreachable.stderr).toBe(2);
      expect(unreachable.stderr).toContain(`${program} refused to start: cannot use the PostgreSQL database postgres://syncode:***@127.0.0.1:${refusing}/syncode (SYNCODE_DATABASE_URL)`);
      expect(unreachable.stderr).not.toContain('hunter2');
    }
  });

  it('--help prints the usage of each server CLI on stdout and exits 0, starting nothing', async () => {
    for (const [entry, flag, first] of [
      ['server/cli.ts', '--help', 'Usage: npm run server --'],
      ['server/collab/cli.ts', '-h', 'Usage: node server/collab/cli.ts'],
    ] as const) {
      // No secrets in the environment: the collab process would refuse to start without them.
      const env = { ...process.env, SYNCODE_JWT_SECRET: '', SYNCODE_INTERNAL_SECRET: '' };
      const run = await runNodeToExit([entry, flag], { env });
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout.startsWith(first)).toBe(true);
      expect(run.stdout).toContain('SYNCODE_DATABASE_URL');
      expect(run.stdout).not.toContain('listening');
      expect(run.stderr).toBe('');
    }
  });
});

const BUNDLE = join(REPO_ROOT, 'dist', 'server-cli.mjs');

/** The arguments a process was last executed with (/proc/<pid>/cmdline). */
function commandLine(pid: number): string[] {
  return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').slice(0, -1);
}

/** MALLOC_ARENA_MAX in the environment a process was last executed with (/proc/<pid>/environ). */
function mallocArenaMax(pid: number): string | undefined {
  const entry = readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0').find((v) => v.startsWith('MALLOC_ARENA_MAX='));
  return entry?.slice('MALLOC_ARENA_MAX='.length);
}
