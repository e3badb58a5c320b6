// Code snapshots reach the control plane three ways (inline from LockEditor/TakeSnapshot, and through the
// snapshot-ready callback, at least once): all store through here, idempotent by snapshot id, and each
// new one is recorded as a `snapshot` session event.
import * as Y from 'yjs';
import { CODE_TEXT, type CodeSnapshot, type SnapshotTrigger } from '../../protocol/index.ts';
import type { RoomEngine } from './room-engine.ts';

export async function storeCodeSnapshot(engine: RoomEngine, s: CodeSnapshot): Promise<boolean> {
  const takenAt = Date.parse(s.takenAt);
  const bytes = Buffer.from(s.bytes, 'base64');
  // One transaction: a repeat delivery finds the snapshot stored only when its event was stored with it.
  return engine.store.transaction(async () => {
    const stored = await engine.store.sessions.insertSnapshot({ id: s.id, roomId: s.roomId, takenAt, trigger: s.trigger, bytes });
    if (stored) await engine.record(s.roomId, 'snapshot', null, { snapshotId: s.id, trigger: s.trigger, sizeBytes: bytes.length }, takenAt);
    return stored;
  });
}

/** The code text of a snapshot: its bytes applied to an empty Y.Doc, `getText('code')`. */
export function snapshotText(bytes: Uint8Array): string {
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, bytes);
    return doc.getText(CODE_TEXT).toString();
  } finally {
    doc.destroy();
  }
}

export function snapshotView(s: { id: string; roomId: string; takenAt: number; trigger: SnapshotTrigger; bytes: Uint8Array }): CodeSnapshot {
  return {
    id: s.id,
    roomId: s.roomId,
    takenAt: new Date(s.takenAt).toISOString(),
    trigger: s.trigger,
    bytes: Buffer.from(s.bytes).toString('base64'),
    sizeBytes: s.bytes.length,
  };
}
