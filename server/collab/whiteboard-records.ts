import * as Y from 'yjs';
import { WHITEBOARD_ARRAY } from '../protocol/index.ts';
import type { StoredDocument } from '../storage/collab/index.ts';

/** Stored updates applied per event-loop turn when a whiteboard is read without being loaded. */
const UPDATES_PER_TURN = 200;

/**
 * The current tldraw records of a whiteboard Y.Doc: the value of every key of the client's YKeyValue over
 * `getArray('tldraw')`. Read without writing: y-utility's YKeyValue would delete duplicate entries (and
 * observe the array) when constructed, so its rule is applied here instead — the rightmost entry of a key
 * wins. Entries that are not `{ key, val: object }` are skipped. The values are the document's own objects.
 */
export function whiteboardRecordsOf(ydoc: Y.Doc): Record<string, unknown>[] {
  const latest = new Map<string, Record<string, unknown>>();
  for (const entry of ydoc.getArray<unknown>(WHITEBOARD_ARRAY).toArray()) {
    if (typeof entry !== 'object' || entry === null) continue;
    const { key, val } = entry as { key?: unknown; val?: unknown };
    if (typeof key === 'string' && typeof val === 'object' && val !== null && !Array.isArray(val)) {
      latest.set(key, val as Record<string, unknown>);
    }
  }
  return [...latest.values()];
}

/**
 * The records of a stored (unloaded) whiteboard, built in a throwaway Y.Doc that is never registered as
 * loaded. The log after the checkpoint is applied a slice per event-loop turn, so a long log (a crash
 * before the unload checkpoint) does not hold up the other rooms.
 */
export async function storedWhiteboardRecords(stored: StoredDocument): Promise<Record<string, unknown>[]> {
  const doc = new Y.Doc();
  try {
    doc.getArray(WHITEBOARD_ARRAY); // declared before anything is applied, as in LiveDoc
    if (stored.checkpoint) Y.applyUpdate(doc, stored.checkpoint);
    for (let i = 0; i < stored.updates.length; i += UPDATES_PER_TURN) {
      if (i > 0) await new Promise<void>((resolve) => setImmediate(resolve));
      Y.transact(doc, () => {
        for (const update of stored.updates.slice(i, i + UPDATES_PER_TURN)) Y.applyUpdate(doc, update);
      });
    }
    return whiteboardRecordsOf(doc);
  } finally {
    doc.destroy();
  }
}
