import { randomUUID } from 'node:crypto';
import * as Y from 'yjs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RoomStateEvent, TimerState } from '../../server/protocol/index.ts';
import { pollUntil } from '../support/poll.ts';
import { mintCollabToken, startHarness, type Harness } from './support/collab-harness.ts';
import { RawClient } from './support/raw-client.ts';

describe('room events pushed by the control plane, and their side effects', () => {
  let h: Harness;
  let roomId: string;
  beforeEach(async () => {
    h = await startHarness();
    roomId = await h.createRoom({ initialCode: 'old code' });
  });
  afterEach(async () => {
    await h.close();
  });
  const join = async (userId: string, doc: 'code' | 'whiteboard' = 'code', role: 'host' | 'candidate' | 'spectator' = 'candidate') => {
    const c = await RawClient.open(`${h.collabUrl}/${roomId}/${doc}?token=${await mintCollabToken({ userId, roomId, role })}`);
    await c.waitFor((m) => m.type === 0);
    return c;
  };

  it('goes to code connections only, in order, with roomId and at filled in', async () => {
    const code = await join(randomUUID());
    const wb = await join(randomUUID(), 'whiteboard');
    const r1 = await h.control.pushEvent(roomId, { type: 'settings-changed', name: 'Room', config: { maxParticipants: 4, allowSpectators: true, warmupDurationMs: 0, codingDurationMs: 0, wrapupDurationMs: 0, autoAdvance: false, aiEnabled: false } });
    const r2 = await h.control.pushEvent(roomId, { type: 'execution-finished', kind: 'run', id: randomUUID(), userId: randomUUID(), status: 'completed', verdict: null });
    expect([r1.delivered, r2.delivered]).toEqual([1, 1]);
    await code.waitFor((m) => m.event?.type === 'execution-finished');
    expect(code.events().map((e) => e.type)).toEqual(['room-state', 'settings-changed', 'execution-finished']);
    expect(code.events('settings-changed')[0]).toMatchObject({ roomId, at: expect.stringMatching(/^\d{4}-\d\d-\d\dT.*Z$/) });
    expect(wb.events()).toEqual([]);
    await expect(h.control.pushEvent(roomId, { type: 'room-closed', reason: 'finished' } as never)).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await expect(h.control.pushEvent(randomUUID(), { type: 'participant-left', userId: randomUUID() })).rejects.toMatchObject({ code: 'ROOM_NOT_FOUND' });
    const huge = { type: 'settings-changed' as const, name: 'x'.repeat(70 * 1024), config: { maxParticipants: 4, allowSpectators: true, warmupDurationMs: 0, codingDurationMs: 0, wrapupDurationMs: 0, autoAdvance: false, aiEnabled: false } };
    await expect(h.control.pushEvent(roomId, huge)).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    code.close();
    wb.close();
  });

  it('role changes apply to open connections at once (participant-updated, role-swap), and show in room-state', async () => {
    const userId = randomUUID();
    const peerId = randomUUID();
    const c = await join(userId, 'code', 'candidate');
    await h.control.pushEvent(roomId, { type: 'participant-updated', userId, role: 'spectator', muted: false });
    const local = new Y.Doc();
    local.getText('code').insert(0, 'hi');
    c.sendSync(2, Y.encodeStateAsUpdate(local));
    await c.waitFor((m) => m.event?.type === 'update-rejected');
    expect(c.events('update-rejected')[0]).toMatchObject({ reason: 'read-only-role' });
    await h.control.pushEvent(roomId, {
      type: 'role-swap',
      action: 'accepted',
      request: { id: randomUUID(), roomId, requestedBy: userId, counterpartId: peerId, status: 'accepted', createdAt: '', expiresAt: '', resolvedAt: null },
      roles: { [userId]: 'host', [peerId]: 'candidate' },
    });
    const again = await join(userId);
    expect(again.events('room-state')[0]).toMatchObject({ role: 'host' });
    const peer = await join(peerId, 'code', 'host');
    expect(peer.events('room-state')[0]).toMatchObject({ role: 'candidate' });
    for (const x of [c, again, peer]) x.close();
  });

  it('timer and recording are stored for room-state (the timer stamped when sent); problem-changed writes meta and resets the code', async () => {
    // Started 30 s ago and not changed since: a joiner now must count down from 30 s left, not from 60.
    const started = Date.now() - 30_000;
    const iso = (ms: number): string => new Date(ms).toISOString();
    const timer: TimerState = { phase: 'coding', durationMs: 60000, elapsedMs: 0, remainingMs: 60000, running: true, startedAt: iso(started), pausedAt: null, endsAt: iso(started + 60000), serverTime: iso(started) };
    await h.control.pushEvent(roomId, { type: 'timer', action: 'started', timer });
    await h.control.pushEvent(roomId, { type: 'recording-changed', recording: true, reason: 'started', by: null });
    const host = await h.connect(roomId, 'code', randomUUID(), 'host');
    const raw = await join(randomUUID());
    const state = raw.events('room-state')[0] as RoomStateEvent & { timer: TimerState };
    expect(state).toMatchObject({ recording: true, timer: { ...timer, elapsedMs: expect.any(Number), remainingMs: expect.any(Number), serverTime: expect.any(String) } });
    const sentAt = Date.parse(state.timer.serverTime);
    expect(Math.abs(sentAt - Date.now())).toBeLessThan(5000);
    expect(state.timer.remainingMs).toBe(Date.parse(timer.endsAt!) - sentAt);
    expect(state.timer.elapsedMs).toBe(60000 - state.timer.remainingMs);
    expect(state.timer.elapsedMs).toBeGreaterThanOrEqual(30000);
    const problemId = randomUUID();
    await h.control.pushEvent(roomId, { type: 'problem-changed', problemId, language: 'rust', by: null, codeReset: false, resetTo: 'fn main() {}' });
    await raw.waitFor((m) => m.event?.type === 'problem-changed');
    const event = raw.events('problem-changed')[0]!;
    expect(event).toMatchObject({ problemId, language: 'rust', codeReset: true });
    expect('resetTo' in event).toBe(false);
    await pollUntil(() => host.text(), (t) => t === 'fn main() {}');
    expect(host.ydoc.getMap('meta').toJSON()).toEqual({ problemId, language: 'rust' });
    const later = await join(randomUUID());
    expect(later.events('room-state')[0]).toMatchObject({ problemId, language: 'rust' });
    raw.close();
    later.close();
  });

  it('participant-left closes the user with 1000; kick closes with 4002 and participant-kicked goes to the others', async () => {
    const leaver = randomUUID();
    const kicked = randomUUID();
    const other = await join(randomUUID());
    const l1 = await join(leaver);
    const l2 = await join(leaver, 'whiteboard');
    await h.control.pushEvent(roomId, { type: 'participant-left', userId: leaver });
    expect(await l1.waitForClose()).toBe(1000);
    expect(await l2.waitForClose()).toBe(1000);
    const k = await join(kicked);
    const res = await h.control.kickUser(roomId, { userId: kicked, reason: 'rude' });
    expect(res).toEqual({ roomId, userId: kicked, closedConnections: 1 });
    expect(await k.waitForClose()).toBe(4002);
    const delivered = await h.control.pushEvent(roomId, { type: 'participant-kicked', userId: kicked, by: randomUUID() });
    expect(delivered.delivered).toBe(1);
    await other.waitFor((m) => m.event?.type === 'participant-kicked');
    expect(other.events().map((e) => e.type)).toEqual(['room-state', 'participant-left', 'participant-kicked']);
    await pollUntil(() => h.callbacks.disconnects.map((d) => d.userId), (ids) => ids.includes(leaver) && ids.includes(kicked));
    expect(h.callbacks.disconnects.find((d) => d.userId === kicked)).toMatchObject({ closeCode: 4002 });
    // participant-joined clears the left marker and sets the role.
    await h.control.pushEvent(roomId, { type: 'participant-joined', participant: { userId: leaver, displayName: 'L', role: 'interviewer', color: '#000000' } });
    const back = await RawClient.open(`${h.collabUrl}/${roomId}/code?token=${await mintCollabToken({ userId: leaver, roomId, iat: Math.floor(Date.now() / 1000) - 30 })}`);
    await back.waitFor((m) => m.event?.type === 'room-state');
    expect(back.events('room-state')[0]).toMatchObject({ role: 'interviewer' });
    back.close();
    other.close();
  });
});
