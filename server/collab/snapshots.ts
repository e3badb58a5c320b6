import { randomUUID } from 'node:crypto';
import * as Y from 'yjs';
import type { CodeSnapshot, SnapshotReadyItem, SnapshotTrigger } from '../protocol/index.ts';
import type { PlaneCore } from './plane-core.ts';
import type { Room } from './room.ts';
import { errorFields } from '../error-fields.ts';

/** Phases during which periodic snapshots run (docs/collab-protocol.md, "Snapshot triggers"). */
const PERIODIC_PHASES = ['coding', 'wrapup'] as const;

/**
 * A code snapshot of the authoritative document: committed state only (read when everything applied is
 * committed), `snapshot-taken` to the room. Delivery through the callback is the caller's (`deliver`).
 */
export async function takeCodeSnapshot(core: PlaneCore, room: Room, trigger: SnapshotTrigger): Promise<{ snapshot: CodeSnapshot; item: SnapshotReadyItem }> {
  const doc = await core.doc(room, 'code');
  const { bytes, upTo } = await core.whenAllCommitted(doc, (d) => ({ bytes: Y.encodeStateAsUpdate(d.ydoc), upTo: d.lastUpdateId }));
  const takenAt = new Date().toISOString();
  const snapshot: CodeSnapshot = {
    id: randomUUID(),
    roomId: room.id,
    takenAt,
    trigger,
    bytes: Buffer.from(bytes).toString('base64'),
    sizeBytes: bytes.length,
  };
  room.record.lastSnapshotUpdateId = upTo;
  await core.writer.write(() => core.store.updateRoom(room.id, { lastSnapshotUpdateId: upTo }));
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
export async function takeWhiteboardState(core: PlaneCore, room: Room): Promise<SnapshotReadyItem> {
  const doc = await core.doc(room, 'whiteboard');
  const bytes = await core.whenAllCommitted(doc, (d) => Y.encodeStateAsUpdate(d.ydoc));
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
 * acknowledged, so they survive a collab restart and are never dropped (the acknowledgement's removal is
 * written after them, in order). Real-time work never waits on it.
 */
export function deliverSnapshots(core: PlaneCore, items: SnapshotReadyItem[]): void {
  const kept = items.filter((i) => i.trigger === 'session-end');
  if (kept.length > 0) core.writer.persist(() => core.store.addPendingSnapshots(kept), 'keeping session-end snapshots');
  core.callbacks.snapshotReady({ snapshots: items }).then(
    () => {
      if (kept.length > 0) forgetPending(core, kept);
    },
    (error: unknown) => core.log.warn('snapshot-ready callback failed', { error: String(error) }),
  );
}

function forgetPending(core: PlaneCore, items: readonly SnapshotReadyItem[]): void {
  core.writer.persist(() => core.store.removePendingSnapshots(items.map((i) => i.id)), 'removing acknowledged snapshots');
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
    core
      .exclusive(room.id, async () => {
        // The room may have closed (or left its timed phase) while this tick waited for the room's turn.
        if (room.periodicTimer === null) return;
        const loaded = room.docs.get('code');
        const latest = loaded ? await core.whenAllCommitted(loaded, (d) => d.lastUpdateId) : await core.store.latestUpdateId(room.id, 'code');
        // Skipped when nothing was accepted since the previous code snapshot.
        if (latest <= room.record.lastSnapshotUpdateId) return;
        deliverSnapshots(core, [(await takeCodeSnapshot(core, room, 'periodic')).item]);
      })
      .catch((error: unknown) => core.log.error('periodic snapshot failed', { ...errorFields(error), roomId: room.id }));
  }, intervalMs);
  room.periodicTimer.unref();
}

/** After a restart (one process): periodic schedulers for every room in a timed phase. */
export async function resumePeriodicSnapshots(core: PlaneCore, intervalMs: number): Promise<void> {
  for (const record of await core.store.listLiveRooms(PERIODIC_PHASES)) {
    const room = await core.room(record.roomId);
    if (room) schedulePeriodic(core, room, intervalMs);
  }
}

/** After a restart: unacknowledged session-end snapshots are delivered again (receivers are idempotent by id). */
export async function resendPendingSnapshots(core: PlaneCore): Promise<void> {
  const pending = await core.store.listPendingSnapshots();
  if (pending.length > 0) {
    core.callbacks.snapshotReady({ snapshots: pending }).then(
      () => forgetPending(core, pending),
      (error: unknown) => core.log.warn('re-sending session-end snapshots failed', { error: String(error) }),
    );
  }
}
