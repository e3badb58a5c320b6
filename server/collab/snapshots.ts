import { randomUUID } from 'node:crypto';
import * as Y from 'yjs';
import type { CodeSnapshot, SnapshotReadyItem, SnapshotTrigger } from '../protocol/index.ts';
import type { PlaneCore } from './plane-core.ts';
import type { Room } from './room.ts';

/** Phases during which periodic snapshots run (docs/collab-protocol.md, "Snapshot triggers"). */
const PERIODIC_PHASES = ['coding', 'wrapup'] as const;

/**
 * A code snapshot of the authoritative document: committed state only (the write-ahead queue is
 * flushed first), `snapshot-taken` to the room. Delivery through the callback is the caller's (`deliver`).
 */
export function takeCodeSnapshot(core: PlaneCore, room: Room, trigger: SnapshotTrigger): { snapshot: CodeSnapshot; item: SnapshotReadyItem } {
  const doc = core.doc(room, 'code');
  core.flush();
  const bytes = Y.encodeStateAsUpdate(doc.ydoc);
  const takenAt = new Date().toISOString();
  const snapshot: CodeSnapshot = {
    id: randomUUID(),
    roomId: room.id,
    takenAt,
    trigger,
    bytes: Buffer.from(bytes).toString('base64'),
    sizeBytes: bytes.length,
  };
  room.record.lastSnapshotUpdateId = doc.lastUpdateId;
  core.store.updateRoom(room.id, { lastSnapshotUpdateId: doc.lastUpdateId });
  core.sendEvent(room, {
    type: 'snapshot-taken',
    roomId: room.id,
    at: takenAt,
    snapshotId: snapshot.id,
    trigger,
    takenAt,
    sizeBytes: snapshot.sizeBytes,
  });
  return { snapshot, item: { ...snapshot, doc: 'code' } };
}

/** The whiteboard state at session end: not a CodeSnapshot, no `snapshot-taken`. */
export function takeWhiteboardState(core: PlaneCore, room: Room): SnapshotReadyItem {
  const doc = core.doc(room, 'whiteboard');
  core.flush();
  const bytes = Y.encodeStateAsUpdate(doc.ydoc);
  return {
    id: randomUUID(),
    roomId: room.id,
    doc: 'whiteboard',
    takenAt: new Date().toISOString(),
    trigger: 'session-end',
    bytes: Buffer.from(bytes).toString('base64'),
    sizeBytes: bytes.length,
  };
}

/**
 * Hands snapshots to the control plane (the snapshot-ready callback). Session-end snapshots are kept in the store until
 * acknowledged, so they survive a collab restart and are never dropped. Real-time work never waits on it.
 */
export function deliverSnapshots(core: PlaneCore, items: SnapshotReadyItem[]): void {
  const kept = items.filter((i) => i.trigger === 'session-end');
  if (kept.length > 0) core.store.addPendingSnapshots(kept);
  core.callbacks.snapshotReady({ snapshots: items }).then(
    () => {
      if (kept.length > 0) core.store.removePendingSnapshots(kept.map((i) => i.id));
    },
    (error: unknown) => core.log.warn('snapshot-ready callback failed', { error: String(error) }),
  );
}

/** Starts or stops the room's periodic scheduler to match its phase. */
export function schedulePeriodic(core: PlaneCore, room: Room, intervalMs: number): void {
  const wanted = room.record.destroyedAt === null && (PERIODIC_PHASES as readonly string[]).includes(room.record.phase);
  if (!wanted) {
    if (room.periodicTimer) clearInterval(room.periodicTimer);
    room.periodicTimer = null;
    return;
  }
  if (room.periodicTimer) return;
  room.periodicTimer = setInterval(() => {
    try {
      const loaded = room.docs.get('code');
      if (loaded) core.flush();
      const latest = loaded ? loaded.lastUpdateId : core.store.latestUpdateId(room.id, 'code');
      // Skipped when nothing was accepted since the previous code snapshot.
      if (latest <= room.record.lastSnapshotUpdateId) return;
      deliverSnapshots(core, [takeCodeSnapshot(core, room, 'periodic').item]);
    } catch (error) {
      core.log.error('periodic snapshot failed', { error: String(error), roomId: room.id });
    }
  }, intervalMs);
  room.periodicTimer.unref();
}

/** After a restart (one process): periodic schedulers for every room in a timed phase. */
export function resumePeriodicSnapshots(core: PlaneCore, intervalMs: number): void {
  for (const record of core.store.listLiveRooms(PERIODIC_PHASES)) {
    const room = core.room(record.roomId);
    if (room) schedulePeriodic(core, room, intervalMs);
  }
}

/** After a restart: unacknowledged session-end snapshots are delivered again (receivers are idempotent by id). */
export function resendPendingSnapshots(core: PlaneCore): void {
  const pending = core.store.listPendingSnapshots();
  if (pending.length > 0) {
    core.callbacks.snapshotReady({ snapshots: pending }).then(
      () => core.store.removePendingSnapshots(pending.map((i) => i.id)),
      (error: unknown) => core.log.warn('re-sending session-end snapshots failed', { error: String(error) }),
    );
  }
}
