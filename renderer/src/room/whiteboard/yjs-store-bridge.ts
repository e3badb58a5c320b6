// tldraw store ⇄ `whiteboard` Y.Doc (y-utility YKeyValue over getArray('tldraw'), one entry per TLRecord). Local user changes go into Yjs as one transaction; remote Yjs changes enter
// the store through mergeRemoteChanges, which marks them 'remote' so they are never echoed back.
import type { TLRecord, TLStore } from 'tldraw';
import { YKeyValue } from 'y-utility/y-keyvalue';
import type * as Y from 'yjs';
import { WHITEBOARD_ARRAY } from '../../../../server/protocol/index.ts';

type Change = { action: 'add' | 'update' | 'delete' };

/**
 * Binds `store` to `doc`. The store is first made to show exactly the document's records (after a resync
 * the old doc's drawings must not survive: a discarded state is never copied into a new document). Once
 * `synced` resolves, a document that is still empty (a fresh room) gets this store's page records. A remote
 * record the store refuses (it fails the schema) is skipped and reported through `onSkipped`; the others
 * are still applied.
 */
export function bindStoreToDoc(
  store: TLStore,
  doc: Y.Doc,
  synced: Promise<void>,
  onSkipped: (record: unknown, error: unknown) => void = reportSkipped,
): { records: () => TLRecord[]; unbind: () => void } {
  const yarray = doc.getArray<{ key: string; val: TLRecord }>(WHITEBOARD_ARRAY);
  const kv = new YKeyValue<TLRecord>(yarray);
  const origin = Symbol('tldraw-store');
  let bound = true;

  const shared = [...kv.map.values()].map((e) => e.val);
  applyRemote(store, shared, documentIdsNotIn(store, kv), onSkipped);
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
    applyRemote(store, put, remove, onSkipped);
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

/**
 * Applies remote changes in one batch. `store.put` throws on a record that fails the schema, so when the
 * batch fails the records go in one by one and only those the store refuses are skipped.
 */
function applyRemote(store: TLStore, put: TLRecord[], remove: TLRecord['id'][], onSkipped: (record: unknown, error: unknown) => void): void {
  store.mergeRemoteChanges(() => {
    const present = remove.filter((id) => store.has(id));
    if (present.length) store.remove(present);
    if (put.length === 0) return;
    try {
      store.put(put);
    } catch {
      for (const record of put) {
        try {
          store.put([record]);
        } catch (error) {
          onSkipped(record, error);
        }
      }
    }
  });
}

function reportSkipped(record: unknown, error: unknown): void {
  console.warn('whiteboard: skipped a record the board cannot show', (record as { id?: unknown } | null)?.id, error);
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
