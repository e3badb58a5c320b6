import * as Y from 'yjs';
import { openCollabStore } from '../../../server/storage/collab/index.ts';
import type { CollabDoc } from '../../../server/protocol/index.ts';

/**
 * What the store holds for a document (latest checkpoint + every logged update), read through the repository
 * on its own connection: `at` is a harness or test server (its data directory and, on PostgreSQL, database).
 */
export async function storedDoc(at: { dataDir: string; databaseUrl?: string | undefined }, roomId: string, doc: CollabDoc = 'code'): Promise<Y.Doc> {
  const store = await openCollabStore({ dataDir: at.dataDir, ...(at.databaseUrl ? { databaseUrl: at.databaseUrl } : {}) });
  try {
    const stored = await store.loadDocument(roomId, doc);
    const ydoc = new Y.Doc();
    if (stored.checkpoint) Y.applyUpdate(ydoc, stored.checkpoint);
    for (const u of stored.updates) Y.applyUpdate(ydoc, u);
    return ydoc;
  } finally {
    await store.close();
  }
}

export function snapshotText(base64: string): string {
  const ydoc = new Y.Doc();
  Y.applyUpdate(ydoc, Buffer.from(base64, 'base64'));
  return ydoc.getText('code').toString();
}
