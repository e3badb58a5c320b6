import { randomUUID } from 'node:crypto';
import * as Y from 'yjs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MessageType, SyncMessageType } from '../../server/protocol/index.ts';
import { pollUntil } from '../support/poll.ts';
import { mintCollabToken, startHarness, type Harness } from './support/collab-harness.ts';
import { RawClient, syncFrame } from './support/raw-client.ts';
import { boxRecord } from '../support/tldraw-records.ts';

describe('sync with stock y-websocket providers', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness();
  });
  afterEach(async () => {
    await h.close();
  });

  it('converges concurrent edits of two clients without losing a character', async () => {
    const roomId = await h.createRoom({ initialCode: 'start\n', participants: [] });
    const a = await h.connect(roomId, 'code', randomUUID(), 'host');
    const b = await h.connect(roomId, 'code', randomUUID(), 'candidate');
    expect(a.text()).toBe('start\n');
    for (let i = 0; i < 50; i++) {
      a.ydoc.getText('code').insert(0, 'x');
      b.ydoc.getText('code').insert(b.ydoc.getText('code').length, 'y');
    }
    await pollUntil(() => a.text() === b.text() && a.text().length === 106, Boolean, { what: 'convergence' });
    expect(a.text().split('x').length - 1).toBe(50);
    expect(a.text().split('y').length - 1).toBe(50);
    expect(a.ydoc.getMap('meta').get('language')).toBe('python');
  });

  it('gives a late joiner the whole document, whiteboard included', async () => {
    const roomId = await h.createRoom();
    const a = await h.connect(roomId, 'code', randomUUID(), 'host');
    const wa = await h.connect(roomId, 'whiteboard', randomUUID(), 'host');
    a.ydoc.getText('code').insert(0, 'def solve():\n    return 42\n');
    wa.ydoc.getArray('tldraw').push([{ key: 'shape:1', val: boxRecord('1') }]);
    await pollUntil(() => h.server.plane.health().then((x) => x.connections), (n) => n === 2);
    const late = await h.connect(roomId, 'code', randomUUID(), 'spectator');
    await pollUntil(() => late.text(), (t) => t === 'def solve():\n    return 42\n', { what: 'late joiner text' });
    const lateWb = await h.connect(roomId, 'whiteboard', randomUUID(), 'candidate');
    await pollUntil(() => lateWb.ydoc.getArray('tldraw').length, (n) => n === 1, { what: 'late whiteboard' });
  });

  it('speaks first: SyncStep1, then awareness, then room-state on code', async () => {
    const roomId = await h.createRoom({ locked: true });
    const userId = randomUUID();
    const first = await h.connect(roomId, 'code', randomUUID(), 'host');
    first.provider.awareness.setLocalStateField('user', { name: 'Host' });
    await pollUntil(() => h.server.plane.health(), (x) => x.connections === 1);
    const raw = await RawClient.open(`${h.collabUrl}/${roomId}/code?token=${await mintCollabToken({ userId, roomId, role: 'candidate' })}`);
    await raw.waitFor((m) => m.event?.type === 'room-state', 'room-state');
    const types = raw.received.slice(0, 3).map((m) => (m.type === MessageType.SYNC ? `sync${m.subType}` : m.event ? m.event.type : `t${m.type}`));
    expect(types).toEqual(['sync0', 't1', 'room-state']);
    const state = raw.events('room-state')[0]!;
    expect(state).toMatchObject({ type: 'room-state', roomId, phase: 'coding', editorLocked: true, lockReason: 'manual', role: 'candidate', language: 'python', recording: false });
    // SyncStep1 from the client gets the diff as SyncStep2, whatever the role.
    raw.sendSync(SyncMessageType.STEP1, Y.encodeStateVector(new Y.Doc()));
    const step2 = await raw.waitFor((m) => m.type === MessageType.SYNC && m.subType === SyncMessageType.STEP2, 'SyncStep2');
    const doc = new Y.Doc();
    Y.applyUpdate(doc, step2.payload!);
    expect(doc.getMap('meta').get('language')).toBe('python');
    raw.close();
  });

  it('relays an accepted update to every other connection, not back to the sender', async () => {
    const roomId = await h.createRoom();
    const hostId = randomUUID();
    const watcher = await h.connect(roomId, 'code', randomUUID(), 'spectator');
    const raw = await RawClient.open(`${h.collabUrl}/${roomId}/code?token=${await mintCollabToken({ userId: hostId, roomId, role: 'host' })}`);
    await raw.waitFor((m) => m.event?.type === 'room-state');
    const local = new Y.Doc();
    const updates: Uint8Array[] = [];
    local.on('update', (u: Uint8Array) => updates.push(u));
    local.getText('code').insert(0, 'x');
    raw.send(syncFrame(SyncMessageType.UPDATE, updates[0]!));
    await pollUntil(() => watcher.text(), (t) => t === 'x');
    expect(raw.received.filter((m) => m.type === MessageType.SYNC && m.subType === SyncMessageType.UPDATE)).toHaveLength(0);
    raw.close();
  });
});
