import { randomUUID } from 'node:crypto';
import * as Y from 'yjs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pollUntil } from '../support/poll.ts';
import { connectProvider, mintCollabToken, recordEvents, startHarness, type Harness } from './support/collab-harness.ts';
import { RawClient, syncFrame, SyncMessageType } from './support/raw-client.ts';
import { snapshotText, storedDoc } from './support/stored-doc.ts';

describe('write enforcement and the rejected-update guarantee', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness();
  });
  afterEach(async () => {
    await h.close();
  });

  it('a spectator is read-only on both documents', async () => {
    const roomId = await h.createRoom({ initialCode: 'base' });
    const host = await h.connect(roomId, 'code', randomUUID(), 'host');
    const spectator = await h.connect(roomId, 'code', randomUUID(), 'spectator');
    const events = recordEvents(spectator);
    spectator.ydoc.getText('code').insert(0, 'SPECTATOR');
    await pollUntil(() => events.filter((e) => e.type === 'update-rejected'), (e) => e.length === 1);
    expect(events[0]).toMatchObject({ type: 'update-rejected', doc: 'code', reason: 'read-only-role', resync: true });
    const wb = await h.connect(roomId, 'whiteboard', randomUUID(), 'spectator');
    const wbEvents = recordEvents(wb);
    wb.ydoc.getArray('tldraw').push(['x']);
    await pollUntil(() => wbEvents.length, (n) => n === 1);
    expect(wbEvents[0]).toMatchObject({ doc: 'whiteboard', reason: 'read-only-role' });
    host.ydoc.getText('code').insert(4, '!');
    await pollUntil(() => spectator.text(), (t) => t.endsWith('base!'));
    expect(host.text()).toBe('base!');
  });

  it('locked candidate: rejected content never reaches the host, the store or a snapshot — after unlock, reconnect and restart', async () => {
    const candidateId = randomUUID();
    const roomId = await h.createRoom({ initialCode: 'print(1)\n', participants: [{ userId: candidateId, role: 'candidate' }] });
    const host = await h.connect(roomId, 'code', randomUUID(), 'host');
    const candidate = await h.connect(roomId, 'code', candidateId, 'candidate');
    const events = recordEvents(candidate);
    const lock = await h.control.lockEditor(roomId, { locked: true, reason: 'manual', by: null });
    expect(lock).toEqual({ roomId, locked: true, snapshot: null });
    await pollUntil(() => events.some((e) => e.type === 'editor-lock'), Boolean);

    candidate.ydoc.getText('code').insert(0, 'SECRET');
    candidate.ydoc.getText('code').delete(6, 5); // deletes "print" while locked
    await pollUntil(() => events.filter((e) => e.type === 'update-rejected'), (e) => e.length >= 1);
    expect(events.find((e) => e.type === 'update-rejected')).toMatchObject({ reason: 'editor-locked', doc: 'code' });

    // Same connection after the lock is lifted: still refused (taint + ban).
    await h.control.lockEditor(roomId, { locked: false, reason: null, by: null });
    // Notices after the first come at most once per second, so the next one is due a second later.
    const first = events.find((e) => e.type === 'update-rejected')!;
    await pollUntil(() => Date.now() - Date.parse(first.at), (ms) => ms > 1050);
    candidate.ydoc.getText('code').insert(0, 'MORE');
    await pollUntil(() => events.filter((e) => e.type === 'update-rejected').length, (n) => n >= 2, { timeoutMs: 5000 });

    // Reconnect with the old local document: its SyncStep2 re-sends everything; probation refuses it.
    const second = events.filter((e) => e.type === 'update-rejected')[1]!;
    await pollUntil(() => Date.now() - Date.parse(second.at), (ms) => ms > 1050);
    candidate.provider.disconnect();
    candidate.provider.connect();
    await pollUntil(() => candidate.provider.synced, Boolean);
    await pollUntil(() => events.filter((e) => e.type === 'update-rejected').length, (n) => n >= 3, { timeoutMs: 5000 });

    const guaranteed = async (): Promise<void> => {
      const snap = await h.control.takeSnapshot(roomId, 'manual');
      for (const text of [host.text(), (await storedDoc(h, roomId)).getText('code').toString(), snapshotText(snap.snapshot.bytes)]) {
        expect(text).toBe('print(1)\nok');
      }
    };
    host.ydoc.getText('code').insert(host.text().length, 'ok');
    await pollUntil(async () => (await storedDoc(h, roomId)).getText('code').toString(), (t) => t === 'print(1)\nok');
    await guaranteed();

    // Restart: bans and flags survive; a client carrying the old state is still refused.
    const oldState = Y.encodeStateAsUpdate(candidate.ydoc);
    candidate.destroy();
    host.destroy();
    await h.restart();
    const hostAgain = await h.connect(roomId, 'code', randomUUID(), 'host');
    // The old local document (same clientID, the rejected insert and delete) comes back in the SyncStep2.
    const revived = new Y.Doc();
    Y.applyUpdate(revived, oldState);
    const token = await mintCollabToken({ userId: candidateId, roomId, role: 'candidate' });
    const replay = connectProvider(h.collabUrl, roomId, 'code', token, revived);
    const replayEvents = recordEvents(replay);
    await pollUntil(() => replayEvents.some((e) => e.type === 'update-rejected'), Boolean, { timeoutMs: 5000 });
    // R3 comes before R4: the rejected insert's clientID is banned.
    expect(replayEvents.find((e) => e.type === 'update-rejected')).toMatchObject({ reason: 'banned-client' });
    replay.destroy();
    // A re-sent deletion carries no clientID of its own: probation refuses it (R4).
    const deleter = new Y.Doc();
    Y.applyUpdate(deleter, Y.encodeStateAsUpdate(hostAgain.ydoc));
    deleter.getText('code').delete(0, 5);
    const deleting = connectProvider(h.collabUrl, roomId, 'code', token, deleter);
    const deletingEvents = recordEvents(deleting);
    await pollUntil(() => deletingEvents.some((e) => e.type === 'update-rejected'), Boolean, { timeoutMs: 5000 });
    expect(deletingEvents.find((e) => e.type === 'update-rejected')).toMatchObject({ reason: 'resync-required' });
    deleting.destroy();
    await pollUntil(() => hostAgain.text(), (t) => t === 'print(1)\nok');
    const snap = await h.control.takeSnapshot(roomId, 'manual');
    expect(snapshotText(snap.snapshot.bytes)).toBe('print(1)\nok');
    expect((await storedDoc(h, roomId)).getText('code').toString()).toBe('print(1)\nok');

    // The client's obligations after a rejection: a fresh Y.Doc ends probation and edits are accepted again.
    const fresh = await h.connect(roomId, 'code', candidateId, 'candidate');
    fresh.ydoc.getText('code').insert(0, '# ');
    await pollUntil(() => hostAgain.text(), (t) => t === '# print(1)\nok');
  });

  it('refuses writes to meta (R2) and updates with missing dependencies (R5), and bans their authors (R3)', async () => {
    const roomId = await h.createRoom({ initialCode: 'abc' });
    const watcher = await h.connect(roomId, 'code', randomUUID(), 'spectator');
    // A different host user per client: a rejection flags (user, doc) and would put the next one in probation.
    const url = async (): Promise<string> =>
      `${h.collabUrl}/${roomId}/code?token=${await mintCollabToken({ userId: randomUUID(), roomId, role: 'host' })}`;

    const meta = await RawClient.open(await url());
    const synced = new Y.Doc();
    Y.applyUpdate(synced, Y.encodeStateAsUpdate(watcher.ydoc));
    const before = Y.encodeStateVector(synced);
    synced.getMap('meta').set('language', 'rust');
    meta.sendSync(SyncMessageType.UPDATE, Y.encodeStateAsUpdate(synced, before));
    await meta.waitFor((m) => m.event?.type === 'update-rejected');
    expect(meta.events('update-rejected')[0]).toMatchObject({ reason: 'meta-readonly' });
    meta.close();

    // A struct that depends on one the server never saw.
    const gap = new Y.Doc();
    Y.applyUpdate(gap, Y.encodeStateAsUpdate(watcher.ydoc));
    const sv = Y.encodeStateVector(gap);
    gap.getText('code').insert(0, 'one');
    const mid = Y.encodeStateVector(gap);
    gap.getText('code').insert(3, 'two');
    const second = Y.encodeStateAsUpdate(gap, mid);
    const missing = await RawClient.open(await url());
    await missing.waitFor((m) => m.event?.type === 'room-state');
    missing.sendSync(SyncMessageType.UPDATE, second);
    await missing.waitFor((m) => m.event?.type === 'update-rejected');
    expect(missing.events('update-rejected')[0]).toMatchObject({ reason: 'invalid-update' });
    missing.close();

    // The author's clientID is now banned, whoever carries its structs.
    const carrier = await RawClient.open(await url());
    await carrier.waitFor((m) => m.event?.type === 'room-state');
    carrier.send(syncFrame(SyncMessageType.UPDATE, Y.encodeStateAsUpdate(gap, sv)));
    await carrier.waitFor((m) => m.event?.type === 'update-rejected');
    expect(carrier.events('update-rejected')[0]).toMatchObject({ reason: 'banned-client' });
    carrier.close();
    expect(watcher.text()).toBe('abc');
    expect(watcher.ydoc.getMap('meta').get('language')).toBe('python');
  });

  it("a forged struct carrying the host's clientID bans nothing the host owns: the host keeps editing", async () => {
    const roomId = await h.createRoom({ initialCode: 'base' });
    const hostId = randomUUID();
    const host = await h.connect(roomId, 'code', hostId, 'host');
    const hostEvents = recordEvents(host);
    host.ydoc.getText('code').insert(4, '1');
    const watcher = await h.connect(roomId, 'code', randomUUID(), 'spectator');
    await pollUntil(() => watcher.text(), (t) => t === 'base1');

    /** An update continuing the host's clientID, as a participant could forge it. */
    const forge = (text: string): Uint8Array => {
      const forger = new Y.Doc();
      Y.applyUpdate(forger, Y.encodeStateAsUpdate(host.ydoc));
      // Set after applying: Yjs would pick a new clientID on seeing its own in a remote update.
      forger.clientID = host.ydoc.clientID;
      const before = Y.encodeStateVector(forger);
      forger.getText('code').insert(0, text);
      const update = Y.encodeStateAsUpdate(forger, before);
      expect(Y.decodeUpdate(update).structs.map((st) => st.id.client)).toEqual([host.ydoc.clientID]);
      return update;
    };
    const open = async (role: 'spectator' | 'candidate'): Promise<RawClient> => {
      const token = await mintCollabToken({ userId: randomUUID(), roomId, role });
      const c = await RawClient.open(`${h.collabUrl}/${roomId}/code?token=${token}`);
      await c.waitFor((m) => m.event?.type === 'room-state');
      return c;
    };
    const spectator = await open('spectator');
    spectator.sendSync(SyncMessageType.UPDATE, forge('SPECTATOR'));
    await spectator.waitFor((m) => m.event?.type === 'update-rejected');
    expect(spectator.events('update-rejected')[0]).toMatchObject({ reason: 'read-only-role' });
    // A writer forging it is refused as foreign-client, and bans nothing either.
    const candidate = await open('candidate');
    candidate.sendSync(SyncMessageType.UPDATE, forge('CANDIDATE'));
    await candidate.waitFor((m) => m.event?.type === 'update-rejected');
    expect(candidate.events('update-rejected')[0]).toMatchObject({ reason: 'foreign-client' });

    host.ydoc.getText('code').insert(5, '2');
    await pollUntil(() => watcher.text(), (t) => t === 'base12', { what: 'host edit relayed' });
    // Ownership is stored: after a restart the host's clientID is still the host's, and still not banned.
    spectator.close();
    candidate.close();
    host.provider.disconnect();
    watcher.destroy();
    await h.restart();
    const again = await open('candidate');
    again.sendSync(SyncMessageType.UPDATE, forge('AGAIN'));
    await again.waitFor((m) => m.event?.type === 'update-rejected');
    expect(again.events('update-rejected')[0]).toMatchObject({ reason: 'foreign-client' });
    again.close();
    const token = await mintCollabToken({ userId: hostId, roomId, role: 'host' });
    const hostAgain = connectProvider(h.collabUrl, roomId, 'code', token, host.ydoc);
    const againEvents = recordEvents(hostAgain);
    await pollUntil(() => hostAgain.provider.synced, Boolean);
    host.ydoc.getText('code').insert(6, '3');
    const reader = await h.connect(roomId, 'code', randomUUID(), 'spectator');
    await pollUntil(() => reader.text(), (t) => t === 'base123', { what: 'host edit after restart' });
    expect([...hostEvents, ...againEvents].filter((e) => e.type === 'update-rejected')).toEqual([]);
    hostAgain.destroy();
  });
});
