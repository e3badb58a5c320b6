// Local copy of a room document so that a reload or a closed app loses no edit made offline.
// Desktop: main's SQLite store through the bridge (store:load / store:append / store:clear).
// Browser: IndexedDB through y-indexeddb, one database per server + room + doc.
import { IndexeddbPersistence } from 'y-indexeddb';
import * as Y from 'yjs';
import type { LocalDocKey } from '../../../../preload/api.ts';
import { desktopBridge } from '../../app/desktop-bridge.ts';

export interface LocalPersistence {
  /** Resolves once the stored state has been applied to the doc. */
  whenLoaded: Promise<void>;
  /**
   * Stops persisting and deletes the stored copy: a rejected state is never reused
   * (docs/collab-protocol.md, "Client duties after update-rejected").
   */
  clear(): Promise<void>;
  /** Stops persisting; the stored copy stays. */
  destroy(): void;
  /** The transaction origin of updates applied from the store (they are not new local edits). */
  readonly origin: unknown;
}

const LOCAL_STORE_ORIGIN = Symbol('local-store');

export function persistLocally(key: LocalDocKey, doc: Y.Doc): LocalPersistence {
  const bridge = desktopBridge();
  return bridge ? persistThroughBridge(key, doc, bridge) : persistInIndexedDb(key, doc);
}

export function indexedDbName(key: LocalDocKey): string {
  return `syncode:${key.server}:${key.roomId}:${key.doc}`;
}

function persistInIndexedDb(key: LocalDocKey, doc: Y.Doc): LocalPersistence {
  const idb = new IndexeddbPersistence(indexedDbName(key), doc);
  let stopped = false;
  return {
    origin: idb,
    whenLoaded: idb.whenSynced.then(() => undefined),
    async clear() {
      stopped = true;
      await idb.clearData();
    },
    destroy() {
      if (!stopped) void idb.destroy();
      stopped = true;
    },
  };
}

function persistThroughBridge(key: LocalDocKey, doc: Y.Doc, bridge: NonNullable<ReturnType<typeof desktopBridge>>): LocalPersistence {
  let stopped = false;
  const onUpdate = (update: Uint8Array, origin: unknown) => {
    if (!stopped && origin !== LOCAL_STORE_ORIGIN) void bridge.storeAppend(key, update);
  };
  doc.on('update', onUpdate);
  const whenLoaded = bridge.storeLoad(key).then((stored) => {
    if (stored && !stopped) Y.applyUpdate(doc, stored, LOCAL_STORE_ORIGIN);
  });
  const stop = () => {
    stopped = true;
    doc.off('update', onUpdate);
  };
  return {
    origin: LOCAL_STORE_ORIGIN,
    whenLoaded,
    async clear() {
      stop();
      await bridge.storeClear(key);
    },
    destroy: stop,
  };
}
