import { randomUUID } from 'node:crypto';
import { WebSocket } from 'ws';
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CloseCode, MessageType, SyncMessageType } from '../../server/protocol/index.ts';
import { pollUntil } from '../support/poll.ts';
import { mintCollabToken, startHarness, type Harness } from './support/collab-harness.ts';
import { RawClient, syncFrame } from './support/raw-client.ts';
import { pageRecord } from '../support/tldraw-records.ts';

describe('framing and limits', () => {
  let h: Harness;
  let roomId: string;
  beforeAll(async () => {
    h = await startHarness();
    roomId = await h.createRoom();
  });
  afterAll(async () => {
    await h.close();
  });
  const open = async (doc: 'code' | 'whiteboard' = 'code'): Promise<RawClient> => {
    const token = await mintCollabToken({ userId: randomUUID(), roomId, role: 'host' });
    const c = await RawClient.open(`${h.collabUrl}/${roomId}/${doc}?token=${token}`);
    await c.waitFor((m) => m.type === MessageType.SYNC);
    return c;
  };

  it('closes a text frame with 1008', async () => {
    const c = await open();
    c.send('hello');
    expect(await c.waitForClose()).toBe(CloseCode.POLICY_VIOLATION.code);
  });

  it('closes an undecodable message with 1008 and ignores auth, room-event and unknown types', async () => {
    const ignored = await open();
    ignored.send(new Uint8Array([MessageType.AUTH, 0]));
    ignored.send(new Uint8Array([MessageType.ROOM_EVENT, 2, 0x7b, 0x7d]));
    ignored.send(new Uint8Array([42, 1, 2, 3]));
    ignored.sendSync(SyncMessageType.STEP1, Y.encodeStateVector(new Y.Doc()));
    await ignored.waitFor((m) => m.subType === SyncMessageType.STEP2);
    expect(ignored.closeCode).toBeNull();
    ignored.close();
    for (const frame of [
      new Uint8Array([MessageType.SYNC]),
      new Uint8Array([MessageType.SYNC, SyncMessageType.UPDATE, 5, 1, 2]),
      syncFrame(SyncMessageType.UPDATE, new Uint8Array([200, 200, 200, 200, 200])),
      syncFrame(SyncMessageType.STEP1, new Uint8Array([3, 1])),
      syncFrame(7, new Uint8Array([0])),
    ]) {
      const c = await open();
      c.send(frame);
      expect(await c.waitForClose()).toBe(CloseCode.POLICY_VIOLATION.code);
    }
  });

  it('closes a frame over 1 MiB on code with 1009; whiteboard allows up to 8 MiB', async () => {
    const code = await open('code');
    code.send(new Uint8Array(1024 * 1024 + 16));
    expect(await code.waitForClose()).toBe(CloseCode.MESSAGE_TOO_BIG.code);
    const wb = await open('whiteboard');
    const doc = new Y.Doc();
    doc.getArray('tldraw').push([{ key: 'page:big', val: pageRecord('big', 'Big', { data: 'x'.repeat(2 * 1024 * 1024) }) }]);
    wb.sendSync(SyncMessageType.UPDATE, Y.encodeStateAsUpdate(doc));
    wb.sendSync(SyncMessageType.STEP1, Y.encodeStateVector(new Y.Doc()));
    const step2 = await wb.waitFor((m) => m.subType === SyncMessageType.STEP2);
    expect(step2.payload!.length).toBeGreaterThan(2 * 1024 * 1024);
    wb.close();
  });

  it('closes a connection over 1000 messages per 10 s with 4029', async () => {
    const c = await open();
    const other = await open();
    const query = new Uint8Array([MessageType.QUERY_AWARENESS]);
    for (let i = 0; i < 1001; i++) c.send(query);
    expect(await c.waitForClose()).toBe(CloseCode.RATE_LIMITED.code);
    expect(other.closeCode).toBeNull();
    other.close();
  });
});

describe('ping', () => {
  const p = {} as { h: Harness; roomId: string };
  beforeAll(async () => {
    // Short so the test is quick; answering clients still pass under load (one missed round is allowed).
    p.h = await startHarness({ pingIntervalMs: 250 });
    p.roomId = await p.h.createRoom();
  });
  afterAll(async () => {
    await p.h.close();
  });

  it('terminates a connection that stops answering pings', async () => {
    const token = await mintCollabToken({ userId: randomUUID(), roomId: p.roomId, role: 'host' });
    const silent = new WebSocket(`${p.h.collabUrl}/${p.roomId}/code?token=${token}`, { autoPong: false });
    const closed = new Promise<number>((resolve) => silent.on('close', (code) => resolve(code)));
    const answering = await RawClient.open(`${p.h.collabUrl}/${p.roomId}/code?token=${await mintCollabToken({ userId: randomUUID(), roomId: p.roomId })}`);
    expect(await closed).toBe(1006);
    expect(answering.closeCode).toBeNull();
    answering.close();
  });
});
