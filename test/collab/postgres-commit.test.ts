// Write-ahead and group commit on PostgreSQL, watched from the database itself over separate connections: one
// holds a lock on the log table so the server's commit has to wait, another reads the log the moment a peer
// receives a relay. PostgreSQL only (SYNCODE_TEST_DATABASE=postgres): an embedded SQLite commit cannot be held
// up from the same process without stopping the server's event loop along with it.
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import * as Y from 'yjs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MessageType, SyncMessageType } from '../../server/protocol/index.ts';
import { pollUntil } from '../support/poll.ts';
import { testBackend } from '../support/test-database.ts';
import { mintCollabToken, startHarness, type Harness } from './support/collab-harness.ts';
import { RawClient, syncFrame, type ReceivedMessage } from './support/raw-client.ts';

describe.skipIf(testBackend() !== 'postgres')('write-ahead and group commit on PostgreSQL', () => {
  let h: Harness;
  /** Holds the log table locked while a test says so. */
  let locker: pg.Client;
  /** Reads the log while the locker holds it. */
  let reader: pg.Client;
  const clients: RawClient[] = [];

  beforeEach(async () => {
    h = await startHarness({ rateLimits: false });
    locker = new pg.Client({ connectionString: h.databaseUrl });
    reader = new pg.Client({ connectionString: h.databaseUrl });
    await Promise.all([locker.connect(), reader.connect()]);
  });
  afterEach(async () => {
    for (const c of clients.splice(0)) c.close();
    await Promise.all([locker.end(), reader.end()]);
    await h.close();
  });

  async function join(roomId: string): Promise<RawClient> {
    const token = await mintCollabToken({ userId: randomUUID(), roomId, role: 'host' });
    const client = await RawClient.open(`${h.collabUrl}/${roomId}/code?token=${token}`);
    clients.push(client);
    await client.waitFor((m) => m.event?.type === 'room-state', 'room-state');
    return client;
  }

  /** An insert into an empty text by a fresh Yjs client: content of its own, depending on nothing. */
  function freshInsert(text: string): Uint8Array {
    const doc = new Y.Doc();
    doc.getText('code').insert(0, text);
    return Y.encodeStateAsUpdate(doc);
  }

  /** Locks the log against inserts (reads still pass) until `unlockLog`. */
  async function lockLog(): Promise<void> {
    await locker.query('BEGIN');
    await locker.query('LOCK TABLE collab_log IN SHARE ROW EXCLUSIVE MODE');
  }

  const unlockLog = async (): Promise<void> => void (await locker.query('COMMIT'));

  /** Until the server's insert into the log is waiting for the lock: its commit has started. */
  async function commitWaiting(): Promise<void> {
    const waiting = async () =>
      (await reader.query<{ n: number }>(`SELECT count(*)::int AS n FROM pg_locks WHERE relation = 'collab_log'::regclass AND NOT granted`)).rows[0]!.n;
    await pollUntil(waiting, (n) => n > 0, { what: 'the server commit waiting on the locked log' });
  }

  /** Until the server has handled every frame `client` sent so far: its reply to a query-awareness comes after them. */
  async function handled(client: RawClient): Promise<void> {
    const before = client.received.filter((m) => m.type === MessageType.AWARENESS).length;
    client.send(Uint8Array.of(MessageType.QUERY_AWARENESS));
    await pollUntil(() => client.received.filter((m) => m.type === MessageType.AWARENESS).length, (n) => n > before, { what: 'query-awareness reply' });
  }

  const relays = (client: RawClient): Uint8Array[] =>
    client.received.filter((m: ReceivedMessage) => m.type === MessageType.SYNC && m.subType === SyncMessageType.UPDATE).map((m) => m.payload!);

  async function logRows(roomId: string): Promise<{ id: number; tx: string; command: string; user_id: string | null; bytes: Buffer }[]> {
    const result = await reader.query(
      `SELECT l.id::int AS id, l.xmin::text AS tx, l.cmin::text AS command, a.user_id, l.bytes
       FROM collab_log l JOIN collab_doc_keys d ON d.doc_key = l.doc_key LEFT JOIN collab_authors a ON a.author_key = l.author_key
       WHERE d.room_id = $1 AND d.doc = 'code' ORDER BY l.id`,
      [roomId],
    );
    return result.rows;
  }

  it('an update is in the log table before a peer receives it, and not relayed while its commit waits', async () => {
    const roomId = await h.createRoom();
    const sender = await join(roomId);
    const peer = await join(roomId);
    // What the log held at the moment each relay arrived, read from outside the server.
    const seenAtArrival: Promise<Buffer[]>[] = [];
    peer.ws.on('message', (data: Buffer) => {
      if (data[0] === MessageType.SYNC && data[1] === SyncMessageType.UPDATE) {
        seenAtArrival.push(logRows(roomId).then((rows) => rows.map((r) => r.bytes)));
      }
    });

    await lockLog();
    const update = freshInsert('durable');
    sender.sendSync(SyncMessageType.UPDATE, update);
    await commitWaiting();
    await handled(peer);
    expect(relays(peer)).toEqual([]);
    expect((await logRows(roomId)).map((r) => Buffer.compare(r.bytes, update))).not.toContain(0);

    await unlockLog();
    await pollUntil(() => relays(peer).length, (n) => n === 1, { what: 'the relay' });
    expect(relays(peer)[0]).toEqual(update);
    const logged = await Promise.all(seenAtArrival);
    expect(logged).toHaveLength(1);
    expect(logged[0]!.map((bytes) => new Uint8Array(bytes))).toContainEqual(update);
  });

  it('updates of several clients accepted during a commit go in one multi-row insert, ids ascending in acceptance order', async () => {
    const roomId = await h.createRoom();
    const peer = await join(roomId);
    const writers = [await join(roomId), await join(roomId), await join(roomId), await join(roomId)];
    const updates = writers.map((_, i) => freshInsert(`writer ${i};`));

    await lockLog();
    writers[0]!.sendSync(SyncMessageType.UPDATE, updates[0]!);
    await commitWaiting();
    // The first commit is held; the others are accepted one after another and wait for the next commit.
    for (let i = 1; i < writers.length; i++) {
      writers[i]!.sendSync(SyncMessageType.UPDATE, updates[i]!);
      await handled(writers[i]!);
    }
    await handled(peer);
    expect(relays(peer)).toEqual([]);
    await unlockLog();

    await pollUntil(() => relays(peer).length, (n) => n === writers.length, { what: 'every relay' });
    expect(relays(peer)).toEqual(updates);
    const rows = (await logRows(roomId)).slice(1); // after the room's initial state
    expect(rows.map((r) => new Uint8Array(r.bytes))).toEqual(updates);
    const ids = rows.map((r) => r.id);
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    // The first update's commit alone; the three accepted behind it together: one transaction, one statement.
    const [first, ...batch] = rows;
    expect(new Set(batch.map((r) => `${r.tx}/${r.command}`)).size).toBe(1);
    expect(batch[0]!.tx).not.toBe(first!.tx);
  });
});
