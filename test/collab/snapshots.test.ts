import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { pollUntil } from '../support/poll.ts';
import { mintCollabToken, startHarness, type Harness } from './support/collab-harness.ts';
import { RawClient } from './support/raw-client.ts';
import { snapshotText } from './support/stored-doc.ts';

describe('snapshots: every trigger, snapshot-taken, snapshot-ready', () => {
  let h: Harness;
  afterEach(async () => {
    await h.close();
  });

  it('periodic while coding, skipped when nothing changed, stopped outside coding/wrapup', async () => {
    h = await startHarness({ snapshotIntervalMs: 100 });
    const roomId = await h.createRoom({ phase: 'coding', initialCode: 'a' });
    const periodic = () => h.callbacks.allSnapshotItems().filter((s) => s.roomId === roomId && s.trigger === 'periodic');
    await pollUntil(periodic, (s) => s.length === 1, { what: 'first periodic snapshot' });
    const host = await h.connect(roomId, 'code', randomUUID(), 'host');
    // Unchanged document: the next three ticks are skipped (absence needs a wait).
    await new Promise((r) => setTimeout(r, 350));
    expect(periodic()).toHaveLength(1);
    host.ydoc.getText('code').insert(1, 'b');
    await pollUntil(periodic, (s) => s.length === 2 && snapshotText(s.at(-1)!.bytes) === 'ab');
    await h.control.pushEvent(roomId, { type: 'phase-changed', from: 'coding', to: 'wrapup', by: null });
    await h.control.pushEvent(roomId, { type: 'phase-changed', from: 'wrapup', to: 'finished', by: null });
    const afterFinish = periodic().length;
    host.ydoc.getText('code').insert(2, 'c');
    await new Promise((r) => setTimeout(r, 350)); // three intervals: none may fire after `finished`
    expect(periodic().length).toBe(afterFinish);
  });

  it('phase-change (not into finished), submit, manual and session-end, each with snapshot-taken', async () => {
    h = await startHarness();
    const roomId = await h.createRoom({ phase: 'waiting', initialCode: 'x = 1' });
    const raw = await RawClient.open(`${h.collabUrl}/${roomId}/code?token=${await mintCollabToken({ userId: randomUUID(), roomId, role: 'host' })}`);
    await raw.waitFor((m) => m.event?.type === 'room-state');

    await h.control.pushEvent(roomId, { type: 'phase-changed', from: 'waiting', to: 'coding', by: null });
    await raw.waitFor((m) => m.event?.type === 'snapshot-taken');
    const types = raw.events().map((e) => e.type);
    expect(types.indexOf('phase-changed')).toBeLessThan(types.indexOf('snapshot-taken'));

    const lock = await h.control.lockEditor(roomId, { locked: true, reason: 'submit', by: null, snapshot: true });
    expect(lock.snapshot).toMatchObject({ roomId, trigger: 'submit' });
    expect(snapshotText(lock.snapshot!.bytes)).toBe('x = 1');
    expect(lock.snapshot!.sizeBytes).toBe(Buffer.from(lock.snapshot!.bytes, 'base64').length);

    const manual = await h.control.takeSnapshot(roomId, 'manual');
    expect(manual.snapshot.trigger).toBe('manual');

    const destroyed = await h.control.destroyDocument(roomId, 'finished');
    expect(await raw.waitForClose()).toBe(4003);
    const closedEvent = raw.events('room-closed')[0];
    expect(closedEvent).toMatchObject({ type: 'room-closed', reason: 'finished' });
    expect(raw.events().at(-1)!.type).toBe('room-closed');

    const taken = raw.events('snapshot-taken').map((e) => (e.type === 'snapshot-taken' ? e.trigger : null));
    expect(taken).toEqual(['phase-change', 'submit', 'manual', 'session-end']);
    const items = h.callbacks.allSnapshotItems().filter((s) => s.roomId === roomId);
    expect(items.map((s) => `${s.doc}:${s.trigger}`).sort()).toEqual(
      ['code:manual', 'code:phase-change', 'code:session-end', 'code:submit', 'whiteboard:session-end'].sort(),
    );
    expect(items.find((s) => s.id === lock.snapshot!.id)).toBeDefined();
    expect(destroyed.finalSnapshots.code).toBe(items.find((s) => s.doc === 'code' && s.trigger === 'session-end')!.id);
    expect(destroyed.finalSnapshots.whiteboard).toBe(items.find((s) => s.doc === 'whiteboard')!.id);
    await expect(h.control.takeSnapshot(roomId, 'manual')).rejects.toMatchObject({ code: 'ROOM_CLOSED' });
    await expect(h.control.destroyDocument(roomId, 'finished')).rejects.toMatchObject({ code: 'ROOM_CLOSED' });
  });

  it('re-sends unacknowledged session-end snapshots after a restart, until acknowledged', async () => {
    h = await startHarness();
    const roomId = await h.createRoom({ initialCode: 'final answer' });
    h.callbacks.refuseSnapshots = true;
    const destroyed = await h.control.destroyDocument(roomId, 'finished');
    expect(h.callbacks.allSnapshotItems().filter((s) => s.roomId === roomId)).toHaveLength(0);
    h.callbacks.refuseSnapshots = false;
    await h.restart();
    await pollUntil(() => h.callbacks.allSnapshotItems().filter((s) => s.roomId === roomId), (s) => s.length === 2);
    const items = h.callbacks.allSnapshotItems();
    expect(items.map((s) => s.id).sort()).toEqual([destroyed.finalSnapshots.code, destroyed.finalSnapshots.whiteboard].sort());
    expect(snapshotText(items.find((s) => s.doc === 'code')!.bytes)).toBe('final answer');
    // Acknowledged now: a further restart does not send them again.
    await h.restart();
    await new Promise((r) => setTimeout(r, 100));
    expect(h.callbacks.allSnapshotItems()).toHaveLength(2);
  });
});
