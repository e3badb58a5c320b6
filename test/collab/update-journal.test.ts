// The SQLite collab store's journal (server/storage/collab/update-journal.ts), on real files: an append is committed
// once it returns (a process killed right after loses nothing), reads see rows not yet moved into collab.sqlite, and
// an open recovers what a killed process left, keeping a row moved twice once and dropping a torn last record.
import Database from 'better-sqlite3';
import { appendFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { COLLAB_JOURNAL } from '../../server/config/data-dir.ts';
import { backupDataDir } from '../../server/operations/backup.ts';
import { REPO_ROOT } from '../../server/paths.ts';
import { openCollabStore, type NewUpdate } from '../../server/storage/collab/index.ts';
import { UpdateJournal } from '../../server/storage/collab/update-journal.ts';
import { runNodeScript } from '../support/node-script.ts';
import { makeTempDir } from '../support/temp-dir.ts';

const update = (n: number, userId: string | null = 'user-1'): NewUpdate => ({ roomId: 'room-1', doc: 'code', update: new Uint8Array([n, n + 1, n + 2]), userId, acceptedAt: 1_000 + n });

/** Rows of collab_log as the file holds them, read on a connection of its own. */
function rowsInDatabase(dataDir: string): { id: number; accepted_at: number }[] {
  const db = new Database(join(dataDir, 'collab.sqlite'), { readonly: true });
  try {
    return db.prepare('SELECT id, accepted_at FROM collab_log ORDER BY id').all() as { id: number; accepted_at: number }[];
  } finally {
    db.close();
  }
}

describe('the SQLite collab store commits through its journal', () => {
  const dirs: { remove: () => void }[] = [];
  afterAll(() => dirs.forEach((d) => d.remove()));
  const dataDir = (): string => {
    const dir = makeTempDir('syncode-journal-');
    dirs.push(dir);
    return dir.path;
  };

  it('a process killed right after its appends returned loses none of them: the next open (and a backup) moves them into the log', async () => {
    const dir = dataDir();
    const script = `
      import { openCollabStore } from ${JSON.stringify(join(REPO_ROOT, 'server/storage/collab/index.ts'))};
      const store = await openCollabStore({ dataDir: ${JSON.stringify(dir)} });
      const ids = [];
      for (let n = 0; n < 20; n += 4) {
        const batch = [n, n + 1, n + 2, n + 3].map((i) => ({ roomId: 'room-1', doc: 'code', update: new Uint8Array([i, i + 1, i + 2]), userId: i % 2 ? 'user-1' : null, acceptedAt: 1000 + i }));
        ids.push(...(await store.appendUpdates(batch)));
      }
      process.stdout.write(JSON.stringify(ids) + '\\n', () => process.kill(process.pid, 'SIGKILL'));
    `;
    const run = await runNodeScript(script);
    expect(run.code, run.stderr).toBeNull(); // killed, not exited
    const ids = JSON.parse(run.stdout) as number[];
    expect(ids).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    // Nothing reached collab.sqlite itself: the rows exist only in the journal.
    expect(rowsInDatabase(dir)).toEqual([]);
    expect(statSync(join(dir, COLLAB_JOURNAL)).size).toBeGreaterThan(20 * 32);

    // A backup taken now carries them too (server/operations/backup.ts copies the journal).
    const backup = join(dataDir(), 'backup');
    expect(backupDataDir(dir, backup).map((f) => f.name)).toContain(COLLAB_JOURNAL);
    const restored = await openCollabStore({ dataDir: backup });
    try {
      expect((await restored.readLog('room-1', 'code', 0, 100)).map((r) => r.id)).toEqual(ids);
    } finally {
      await restored.close();
    }

    const store = await openCollabStore({ dataDir: dir });
    try {
      expect(statSync(join(dir, COLLAB_JOURNAL)).size).toBe(0);
      const log = await store.readLog('room-1', 'code', 0, 100);
      expect(log.map((r) => r.id)).toEqual(ids);
      expect(log.map((r) => [r.userId, r.acceptedAt, [...r.update]])).toEqual(
        ids.map((_, i) => [i % 2 ? 'user-1' : null, 1000 + i, [i, i + 1, i + 2]]),
      );
      // Ids continue after the recovered rows.
      expect(await store.appendUpdates([update(50)])).toEqual([21]);
    } finally {
      await store.close();
    }
  });

  it('reads see rows still in the journal; close moves them; ids ascend across a room’s first updates and commits', async () => {
    const dir = dataDir();
    const store = await openCollabStore({ dataDir: dir });
    try {
      expect(await store.appendUpdates([update(0), update(1)])).toEqual([1, 2]);
      const room = { roomId: 'room-2', mode: 'interview', phase: 'waiting', language: 'python', problemId: null, editorLocked: false, lockReason: null, timer: null, recording: false, createdAt: 1, destroyedAt: null, lastSnapshotUpdateId: 0 } as const;
      expect(await store.createRoom(room, [], [{ ...update(2), roomId: 'room-2' }])).toBe(true);
      expect(await store.appendUpdates([update(3)])).toEqual([4]);
      expect(rowsInDatabase(dir).map((r) => r.id)).toEqual([3]); // the room's first update; the others wait in the journal
      expect(await store.latestUpdateId('room-1', 'code')).toBe(4);
      expect(rowsInDatabase(dir).map((r) => r.id)).toEqual([1, 2, 3, 4]);
      const loaded = await store.loadDocument('room-2', 'code');
      expect(loaded.lastUpdateId).toBe(3);
      await store.appendUpdates([update(5)]);
    } finally {
      await store.close();
    }
    expect(rowsInDatabase(dir).map((r) => r.id)).toEqual([1, 2, 3, 4, 5]);
    expect(statSync(join(dir, COLLAB_JOURNAL)).size).toBe(0);
  });

  it('a move that fails (another connection holds the write lock) loses nothing, and commits go on meanwhile', async () => {
    const dir = dataDir();
    const store = await openCollabStore({ dataDir: dir });
    const locker = new Database(join(dir, 'collab.sqlite'));
    try {
      expect(await store.appendUpdates([update(0), update(1)])).toEqual([1, 2]);
      locker.exec('BEGIN IMMEDIATE');
      // The read's move waits out SQLite's busy timeout (5 s) and fails; the rows stay in the journal, and a commit
      // issued while the move is under way is not failed with it.
      const read = store.readLog('room-1', 'code', 0, 100);
      const appended = store.appendUpdates([update(2)]);
      await expect(read).rejects.toThrow(/locked/);
      expect(await appended).toEqual([3]);
      expect(statSync(join(dir, COLLAB_JOURNAL)).size).toBeGreaterThan(3 * 32);
      locker.exec('COMMIT');
      expect((await store.readLog('room-1', 'code', 0, 100)).map((r) => [r.id, r.acceptedAt])).toEqual([
        [1, 1_000],
        [2, 1_001],
        [3, 1_002],
      ]);
    } finally {
      locker.close();
      await store.close();
    }
  }, 20_000);

  it('keeps a row moved before the kill once, and drops a torn last record', async () => {
    const dir = dataDir();
    const first = await openCollabStore({ dataDir: dir });
    await first.appendUpdates([update(0), update(1)]);
    await first.close(); // ids 1 and 2 are in collab.sqlite, the journal is empty
    const keys = new Database(join(dir, 'collab.sqlite'), { readonly: true });
    const docKey = (keys.prepare('SELECT doc_key FROM collab_doc_keys').get() as { doc_key: number }).doc_key;
    keys.close();

    // What a process killed between a move and emptying the journal leaves, then a record cut short.
    const { journal } = UpdateJournal.open(join(dir, COLLAB_JOURNAL));
    journal.append([
      { id: 2, docKey, authorKey: null, acceptedAt: 1_002, bytes: new Uint8Array([9, 9]) },
      { id: 3, docKey, authorKey: null, acceptedAt: 1_003, bytes: new Uint8Array([3, 4, 5]) },
    ]);
    journal.close();
    const whole = statSync(join(dir, COLLAB_JOURNAL)).size;
    appendFileSync(join(dir, COLLAB_JOURNAL), Buffer.from([200, 0, 0, 0, 1, 2, 3, 4, 5, 6, 7, 8]));
    expect(statSync(join(dir, COLLAB_JOURNAL)).size).toBe(whole + 12);

    const second = await openCollabStore({ dataDir: dir });
    try {
      const log = await second.readLog('room-1', 'code', 0, 100);
      expect(log.map((r) => [r.id, [...r.update]])).toEqual([
        [1, [0, 1, 2]],
        [2, [1, 2, 3]], // the row collab.sqlite held, not the journal's copy
        [3, [3, 4, 5]],
      ]);
      expect(await second.appendUpdates([update(7)])).toEqual([4]);
    } finally {
      await second.close();
    }
  });
});
