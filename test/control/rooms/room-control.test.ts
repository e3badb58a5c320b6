// Room control endpoints against a real server, once per collab implementation: phases, timers (pause/resume,
// re-base, autoAdvance with short durations), problem/language with resetCode, settings, lock/unlock,
// manual snapshots. Each change must be visible on /collab before the REST response returns.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { zRoomDetail, zTimerState } from '../../../server/protocol/api/rooms.ts';
import { snapshotText } from '../../../server/control/rooms/code-snapshots.ts';
import { pollUntil } from '../../support/poll.ts';
import { connectSynced } from './room-client.ts';
import { COLLAB_MODES, as, createRoom, expectError, join, people, problemBySlug, type Person, type RoomServer } from './room-fixture.ts';

describe.each(COLLAB_MODES)('room control ($name collab)', (mode) => {
  let server: RoomServer;
  let host: Person;
  let ann: Person;
  let bob: Person;

  beforeAll(async () => {
    server = await mode.start();
    [host, ann, bob] = await people(server, ['Hana', 'Ann', 'Bob'] as const);
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('moves phases forward only (skipping allowed), starts phase timers and broadcasts phase-changed', async () => {
    const room = await createRoom(server, host, { mode: 'interview' });
    const client = await connectSynced(await join(server, ann, room));
    try {
      const h = as(server, host);
      const warm = await h.post(`/v1/rooms/${room.id}/control/phase`, { to: 'warmup' });
      expect(warm.status).toBe(200);
      expect(zRoomDetail.parse(warm.body).status).toBe('warmup');
      expect(warm.body.startedAt).not.toBeNull();
      expect(warm.body.timer).toMatchObject({ phase: 'warmup', durationMs: 300000, running: true, pausedAt: null });
      expect(client.eventsOf('phase-changed')).toEqual([expect.objectContaining({ from: 'waiting', to: 'warmup', by: host.id })]);
      expect(client.eventsOf('timer')).toEqual([expect.objectContaining({ action: 'started' })]);
      expectError(await h.post(`/v1/rooms/${room.id}/control/phase`, { to: 'warmup' }), 409, 'ROOM_INVALID_TRANSITION');
      expectError(await h.post(`/v1/rooms/${room.id}/control/phase`, { to: 'waiting' }), 409, 'ROOM_INVALID_TRANSITION');
      expectError(await h.post(`/v1/rooms/${room.id}/control/phase`, { to: 'lunch' }), 400, 'VALIDATION_FAILED');
      expect((await h.post(`/v1/rooms/${room.id}/control/phase`, { to: 'wrapup' })).body.timer.phase).toBe('wrapup');
      const done = await h.post(`/v1/rooms/${room.id}/control/phase`, { to: 'finished' });
      expect(done.body).toMatchObject({ status: 'finished', timer: null });
      await pollUntil(() => client.eventsOf('room-closed'), (e) => e.length === 1, { what: 'room-closed' });
      expectError(await h.post(`/v1/rooms/${room.id}/control/phase`, { to: 'finished' }), 409, 'ROOM_CLOSED');
    } finally {
      client.destroy();
    }
  });

  it('pauses and resumes the phase timer with conflicts, and re-bases it when its duration changes', async () => {
    const room = await createRoom(server, host, { mode: 'interview', config: { warmupDurationMs: 0 } });
    const h = as(server, host);
    expectError(await h.post(`/v1/rooms/${room.id}/control/timer/pause`), 409, 'ROOM_TIMER_CONFLICT');
    await h.post(`/v1/rooms/${room.id}/control/phase`, { to: 'warmup' });
    expectError(await h.post(`/v1/rooms/${room.id}/control/timer/pause`), 409, 'ROOM_TIMER_CONFLICT'); // untimed phase
    await h.post(`/v1/rooms/${room.id}/control/phase`, { to: 'coding' });
    expectError(await h.post(`/v1/rooms/${room.id}/control/timer/resume`), 409, 'ROOM_TIMER_CONFLICT');
    const paused = await h.post(`/v1/rooms/${room.id}/control/timer/pause`);
    expect(zTimerState.parse(paused.body)).toMatchObject({ phase: 'coding', running: false, endsAt: null, durationMs: 2700000 });
    expect(paused.body.pausedAt).not.toBeNull();
    expectError(await h.post(`/v1/rooms/${room.id}/control/timer/pause`), 409, 'ROOM_TIMER_CONFLICT');
    const resumed = await h.post(`/v1/rooms/${room.id}/control/timer/resume`);
    expect(resumed.body).toMatchObject({ running: true, pausedAt: null });
    expect(Date.parse(resumed.body.endsAt) - Date.parse(resumed.body.serverTime)).toBe(resumed.body.remainingMs);
    const rebased = await h.patch(`/v1/rooms/${room.id}/settings`, { config: { codingDurationMs: 600000 } });
    expect(rebased.status).toBe(200);
    expect(rebased.body.timer.durationMs).toBe(600000);
    expect(rebased.body.timer.remainingMs).toBeLessThanOrEqual(600000);
    expect(rebased.body.timer.remainingMs).toBeGreaterThan(590000);
  });

  it('expires timers and auto-advances one phase at a time until finished', async () => {
    const room = await createRoom(server, host, {
      mode: 'peer',
      config: { warmupDurationMs: 300, codingDurationMs: 300, wrapupDurationMs: 300, autoAdvance: true },
    });
    const client = await connectSynced(await join(server, ann, room));
    try {
      await as(server, host).post(`/v1/rooms/${room.id}/control/phase`, { to: 'warmup' });
      await pollUntil(
        async () => (await as(server, host).get(`/v1/rooms/${room.id}`)).body.status,
        (s) => s === 'finished',
        { what: 'auto-advance to finished', timeoutMs: 15_000 },
      );
      await pollUntil(() => client.eventsOf('room-closed'), (e) => e.length === 1, { what: 'room-closed' });
      const expired = client.eventsOf('timer').filter((e) => e.action === 'expired').map((e) => e.timer.phase);
      expect(expired).toEqual(['warmup', 'coding', 'wrapup']);
      expect(client.eventsOf('phase-changed').map((e) => e.to)).toEqual(['warmup', 'coding', 'wrapup']);
    } finally {
      client.destroy();
    }
  });

  it('an expired timer without autoAdvance stays expired in its phase', async () => {
    const room = await createRoom(server, host, { mode: 'interview', config: { warmupDurationMs: 200 } });
    await as(server, host).post(`/v1/rooms/${room.id}/control/phase`, { to: 'warmup' });
    const detail = await pollUntil(
      async () => (await as(server, host).get(`/v1/rooms/${room.id}`)).body,
      (d) => d.timer?.running === false,
      { what: 'warmup timer expired' },
    );
    expect(detail).toMatchObject({ status: 'warmup', timer: { running: false, remainingMs: 0, endsAt: null } });
    expectError(await as(server, host).post(`/v1/rooms/${room.id}/control/timer/resume`), 409, 'ROOM_TIMER_CONFLICT');
  });

  it('changes problem and language, resets the code to the starter code, and enforces the candidate rules', async () => {
    const twoSum = await problemBySlug(server, host, 'two-sum');
    const anagram = await problemBySlug(server, host, 'valid-anagram');
    const room = await createRoom(server, host, { mode: 'interview', language: 'python' });
    const annJoin = await join(server, ann, room);
    const client = await connectSynced(annJoin);
    try {
      client.ydoc.getText('code').insert(0, 'draft');
      const h = as(server, host);
      const changed = await h.post(`/v1/rooms/${room.id}/control/problem`, { problemId: twoSum.id, resetCode: true });
      expect(changed.status).toBe(200);
      expect(changed.body).toMatchObject({ problem: { id: twoSum.id }, language: 'python' });
      await pollUntil(() => client.text(), (t) => t === twoSum.starterCode.python, { what: 'code reset to starter' });
      expect(client.eventsOf('problem-changed')).toEqual([
        expect.objectContaining({ problemId: twoSum.id, language: 'python', codeReset: true, by: host.id }),
      ]);
      expect(client.eventsOf('problem-changed')[0]).not.toHaveProperty('resetTo');
      expect(client.ydoc.getMap('meta').get('problemId')).toBe(twoSum.id);

      const c = as(server, ann);
      expectError(await c.post(`/v1/rooms/${room.id}/control/problem`, { problemId: anagram.id }), 403, 'ROOM_FORBIDDEN');
      const lang = await c.post(`/v1/rooms/${room.id}/control/problem`, { language: 'javascript' });
      expect(lang.body).toMatchObject({ language: 'javascript', problem: { id: twoSum.id } });
      await pollUntil(() => client.ydoc.getMap('meta').get('language'), (l) => l === 'javascript', { what: 'meta.language' });
      expectError(await h.post(`/v1/rooms/${room.id}/control/problem`, {}), 400, 'VALIDATION_FAILED');
      expectError(await h.post(`/v1/rooms/${room.id}/control/problem`, { problemId: crypto.randomUUID() }), 404, 'PROBLEM_NOT_FOUND');
      await h.post(`/v1/rooms/${room.id}/control/lock`);
      expectError(await c.post(`/v1/rooms/${room.id}/control/problem`, { language: 'python' }), 409, 'ROOM_EDITOR_LOCKED');
      const cleared = await h.post(`/v1/rooms/${room.id}/control/problem`, { problemId: null });
      expect(cleared.body.problem).toBeNull();
    } finally {
      client.destroy();
    }
  });

  it('locks and unlocks idempotently; a locked candidate’s edits never reach the room', async () => {
    const room = await createRoom(server, host, { mode: 'interview' });
    const hostClient = await connectSynced(await join(server, host, room));
    const annClient = await connectSynced(await join(server, ann, room));
    try {
      const h = as(server, host);
      const locked = await h.post(`/v1/rooms/${room.id}/control/lock`);
      expect(locked.body).toMatchObject({ editorLocked: true, lockReason: 'manual' });
      expect((await h.post(`/v1/rooms/${room.id}/control/lock`)).body.editorLocked).toBe(true);
      expect(annClient.eventsOf('editor-lock')).toEqual([expect.objectContaining({ locked: true, reason: 'manual', by: host.id })]);
      annClient.ydoc.getText('code').insert(0, 'sneaky');
      await pollUntil(() => annClient.eventsOf('update-rejected'), (e) => e.length > 0, { what: 'update-rejected' });
      expect(hostClient.text()).toBe('');
      const unlocked = await h.post(`/v1/rooms/${room.id}/control/unlock`);
      expect(unlocked.body).toMatchObject({ editorLocked: false, lockReason: null });
      expect((await h.post(`/v1/rooms/${room.id}/control/unlock`)).status).toBe(200);
      expect(annClient.eventsOf('editor-lock')).toHaveLength(2);
    } finally {
      hostClient.destroy();
      annClient.destroy();
    }
  });

  it('settings: host only, validated against the mode and the active count, broadcast as settings-changed', async () => {
    const room = await createRoom(server, host, { mode: 'interview' });
    await join(server, ann, room);
    await join(server, bob, room);
    const h = as(server, host);
    const low = await h.patch(`/v1/rooms/${room.id}/settings`, { config: { maxParticipants: 2 } });
    expectError(low, 400, 'VALIDATION_FAILED');
    expect(low.body.details.fields).toEqual([expect.objectContaining({ path: 'config.maxParticipants' })]);
    expectError(await h.patch(`/v1/rooms/${room.id}/settings`, { name: '' }), 400, 'VALIDATION_FAILED');
    const ok = await h.patch(`/v1/rooms/${room.id}/settings`, { name: 'Renamed', config: { allowSpectators: false, aiEnabled: true } });
    expect(ok.body).toMatchObject({ name: 'Renamed', config: { allowSpectators: false, aiEnabled: true, maxParticipants: 4 } });
    expectError(await as(server, ann).patch(`/v1/rooms/${room.id}/settings`, { name: 'Mine' }), 403, 'ROOM_FORBIDDEN');
  });

  it('takes manual snapshots of the authoritative code document', async () => {
    const room = await createRoom(server, host, { mode: 'interview' });
    const client = await connectSynced(await join(server, host, room));
    try {
      client.ydoc.getText('code').insert(0, 'print(42)');
      const snap = await pollUntil(
        async () => (await as(server, host).post(`/v1/rooms/${room.id}/control/snapshot`)).body,
        (s) => typeof s.bytes === 'string' && snapshotText(Buffer.from(s.bytes, 'base64')) === 'print(42)',
        { what: 'snapshot with the edit' },
      );
      expect(snap).toMatchObject({ roomId: room.id, trigger: 'manual' });
      const listed = await as(server, host).get(`/v1/sessions/${room.id}/snapshots?trigger=manual`);
      expect(listed.body.items.map((s: any) => s.id)).toContain(snap.id);
      expect(client.eventsOf('snapshot-taken').map((e) => e.snapshotId)).toContain(snap.id);
    } finally {
      client.destroy();
    }
  });
});
