// The update log's move to integer document and author keys (collab migration 3) on a real database (the SQLite
// file, or PostgreSQL on the PostgreSQL run) written with the earlier schema: every row survives with its id (the
// replay sequence number), author, time and bytes, and new rows continue the sequence.
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrateSql, openServerDatabase } from '../../server/storage/sql/index.ts';
import { COLLAB_MIGRATIONS } from '../../server/storage/collab/collab-migrations.ts';
import { openCollabStore } from '../../server/storage/collab/index.ts';
import { makeTempDir } from '../support/temp-dir.ts';
import { testDatabaseUrl } from '../support/test-database.ts';

describe('update log migration', () => {
  let dir: ReturnType<typeof makeTempDir>;
  beforeEach(() => {
    dir = makeTempDir('syncode-log-migration-');
  });
  afterEach(() => dir.remove());

  it('keeps every logged update with its id, author, time and bytes', async () => {
    const [roomA, roomB, ann] = [randomUUID(), randomUUID(), randomUUID()];
    const databaseUrl = await testDatabaseUrl();
    const old = openServerDatabase(databaseUrl, dir.path, 'collab.sqlite');
    await migrateSql(old, 'collab', COLLAB_MIGRATIONS.filter((m) => m.version < 3));
    const rows: [string, string, string | null, number, Buffer][] = [
      [roomA, 'code', null, 1000, Buffer.from([1, 2, 3])],
      [roomB, 'code', ann, 1001, Buffer.from([4])],
      [roomA, 'code', ann, 1002, Buffer.from([5, 6])],
      [roomA, 'whiteboard', ann, 1003, Buffer.from([7])],
    ];
    for (const r of rows) await old.run('INSERT INTO collab_updates (room_id, doc, user_id, accepted_at, bytes) VALUES (?, ?, ?, ?, ?)', r);
    await old.close();

    const store = await openCollabStore({ dataDir: dir.path, ...(databaseUrl ? { databaseUrl } : {}) });
    try {
      expect(await store.readLog(roomA, 'code', 0, 10)).toEqual([
        { id: 1, userId: null, acceptedAt: 1000, update: new Uint8Array([1, 2, 3]) },
        { id: 3, userId: ann, acceptedAt: 1002, update: new Uint8Array([5, 6]) },
      ]);
      expect((await store.readLog(roomA, 'code', 1, 10)).map((r) => r.id)).toEqual([3]);
      expect((await store.readLog(roomA, 'whiteboard', 0, 10)).map((r) => r.id)).toEqual([4]);
      expect(await store.readLog(roomB, 'code', 0, 10)).toEqual([{ id: 2, userId: ann, acceptedAt: 1001, update: new Uint8Array([4]) }]);
      expect(await store.readLog(randomUUID(), 'code', 0, 10)).toEqual([]);
      expect(await store.loadDocument(roomA, 'code')).toMatchObject({ checkpoint: null, lastUpdateId: 3 });
      const [next] = await store.appendUpdates([{ roomId: roomB, doc: 'code', userId: ann, acceptedAt: 1004, update: new Uint8Array([8]) }]);
      expect(next).toBe(5);
      expect((await store.readLog(roomB, 'code', 0, 1)).map((r) => r.id)).toEqual([2]);
      expect(await store.logStats()).toMatchObject({ updates: 5, bytes: 8 });
    } finally {
      await store.close();
    }
  });
});
