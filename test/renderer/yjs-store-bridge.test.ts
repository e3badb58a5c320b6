import { createTLStore, defaultShapeUtils, type TLRecord } from 'tldraw';
import { describe, expect, it } from 'vitest';
import { YKeyValue } from 'y-utility/y-keyvalue';
import * as Y from 'yjs';
import { bindStoreToDoc } from '../../renderer/src/room/whiteboard/yjs-store-bridge.ts';
import { boxRecord, pageRecord } from '../support/tldraw-records.ts';

// The real tldraw store (it runs in Node): a record it refuses is skipped and reported, the rest applied.
describe('whiteboard store bridge', () => {
  it('skips and reports a remote record the store cannot apply, and keeps applying the others', async () => {
    const store = createTLStore({ shapeUtils: defaultShapeUtils });
    const doc = new Y.Doc();
    const skipped: unknown[] = [];
    const bound = bindStoreToDoc(store, doc, Promise.resolve(), (record) => skipped.push(record));
    await Promise.resolve();

    // A remote peer (another Y.Doc) writes a batch with one bad record between good ones.
    const remote = new Y.Doc();
    const kv = new YKeyValue<Record<string, unknown>>(remote.getArray('tldraw'));
    const bad = { ...boxRecord('bad'), props: { geo: 'blob' } };
    remote.transact(() => {
      kv.set('page:page', pageRecord('page'));
      kv.set('shape:bad', bad);
      kv.set('shape:good', boxRecord('good', 10, 20));
    });
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(remote));
    expect(skipped).toEqual([bad]);
    expect(store.has('shape:good' as TLRecord['id'])).toBe(true);
    expect(store.has('shape:bad' as TLRecord['id'])).toBe(false);

    // Later changes still flow.
    const before = Y.encodeStateVector(remote);
    kv.set('shape:later', boxRecord('later'));
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(remote, before));
    expect(store.has('shape:later' as TLRecord['id'])).toBe(true);
    bound.unbind();
  });
});
