import * as Y from 'yjs';
import { openSqliteCollabStore } from '../../../server/storage/collab/index.ts';
import type { CollabDoc } from '../../../server/protocol/index.ts';

/** What the store holds for a document (latest checkpoint + every logged update), read through the repository. */
export function storedDoc(dataDir: string, roomId: string, doc: CollabDoc = 'code'): Y.Doc {
  const store = openSqliteCollabStore(dataDir);
  try {
    const stored = store.loadDocument(roomId, doc);
    const ydoc = new Y.Doc();
    if (stored.checkpoint) Y.applyUpdate(ydoc, stored.checkpoint);
    for (const u of stored.updates) Y.applyUpdate(ydoc, u);
    return ydoc;
  } finally {
    store.close();
  }
}

export function snapshotText(base64: string): string {
  const ydoc = new Y.Doc();
  Y.applyUpdate(ydoc, Buffer.from(base64, 'base64'));
  return ydoc.getText('code').toString();
}
