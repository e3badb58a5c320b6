// A restart on the same data directory keeps rooms, participants, documents and sessions (spec README,
// "Restart"), and the room clocks resume from the stored state.
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../support/temp-dir.ts';
import { testDatabaseUrl } from '../../support/test-database.ts';
import { pollUntil } from '../../support/poll.ts';
import { connectSynced } from './room-client.ts';
import { snapshotText } from '../../../server/control/rooms/code-snapshots.ts';
import { as, createRoom, inProcess, join, people, problemBySlug, type RoomServer } from './room-fixture.ts';

describe('room restart', () => {
  const dir = makeTempDir('syncode-rooms-restart-');
  let server: RoomServer | undefined;

  afterEach(async () => {
    await server?.close();
    server = undefined;
  });
  afterAll(() => dir.remove());

  it('keeps rooms, participants, code and sessions, and resumes phase timers', async () => {
    const data = { dataDir: dir.path, databaseUrl: await testDatabaseUrl() };
    server = await inProcess.start(data);
    const [host, ann] = await people(server, ['Hana', 'Ann'] as const);
    const room = await createRoom(server, host, { mode: 'interview', config: { codingDurationMs: 600000 } });
    const annJoin = await join(server, ann, room);
    await as(server, host).post(`/v1/rooms/${room.id}/control/phase`, { to: 'coding' });
    const client = await connectSynced(annJoin);
    client.ydoc.getText('code').insert(0, 'kept = True\n');
    const watcher = await connectSynced(await join(server, host, room));
    await pollUntil(() => watcher.text(), (t) => t === 'kept = True\n', { what: 'edit stored' });
    client.destroy();
    watcher.destroy();
    const quick = await createRoom(server, host, { mode: 'peer', config: { codingDurationMs: 1500, autoAdvance: true } });
    await as(server, host).post(`/v1/rooms/${quick.id}/control/phase`, { to: 'coding' });
    const finished = await createRoom(server, host, { mode: 'interview', name: 'Done' });
    await join(server, ann, finished);
    await as(server, host).post(`/v1/rooms/${finished.id}/control/phase`, { to: 'finished' });
    const before = (await as(server, host).get(`/v1/rooms/${room.id}`)).body;
    await server.close();

    server = await inProcess.start(data);
    const after = (await as(server, host).get(`/v1/rooms/${room.id}`)).body;
    expect(after).toMatchObject({ status: 'coding', code: room.code, hostId: host.id, editorLocked: false });
    expect(after.participants).toEqual(before.participants);
    expect(after.timer).toMatchObject({ running: true, durationMs: 600000, startedAt: before.timer.startedAt });
    const again = await as(server, ann).post(`/v1/rooms/${room.id}/join`, {});
    expect(again.body.me.role).toBe('candidate');
    const reconnected = await connectSynced(again.body);
    try {
      expect(reconnected.text()).toBe('kept = True\n');
    } finally {
      reconnected.destroy();
    }
    expect((await as(server, ann).get('/v1/sessions')).body.items.map((s: any) => s.id)).toEqual([finished.id]);
    expect((await as(server, host).get(`/v1/sessions/${finished.id}/timeline`)).body.items.at(-1).type).toBe('room-finished');
    // The short coding timer armed before the restart still expires and auto-advances.
    await pollUntil(async () => (await as(server!, host).get(`/v1/rooms/${quick.id}`)).body.status, (s) => s === 'wrapup', {
      what: 'auto-advance after restart',
    });
  });

  it('a submission cut off by a restart does not leave the editor locked: its submit lock is released at the next start', async () => {
    const data = { dataDir: dir.path, databaseUrl: await testDatabaseUrl() };
    server = await inProcess.start(data);
    const [host, ann] = await people(server, ['Hana', 'Ann'] as const);
    const problem = await problemBySlug(server, host, 'two-sum');
    const room = await createRoom(server, host, { mode: 'interview', language: 'python', problemId: problem.id });
    const client = await connectSynced(await join(server, ann, room));
    await as(server, host).post(`/v1/rooms/${room.id}/control/phase`, { to: 'coding' });
    const slow = 'import time\ntime.sleep(60)\n';
    client.ydoc.getText('code').insert(0, slow);
    await pollUntil(
      async () => snapshotText(Buffer.from((await as(server!, host).post(`/v1/rooms/${room.id}/control/snapshot`)).body.bytes, 'base64')),
      (t) => t.startsWith(slow),
      { what: 'the code on the server' },
    );
    const submitted = await as(server, ann).post(`/v1/rooms/${room.id}/submit`, {});
    expect(submitted.status).toBe(202);
    await pollUntil(async () => (await as(server!, ann).get(`/v1/submissions/${submitted.body.id}`)).body.status, (s) => s === 'running', {
      what: 'the submission running',
    });
    expect((await as(server, host).get(`/v1/rooms/${room.id}`)).body).toMatchObject({ editorLocked: true, lockReason: 'submit' });
    client.destroy();
    await server.close();

    server = await inProcess.start(data);
    expect((await as(server, ann).get(`/v1/submissions/${submitted.body.id}`)).body.status).toBe('failed');
    expect((await as(server, host).get(`/v1/rooms/${room.id}`)).body).toMatchObject({ editorLocked: false, lockReason: null });
    const timeline = (await as(server, host).get(`/v1/sessions/${room.id}/timeline`)).body.items.map((e: any) => e.type);
    expect(timeline.at(-1)).toBe('editor-unlocked');
  });
});
