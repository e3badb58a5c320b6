// The storage layer's SQL interface on both backends: a real SQLite file and a real, throwaway PostgreSQL
// cluster (test/support/postgres-cluster.ts), with the same expectations.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { migrateSql as migrate, openServerDatabase, openSqliteDatabase, type SqlDatabase, type SqlMigration } from '../../server/storage/sql/index.ts';
import { makeTempDir } from '../support/temp-dir.ts';
import { startPostgresCluster, type PostgresCluster } from '../support/postgres-cluster.ts';

let cluster: PostgresCluster;
const dir = makeTempDir('syncode-sql-');

beforeAll(async () => {
  cluster = await startPostgresCluster();
});

afterAll(async () => {
  await cluster?.stop();
  dir.remove();
});

const SCHEMA: SqlMigration[] = [
  {
    version: 1,
    name: 'things',
    up: (db) =>
      db.exec(`
        CREATE TABLE things (id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL UNIQUE, at INTEGER NOT NULL,
          bytes BLOB, score REAL, flag INTEGER NOT NULL DEFAULT 0);
        CREATE INDEX things_name ON things (name COLLATE NOCASE, id);
      `),
  },
];

const backends: [string, () => Promise<SqlDatabase>][] = [
  ['sqlite', async () => openSqliteDatabase(join(dir.path, `${Math.random().toString(36).slice(2)}.sqlite`))],
  ['postgres', async () => openServerDatabase(await cluster.createDatabase(), dir.path, 'unused.sqlite')],
];

describe.each(backends)('SqlDatabase on %s', (_name, open) => {
  it('binds ? placeholders and reads integers as numbers and blobs as bytes', async () => {
    const db = await open();
    try {
      await migrate(db, 'test', SCHEMA);
      const at = 1_765_000_000_123; // beyond 32 bits: a BIGINT on PostgreSQL
      const row = await db.get<{ id: number }>('INSERT INTO things (name, at, bytes, score, flag) VALUES (?, ?, ?, ?, ?) RETURNING id', [
        "it's ?",
        at,
        new Uint8Array([0, 1, 255]),
        0.5,
        true,
      ]);
      expect(row?.id).toBe(1);
      const read = await db.get<{ name: string; at: number; bytes: Uint8Array; score: number; flag: number; n: number }>(
        "SELECT name, at, bytes, score, flag, (SELECT COUNT(*) FROM things WHERE name <> '?') AS n FROM things WHERE id = ?",
        [1],
      );
      expect(read).toMatchObject({ name: "it's ?", at, score: 0.5, flag: 1, n: 1 });
      expect([...read!.bytes]).toEqual([0, 1, 255]);
      expect(await db.run('UPDATE things SET flag = ? WHERE at > ?', [0, 0])).toEqual({ changes: 1 });
      expect(await db.all('SELECT * FROM things WHERE id > ?', [5])).toEqual([]);
    } finally {
      await db.close();
    }
  });

  it('commits a transaction, rolls one back on a throw, and joins nested ones', async () => {
    const db = await open();
    try {
      await migrate(db, 'test', SCHEMA);
      await db.transaction(async () => {
        await db.run('INSERT INTO things (name, at) VALUES (?, ?)', ['a', 1]);
        await db.transaction(() => db.run('INSERT INTO things (name, at) VALUES (?, ?)', ['b', 2]));
      });
      await expect(
        db.transaction(async () => {
          await db.run('INSERT INTO things (name, at) VALUES (?, ?)', ['c', 3]);
          await db.run('INSERT INTO things (name, at) VALUES (?, ?)', ['a', 4]); // unique violation
        }),
      ).rejects.toThrow();
      const names = await db.all<{ name: string }>('SELECT name FROM things ORDER BY name');
      expect(names.map((r) => r.name)).toEqual(['a', 'b']);
    } finally {
      await db.close();
    }
  });

  it('keeps a query from outside an open transaction out of it', async () => {
    const db = await open();
    try {
      await migrate(db, 'test', SCHEMA);
      let release!: () => void;
      const gate = new Promise<void>((resolve) => (release = resolve));
      const tx = db
        .transaction(async () => {
          await db.run('INSERT INTO things (name, at) VALUES (?, ?)', ['inside', 1]);
          await gate;
          throw new Error('roll back');
        })
        .catch(() => 'rolled back');
      // Not part of the transaction: survives its rollback.
      const outside = db.run('INSERT INTO things (name, at) VALUES (?, ?)', ['outside', 2]);
      await new Promise((r) => setTimeout(r, 20));
      release();
      expect(await tx).toBe('rolled back');
      await outside;
      const names = await db.all<{ name: string }>('SELECT name FROM things');
      expect(names.map((r) => r.name)).toEqual(['outside']);
    } finally {
      await db.close();
    }
  });

  it('runs transactions started together one after another, each with only its own queries', async () => {
    const db = await open();
    try {
      await migrate(db, 'test', SCHEMA);
      const results = await Promise.allSettled(
        ['a', 'b', 'c'].map((name, i) =>
          db.transaction(async () => {
            await db.run('INSERT INTO things (name, at) VALUES (?, ?)', [name, i]);
            await db.run('UPDATE things SET at = at + 10 WHERE name = ?', [name]);
            if (name === 'b') throw new Error('roll back b');
          }),
        ),
      );
      expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
      const rows = await db.all<{ name: string; at: number }>('SELECT name, at FROM things ORDER BY name');
      expect(rows).toEqual([
        { name: 'a', at: 10 },
        { name: 'c', at: 12 },
      ]);
    } finally {
      await db.close();
    }
  });

  it('migrates once when two connections start together', async () => {
    const first = await open();
    try {
      await migrate(first, 'test', SCHEMA);
      await migrate(first, 'test', SCHEMA);
      const rows = await first.all('SELECT version FROM schema_migrations WHERE area = ?', ['test']);
      expect(rows).toHaveLength(1);
    } finally {
      await first.close();
    }
  });
});

describe('SQLite connection settings', () => {
  it('keeps the page cache at SQLite’s default of 2 MB, not the 16 MB better-sqlite3 builds in', async () => {
    const db = openSqliteDatabase(join(dir.path, 'settings.sqlite'));
    try {
      expect(await db.get('PRAGMA cache_size')).toEqual({ cache_size: -2000 });
      expect(await db.get('PRAGMA journal_mode')).toEqual({ journal_mode: 'wal' });
    } finally {
      await db.close();
    }
  });
});

describe('PostgreSQL migrations from several processes', () => {
  it('two pools migrating the same database at once apply each migration once', async () => {
    const url = await cluster.createDatabase();
    const a = openServerDatabase(url, dir.path, 'x');
    const b = openServerDatabase(url, dir.path, 'x');
    try {
      await Promise.all([migrate(a, 'test', SCHEMA), migrate(b, 'test', SCHEMA)]);
      expect(await a.all('SELECT version FROM schema_migrations')).toHaveLength(1);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });
});
