// `npm run backup` (server/backup-cli.ts) as an operator uses it: a real server CLI on SQLite keeps accepting
// registrations while the backup runs; the backup, copied into an empty data directory, starts a second server
// that knows the account, the room and the first server's tokens (the secrets came along).
import Database from 'better-sqlite3';
import { cpSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { call } from '../control/api.ts';
import { runNodeToExit } from '../support/node-script.ts';
import { startServerCli, type ServerCli } from '../support/server-cli.ts';
import { makeTempDir } from '../support/temp-dir.ts';

// SQLite whatever database the rest of the suite runs on: the backup copies SQLite data directories.
const ENV = { SYNCODE_RATE_LIMITS: 'off', SYNCODE_DATABASE_URL: '', SYNCODE_JWT_SECRET: '', SYNCODE_INTERNAL_SECRET: '' };
const PASSWORD = 'a long enough password 1';

describe('npm run backup', () => {
  const cleanups: (() => unknown)[] = [];
  afterAll(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });
  const tempDir = (): string => {
    const dir = makeTempDir('syncode-backup-');
    cleanups.push(dir.remove);
    return dir.path;
  };
  const start = async (dataDir: string): Promise<ServerCli> => {
    const cli = await startServerCli(['--data-dir', dataDir], ENV);
    cleanups.push(() => cli.stop());
    return cli;
  };

  it('copies a running server’s data directory; the copy starts a server with its accounts, rooms and tokens', async () => {
    const dataDir = tempDir();
    const first = await start(dataDir);
    const registered = await call<{ accessToken: string }>(first, 'POST', '/v1/auth/register', {
      body: { email: 'backup@example.com', password: PASSWORD, displayName: 'Bea' },
    });
    expect(registered.status).toBe(201);
    const token = registered.body.accessToken;
    const room = await call<{ id: string; name: string }>(first, 'POST', '/v1/rooms', { body: { mode: 'interview', language: 'python' }, token });
    expect(room.status).toBe(201);

    // The server keeps writing while the backup runs.
    const target = join(tempDir(), 'backup');
    const [run] = await Promise.all([
      runNodeToExit(['server/backup-cli.ts', '--data-dir', dataDir, '--to', target], { env: ENV }),
      ...Array.from({ length: 5 }, (_, i) =>
        call(first, 'POST', '/v1/auth/register', { body: { email: `meanwhile-${i}@example.com`, password: PASSWORD, displayName: `M${i}` } }),
      ),
    ]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^collab\.sqlite\s+[\d,]+ bytes$/m);
    expect(run.stdout).toMatch(/^collab\.journal\s+[\d,]+ bytes$/m);
    expect(run.stdout).toMatch(/^syncode\.sqlite\s+[\d,]+ bytes$/m);
    expect(run.stdout).toMatch(/^secrets\/jwt-secret\s+[\d,]+ bytes$/m);
    expect(run.stdout).toContain(`Backup of ${dataDir} written to ${target}`);
    expect(statSync(target).mode & 0o777).toBe(0o700);
    for (const file of ['syncode.sqlite', 'collab.sqlite', 'collab.journal', 'secrets/jwt-secret', 'secrets/internal-secret']) {
      expect(statSync(join(target, file)).mode & 0o777, file).toBe(0o600);
    }
    for (const file of ['syncode.sqlite', 'collab.sqlite']) {
      const copy = new Database(join(target, file), { readonly: true });
      expect(copy.pragma('integrity_check', { simple: true }), file).toBe('ok');
      copy.close();
    }
    expect(await first.stop()).toBe(0);

    // Restore as docs/operations.md says: the backup's files into an empty data directory.
    const restored = tempDir();
    cpSync(target, restored, { recursive: true });
    const second = await start(restored);
    const me = await call(second, 'GET', '/v1/users/me', { token });
    expect(me.status).toBe(200); // the first server's token: the secrets were restored
    const restoredRoom = await call<{ name: string }>(second, 'GET', `/v1/rooms/${room.body.id}`, { token });
    expect(restoredRoom.status).toBe(200);
    expect(restoredRoom.body.name).toBe(room.body.name);
    const login = await call(second, 'POST', '/v1/auth/login', { body: { email: 'backup@example.com', password: PASSWORD } });
    expect(login.status).toBe(200);
    const collab = new Database(join(restored, 'collab.sqlite'), { readonly: true });
    expect(collab.prepare('SELECT count(*) AS n FROM collab_rooms WHERE room_id = ?').get(room.body.id)).toEqual({ n: 1 });
    collab.close();
  }, 120_000);

  it('refuses a folder that holds a backup already, a data directory without databases, and PostgreSQL (exit 2)', async () => {
    const dataDir = tempDir();
    const server = await start(dataDir);
    const target = join(tempDir(), 'backup');
    expect((await runNodeToExit(['server/backup-cli.ts', '--data-dir', dataDir, '--to', target], { env: ENV })).code).toBe(0);
    const again = await runNodeToExit(['server/backup-cli.ts', '--data-dir', dataDir, '--to', target], { env: ENV });
    expect(again.code).toBe(2);
    expect(again.stderr).toBe(`Backup failed: ${join(target, 'collab.sqlite')} exists already: back up into a new folder\n`);
    await server.stop();
    const empty = tempDir();
    const nothing = await runNodeToExit(['server/backup-cli.ts', '--data-dir', empty], { env: ENV });
    expect(nothing.code).toBe(2);
    expect(nothing.stderr).toBe(`Backup failed: ${empty} holds no SynCode database (--data-dir or SYNCODE_DATA_DIR)\n`);
    const postgres = await runNodeToExit(['server/backup-cli.ts', '--data-dir', dataDir], { env: { ...ENV, SYNCODE_DATABASE_URL: 'postgres://u:p@127.0.0.1:1/db' } });
    expect(postgres.code).toBe(2);
    expect(postgres.stderr).toContain('the databases are in PostgreSQL; back them up with pg_dump');
    const help = await runNodeToExit(['server/backup-cli.ts', '--help'], { env: ENV });
    expect(help.code).toBe(0);
    expect(help.stdout.startsWith('Usage: npm run backup -- [--data-dir ./data]')).toBe(true);
  }, 60_000);
});
