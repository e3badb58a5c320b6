import { randomUUID } from 'node:crypto';
import * as Y from 'yjs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pollUntil } from '../support/poll.ts';
import { mintCollabToken, recordEvents, startHarness, type Harness } from './support/collab-harness.ts';
import { RawClient, SyncMessageType } from './support/raw-client.ts';
import { boxRecord, pageRecord } from '../support/tldraw-records.ts';

describe('what a document may hold: valid tldraw records, a size limit', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness();
  });
  afterEach(async () => {
    await h.close();
  });

  it('rejects an invalid whiteboard record with invalid-update and never relays it', async () => {
    const roomId = await h.createRoom();
    const host = await h.connect(roomId, 'whiteboard', randomUUID(), 'host');
    const watcher = await h.connect(roomId, 'whiteboard', randomUUID(), 'spectator');
    host.ydoc.getArray('tldraw').push([{ key: 'shape:ok', val: boxRecord('ok') }]);
    await pollUntil(() => watcher.ydoc.getArray('tldraw').length, (n) => n === 1);

    const invalid = [
      { key: 'shape:bad', val: { ...boxRecord('bad'), props: { geo: 'blob' } } }, // fails the shape's props
      { key: 'shape:x', val: boxRecord('y') }, // key is not the record's id
      { key: 'note:1', val: { id: 'note:1', typeName: 'note' } }, // no such record type
      { key: 'instance:i', val: { id: 'instance:i', typeName: 'instance' } }, // not a document record
    ];
    for (const entry of invalid) {
      const token = await mintCollabToken({ userId: randomUUID(), roomId, role: 'candidate' });
      const writer = await RawClient.open(`${h.collabUrl}/${roomId}/whiteboard?token=${token}`);
      await writer.waitFor((m) => m.subType === SyncMessageType.STEP1);
      const doc = new Y.Doc();
      Y.applyUpdate(doc, Y.encodeStateAsUpdate(watcher.ydoc));
      const before = Y.encodeStateVector(doc);
      doc.getArray('tldraw').push([entry]);
      writer.sendSync(SyncMessageType.UPDATE, Y.encodeStateAsUpdate(doc, before));
      await writer.waitFor((m) => m.event?.type === 'update-rejected');
      expect(writer.events('update-rejected')[0]).toMatchObject({ doc: 'whiteboard', reason: 'invalid-update' });
      writer.close();
    }
    // A nested type in the records array is not a record either.
    const nested = new Y.Doc();
    Y.applyUpdate(nested, Y.encodeStateAsUpdate(watcher.ydoc));
    const sv = Y.encodeStateVector(nested);
    nested.getArray('tldraw').push([new Y.Map()]);
    const token = await mintCollabToken({ userId: randomUUID(), roomId, role: 'candidate' });
    const writer = await RawClient.open(`${h.collabUrl}/${roomId}/whiteboard?token=${token}`);
    writer.sendSync(SyncMessageType.UPDATE, Y.encodeStateAsUpdate(nested, sv));
    await writer.waitFor((m) => m.event?.type === 'update-rejected');
    expect(writer.events('update-rejected')[0]).toMatchObject({ reason: 'invalid-update' });
    writer.close();

    host.ydoc.getArray('tldraw').push([{ key: 'page:two', val: pageRecord('two') }]);
    await pollUntil(() => watcher.ydoc.getArray('tldraw').length, (n) => n === 2);
    expect(watcher.ydoc.getArray<{ key: string }>('tldraw').toArray().map((e) => e.key)).toEqual(['shape:ok', 'page:two']);
  });

  it('rejects an update that would take the code document past 4 MiB with document-too-large, and warns host and interviewers', async () => {
    const candidateId = randomUUID();
    const roomId = await h.createRoom({ participants: [{ userId: candidateId, role: 'candidate' }] });
    const host = await h.connect(roomId, 'code', randomUUID(), 'host');
    const hostEvents = recordEvents(host);
    const candidate = await h.connect(roomId, 'code', candidateId, 'candidate');
    const candidateEvents = recordEvents(candidate);
    const chunk = 'x'.repeat(900 * 1024); // under the 1 MiB frame limit
    for (let i = 1; i <= 4; i++) {
      candidate.ydoc.getText('code').insert(0, chunk);
      await pollUntil(() => host.text().length, (n) => n === i * chunk.length, { what: `chunk ${i}` });
    }
    candidate.ydoc.getText('code').insert(0, chunk);
    await pollUntil(() => candidateEvents.filter((e) => e.type === 'update-rejected'), (e) => e.length === 1);
    expect(candidateEvents.find((e) => e.type === 'update-rejected')).toMatchObject({ doc: 'code', reason: 'document-too-large' });
    await pollUntil(() => hostEvents.filter((e) => e.type === 'room-warning'), (e) => e.length === 1);
    expect(hostEvents.find((e) => e.type === 'room-warning')).toMatchObject({ type: 'room-warning', roomId, doc: 'code', reason: 'document-too-large' });
    expect(candidateEvents.some((e) => e.type === 'room-warning')).toBe(false);
    expect(host.text().length).toBe(4 * chunk.length);
  });
});
