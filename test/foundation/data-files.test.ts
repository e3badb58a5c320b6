// The data directory and every file the server creates there are private to the server's user (0700 / 0600),
// checked and tightened at every start; configured secrets shorter than 32 bytes stop the server (exit 2).
import { chmodSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { optionsFromCli } from '../../server/cli-options.ts';
import { StartupError } from '../../server/config/startup-error.ts';
import { startServer } from '../../server/start-server.ts';
import { silentLogger } from '../../server/logger.ts';
import { call } from '../control/api.ts';
import { runServerCliToExit } from '../support/server-cli.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';
import { makeTempDir } from '../support/temp-dir.ts';

const modeOf = (path: string): string => (statSync(path).mode & 0o777).toString(8);

/** Every entry of the data directory (one level into folders) with its mode, e.g. `secrets/jwt-secret: 600`. */
function modes(dataDir: string): Record<string, string> {
  const result: Record<string, string> = { '.': modeOf(dataDir) };
  for (const entry of readdirSync(dataDir, { withFileTypes: true })) {
    result[entry.name] = modeOf(join(dataDir, entry.name));
    if (entry.isDirectory()) {
      for (const inner of readdirSync(join(dataDir, entry.name))) result[`${entry.name}/${inner}`] = modeOf(join(dataDir, entry.name, inner));
    }
  }
  return result;
}

describe('data directory permissions', () => {
  const cleanups: (() => unknown)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  async function start(dataDir: string): Promise<TestServer> {
    const server = await startTestServer({ dataDir, webRoot: null, rateLimits: false });
    // A write, so the SQLite write-ahead logs exist.
    const res = await call(server, 'POST', '/v1/auth/register', { body: { email: `u${Date.now()}@example.com`, password: 'correct horse 1', displayName: 'U' } });
    expect(res.status).toBe(201);
    return server;
  }

  it('creates the directory 0700 and every file in it 0600: both databases with -wal/-shm, the collab journal, the generated secrets', async () => {
    const parent = makeTempDir('syncode-modes-');
    cleanups.push(parent.remove);
    const dataDir = join(parent.path, 'data');
    const server = await start(dataDir);
    cleanups.push(() => server.stop());
    const found = modes(dataDir);
    for (const name of ['syncode.sqlite', 'syncode.sqlite-wal', 'syncode.sqlite-shm', 'collab.sqlite', 'collab.sqlite-wal', 'collab.journal', 'secrets/jwt-secret', 'secrets/internal-secret']) {
      expect(found, name).toHaveProperty([name], '600');
    }
    expect(found).toMatchObject({ '.': '700', secrets: '700' });
    expect(Object.entries(found).filter(([, mode]) => mode !== '600' && mode !== '700')).toEqual([]);
  });

  it('tightens a directory left 0755 with 0644 files by an earlier start, and warns naming each path', async () => {
    const dir = makeTempDir('syncode-modes-');
    cleanups.push(dir.remove);
    await (await start(dir.path)).stop();
    const opened = modes(dir.path);
    for (const name of Object.keys(opened)) {
      const path = join(dir.path, name);
      chmodSync(path, statSync(path).isDirectory() ? 0o755 : 0o644);
    }
    const warnings: string[] = [];
    const log = { ...silentLogger, warn: (_message: string, data?: Record<string, unknown>) => warnings.push(String(data?.path)) };
    const server = await startServer({ dataDir: dir.path, port: 0, webRoot: null, log });
    cleanups.push(() => server.close());
    const after = modes(dir.path);
    expect(after).toMatchObject({ '.': '700', 'syncode.sqlite': '600', 'syncode.sqlite-wal': '600', 'secrets': '700', 'secrets/jwt-secret': '600' });
    expect(Object.entries(after).filter(([, mode]) => mode !== '600' && mode !== '700')).toEqual([]);
    expect(warnings).toEqual(expect.arrayContaining([dir.path, join(dir.path, 'syncode.sqlite'), join(dir.path, 'secrets', 'jwt-secret')]));
  });
});

describe('secrets shorter than 32 bytes', () => {
  const SHORT = 'a'.repeat(31);
  const LONG = 'a'.repeat(32);

  it('optionsFromCli refuses SYNCODE_JWT_SECRET and SYNCODE_INTERNAL_SECRET under 32 bytes, naming the variable', () => {
    const data = ['--data-dir', '/tmp/syncode-secret-options'];
    expect(() => optionsFromCli(data, { SYNCODE_JWT_SECRET: SHORT })).toThrow('SYNCODE_JWT_SECRET must be at least 32 bytes');
    expect(() => optionsFromCli(data, { SYNCODE_INTERNAL_SECRET: SHORT })).toThrow('SYNCODE_INTERNAL_SECRET must be at least 32 bytes');
    // Bytes, not characters: 16 two-byte characters are 32 bytes.
    expect(optionsFromCli(data, { SYNCODE_JWT_SECRET: 'é'.repeat(16), SYNCODE_INTERNAL_SECRET: LONG })).toMatchObject({ jwtSecret: 'é'.repeat(16) });
  });

  it('startServer refuses them too, before creating anything', async () => {
    const dir = makeTempDir('syncode-secret-');
    try {
      const dataDir = join(dir.path, 'data');
      await expect(startServer({ dataDir, port: 0, webRoot: null, log: silentLogger, jwtSecret: SHORT })).rejects.toBeInstanceOf(StartupError);
      await expect(startServer({ dataDir, port: 0, webRoot: null, log: silentLogger, internalSecret: SHORT })).rejects.toThrow('internalSecret');
      expect(readdirSync(dir.path)).toEqual([]);
    } finally {
      dir.remove();
    }
  });

  it('the CLI exits 2 with the message', async () => {
    const { code, stderr } = await runServerCliToExit(['--data-dir', '/tmp/syncode-secret-cli'], { SYNCODE_JWT_SECRET: SHORT });
    expect(stderr.trim()).toBe('SYNCODE_JWT_SECRET must be at least 32 bytes long (e.g. openssl rand -base64 48)');
    expect(code).toBe(2);
  });
});
