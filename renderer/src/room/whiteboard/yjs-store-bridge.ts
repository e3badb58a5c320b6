// tldraw store ⇄ `whiteboard` Y.Doc (collab-plane.md §2: y-utility YKeyValue over getArray('tldraw'),
// one entry per TLRecord). Local user changes go into Yjs as one transaction; remote Yjs changes enter
// the store through mergeRemoteChanges, which marks them 'remote' so they are never echoed back.
import type { TLRecord, TLStore } from 'tldraw';
import { YKeyValue } from 'y-utility/y-keyvalue';
import type * as Y from 'yjs';
import { WHITEBOARD_ARRAY } from '../../../../server/protocol/index.ts';

type Change = { action: 'add' | 'update' | 'delete' };

/**
 * Binds `store` to `doc`. The store is first made to show exactly the document's records (after a resync
 * the old doc's drawings must not survive: collab-plane.md §8 forbids copying a discarded state). Once
 * `synced` resolves, a document that is still empty (a fresh room) gets this store's page records.
 */
export function bindStoreToDoc(store: TLStore, doc: Y.Doc, synced: Promise<void>): { records: () => TLRecord[]; unbind: () => void } {
  const yarray = doc.getArray<{ key: string; val: TLRecord }>(WHITEBOARD_ARRAY);
  const kv = new YKeyValue<TLRecord>(yarray);
  const origin = Symbol('tldraw-store');
  let bound = true;

  const shared = [...kv.map.values()].map((e) => e.val);
  applyRemote(store, shared, documentIdsNotIn(store, kv));
  void synced.then(() => {
    if (!bound || kv.map.size > 0) return;
    doc.transact(() => {
      for (const r of store.allRecords()) if (r.typeName === 'page' || r.typeName === 'document') kv.set(r.id, r);
    }, origin);
  });

  const stopListening = store.listen(
    ({ changes }) => {
      doc.transact(() => {
        for (const r of Object.values(changes.added)) kv.set(r.id, r);
        for (const [, to] of Object.values(changes.updated)) kv.set(to.id, to);
        for (const r of Object.values(changes.removed)) kv.delete(r.id);
      }, origin);
    },
    { source: 'user', scope: 'document' },
  );

  const onChange = (changes: Map<string, Change>, tr: Y.Transaction) => {
    if (tr.origin === origin) return;
    const put: TLRecord[] = [];
    const remove: TLRecord['id'][] = [];
    changes.forEach((change, key) => {
      const val = kv.get(key);
      if (change.action === 'delete' || !val) remove.push(key as TLRecord['id']);
      else put.push(val);
    });
    applyRemote(store, put, remove);
  };
  kv.on('change', onChange);

  return {
    records: () => [...kv.map.values()].map((e) => e.val),
    unbind: () => {
      bound = false;
      stopListening();
      kv.off('change', onChange);
      kv.destroy();
    },
  };
}

function applyRemote(store: TLStore, put: TLRecord[], remove: TLRecord['id'][]): void {
  store.mergeRemoteChanges(() => {
    const present = remove.filter((id) => store.has(id));
    if (present.length) store.remove(present);
    if (put.length) store.put(put);
  });
}

function isDocumentRecord(store: TLStore, r: TLRecord): boolean {
  return store.scopedTypes.document.has(r.typeName);
}

/** Document records the store has and the shared document does not. Pages stay: tldraw needs one to show. */
function documentIdsNotIn(store: TLStore, kv: YKeyValue<TLRecord>): TLRecord['id'][] {
  return store
    .allRecords()
    .filter((r) => isDocumentRecord(store, r) && r.typeName !== 'page' && r.typeName !== 'document' && !kv.map.has(r.id))
    .map((r) => r.id);
}
