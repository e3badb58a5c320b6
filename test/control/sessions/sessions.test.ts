// /v1/sessions against a real server: a live interview is played through (edits, a whiteboard shape,
// snapshots, feedback, a disconnect, the finish), then its durable record is read back through every
// session endpoint with its narrowings (report: subject, host and interviewers; recording: no spectators).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { YKeyValue } from 'y-utility/y-keyvalue';
import type * as Y from 'yjs';
import { zSessionDetail, zSessionEvent, zSessionSummary, zTrainingReport, zWhiteboardExport } from '../../../server/protocol/api/sessions.ts';
import { pollUntil } from '../../support/poll.ts';
import { boxRecord } from '../../support/tldraw-records.ts';
import { ADMIN, loginAdmin } from '../api.ts';
import { connectSynced } from '../rooms/room-client.ts';
import { as, COLLAB_MODES, createRoom, expectError, inProcess, join, people, problemBySlug, type Person, type RoomServer } from '../rooms/room-fixture.ts';

const RATINGS = { problemSolving: 4, communication: 5, codeQuality: 3, overall: 4 };
/** The whiteboard's records as the product client holds them (y-utility YKeyValue over `tldraw`). */
const shapes = (doc: Y.Doc) => new YKeyValue<unknown>(doc.getArray<{ key: string; val: unknown }>('tldraw'));
// A valid tldraw record: the collab plane rejects records that fail the shipped whiteboard schema.
const SHAPE = boxRecord('box1', 10, 20);

describe('sessions', () => {
  let server: RoomServer;
  let host: Person;
  let ann: Person;
  let bob: Person;
  let eve: Person;
  let admin: { token: string };
  let session: any; // the played-through interview (finished)
  let live: any; // a room still in progress, Ann candidate

  beforeAll(async () => {
    server = await inProcess.start({ adminEmail: ADMIN.email, adminPassword: ADMIN.password });
    [host, ann, bob, eve] = await people(server, ['Hana', 'Ann', 'Bob', 'Eve'] as const);
    admin = { token: (await loginAdmin(server)).accessToken };

    const problem = await problemBySlug(server, host, 'valid-anagram');
    session = await createRoom(server, host, { mode: 'interview', problemId: problem.id, language: 'python', name: 'Played' });
    const annJoin = await join(server, ann, session);
    await join(server, bob, session);
    const R = `/v1/rooms/${session.id}`;
    await as(server, host).post(`${R}/control/phase`, { to: 'coding' });
    const code = await connectSynced(annJoin, 'code');
    const board = await connectSynced(annJoin, 'whiteboard');
    code.ydoc.getText('code').insert(0, 'print("hi")\n');
    shapes(board.ydoc).set(SHAPE.id, SHAPE);
    await pollUntil(
      async () => (await as(server, host).post(`${R}/control/snapshot`)).body.sizeBytes,
      (n) => n > 40,
      { what: 'manual snapshot with the edit' },
    );
    // The whiteboard write must be on the server before the finish captures the final state.
    const check = await connectSynced(await join(server, host, session), 'whiteboard');
    await pollUntil(() => shapes(check.ydoc).get(SHAPE.id), Boolean, { what: 'shape synced' });
    check.destroy();
    code.destroy();
    board.destroy();
    await as(server, host).post(`${R}/control/phase`, { to: 'wrapup' });
    await as(server, host).post(`${R}/feedback`, { targetUserId: ann.id, ratings: RATINGS });
    await as(server, ann).post(`${R}/feedback`, { targetUserId: host.id, ratings: RATINGS });
    await as(server, host).post(`${R}/control/phase`, { to: 'finished' });

    live = await createRoom(server, host, { mode: 'interview', name: 'Live' });
    await join(server, ann, live);
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('lists my finished sessions newest first, with filters and pages', async () => {
    const mine = await as(server, ann).get('/v1/sessions');
    expect(mine.body.items.map((s: any) => s.id)).toEqual([session.id]);
    const item = zSessionSummary.parse(mine.body.items[0]);
    expect(item).toMatchObject({ name: 'Played', mode: 'interview', myRole: 'candidate', language: 'python', finalVerdict: null, overallScore: null });
    expect(item.problem?.title).toBeTruthy();
    expect(item.durationMs).toBe(Date.parse(item.finishedAt!) - Date.parse(item.startedAt!));
    expect((await as(server, ann).get('/v1/sessions?mode=peer')).body.items).toEqual([]);
    const future = new Date(Date.now() + 60_000).toISOString();
    expect((await as(server, ann).get(`/v1/sessions?from=${future}`)).body.items).toEqual([]);
    expect((await as(server, ann).get(`/v1/sessions?to=${future}`)).body.items).toHaveLength(1);
    expect((await as(server, eve).get('/v1/sessions')).body).toEqual({ items: [], nextCursor: null });
    expectError(await as(server, ann).get('/v1/sessions?from=yesterday'), 400, 'VALIDATION_FAILED');
  });

  it('shows the session detail to participants and admins only', async () => {
    const detail = await as(server, bob).get(`/v1/sessions/${session.id}`);
    expect(zSessionDetail.parse(detail.body)).toMatchObject({ status: 'finished', myRole: 'spectator', hasRecording: false, hasWhiteboard: true, reportStatus: 'unavailable' });
    expect(detail.body.participants.map((p: any) => [p.displayName, p.role, p.kicked])).toEqual([
      ['Hana', 'host', false],
      ['Ann', 'candidate', false],
      ['Bob', 'spectator', false],
    ]);
    expect(detail.body.snapshotCount).toBeGreaterThanOrEqual(3); // phase-change(s), manual, session-end
    expect((await as(server, admin).get(`/v1/sessions/${session.id}`)).status).toBe(200);
    expectError(await as(server, eve).get(`/v1/sessions/${session.id}`), 403, 'SESSION_FORBIDDEN');
    expectError(await as(server, eve).get(`/v1/sessions/${crypto.randomUUID()}`), 404, 'SESSION_NOT_FOUND');
    expectError(await as(server, eve).get('/v1/sessions/nope'), 404, 'SESSION_NOT_FOUND');
    // A live room's whiteboard is its live collab document, exportable as JSON, so it has one.
    expect((await as(server, ann).get(`/v1/sessions/${live.id}`)).body).toMatchObject({ status: 'waiting', reportStatus: 'none', finishedAt: null, hasWhiteboard: true });
  });

  it('records the timeline in order, including the disconnect reported by the collab plane, in pages', async () => {
    const all: any[] = [];
    let cursor: string | null = null;
    do {
      const page: any = await as(server, admin).get(`/v1/sessions/${session.id}/timeline?limit=5${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      expect(page.status).toBe(200);
      all.push(...page.body.items);
      cursor = page.body.nextCursor;
    } while (cursor);
    for (const e of all) zSessionEvent.parse(e);
    const types = all.map((e) => e.type);
    expect(types[0]).toBe('room-created');
    for (const t of ['participant-joined', 'phase-changed', 'snapshot', 'user-disconnected', 'feedback-submitted', 'room-finished']) {
      expect(types).toContain(t);
    }
    expect(types.at(-1)).toBe('room-finished');
    const ats = all.map((e) => Date.parse(e.at));
    expect(ats).toEqual([...ats].sort((a, b) => a - b));
    const disconnects = all.filter((e) => e.type === 'user-disconnected' && e.actorId === ann.id);
    expect(disconnects.length).toBeGreaterThanOrEqual(1);
    expect(disconnects[0].data).toMatchObject({ userId: ann.id, closeCode: expect.any(Number) });
    expectError(await as(server, admin).get(`/v1/sessions/${session.id}/timeline?limit=501`), 400, 'VALIDATION_FAILED');
  });

  it('lists snapshots by trigger, including the session-end snapshot', async () => {
    const all = await as(server, ann).get(`/v1/sessions/${session.id}/snapshots?limit=50`);
    const triggers = all.body.items.map((s: any) => s.trigger);
    expect(triggers).toContain('manual');
    expect(triggers).toContain('phase-change');
    expect(triggers.at(-1)).toBe('session-end');
    const end = await as(server, ann).get(`/v1/sessions/${session.id}/snapshots?trigger=session-end`);
    expect(end.body.items).toHaveLength(1);
    const page = await as(server, ann).get(`/v1/sessions/${session.id}/snapshots?limit=1`);
    expect(page.body.items).toHaveLength(1);
    const next = await as(server, ann).get(`/v1/sessions/${session.id}/snapshots?limit=1&cursor=${encodeURIComponent(page.body.nextCursor)}`);
    expect(next.body.items[0].id).toBe(all.body.items[1].id);
    expectError(await as(server, ann).get(`/v1/sessions/${session.id}/snapshots?trigger=hourly`), 400, 'VALIDATION_FAILED');
  });

  it('exports the final whiteboard as JSON records; png exists for no session', async () => {
    const wb = await as(server, ann).get(`/v1/sessions/${session.id}/whiteboard`);
    expect(wb.status).toBe(200);
    expect(zWhiteboardExport.parse(wb.body)).toMatchObject({ sessionId: session.id, format: 'json', url: null, expiresAt: null });
    expect(wb.body.records).toEqual([SHAPE]);
    expectError(await as(server, ann).get(`/v1/sessions/${session.id}/whiteboard?format=png`), 404, 'SESSION_WHITEBOARD_NOT_FOUND');
    expectError(await as(server, ann).get(`/v1/sessions/${live.id}/whiteboard?format=png`), 409, 'SESSION_NOT_FINISHED');
    // A live room exports its live document (nothing drawn yet here; see 'live whiteboard export' below).
    expect((await as(server, ann).get(`/v1/sessions/${live.id}/whiteboard`)).body.records).toEqual([]);
  });

  it('reports are unavailable (no AI provider) and narrowed to the subject, host/interviewer and admins', async () => {
    const mine = await as(server, ann).get(`/v1/sessions/${session.id}/report`);
    expect(zTrainingReport.parse(mine.body)).toMatchObject({ sessionId: session.id, subjectUserId: ann.id, status: 'unavailable', overallScore: null });
    expect((await as(server, host).get(`/v1/sessions/${session.id}/report`)).body.subjectUserId).toBe(ann.id);
    expect((await as(server, admin).get(`/v1/sessions/${session.id}/report?userId=${ann.id}`)).status).toBe(200);
    expectError(await as(server, bob).get(`/v1/sessions/${session.id}/report`), 403, 'SESSION_FORBIDDEN');
    expectError(await as(server, ann).get(`/v1/sessions/${live.id}/report`), 409, 'SESSION_NOT_FINISHED');
  });

  it('recordings: none exist; spectators may not ask; live sessions are not finished', async () => {
    expectError(await as(server, ann).get(`/v1/sessions/${session.id}/recording`), 404, 'SESSION_RECORDING_NOT_FOUND');
    expectError(await as(server, bob).get(`/v1/sessions/${session.id}/recording`), 403, 'SESSION_FORBIDDEN');
    expectError(await as(server, ann).get(`/v1/sessions/${live.id}/recording`), 409, 'SESSION_NOT_FINISHED');
  });

  it('feedback: host, interviewer and admins see all; others see what is about them, once finished', async () => {
    expect((await as(server, host).get(`/v1/sessions/${session.id}/feedback`)).body.items).toHaveLength(2);
    expect((await as(server, admin).get(`/v1/sessions/${session.id}/feedback`)).body.items).toHaveLength(2);
    const annSees = (await as(server, ann).get(`/v1/sessions/${session.id}/feedback`)).body.items;
    expect(annSees.map((f: any) => [f.authorId, f.targetUserId])).toEqual([[host.id, ann.id]]);
    expect((await as(server, bob).get(`/v1/sessions/${session.id}/feedback`)).body.items).toEqual([]);
  });

  it('ai-history is an empty page; only host, interviewer and admins may name another user', async () => {
    expect((await as(server, ann).get(`/v1/sessions/${session.id}/ai-history`)).body).toEqual({ items: [], nextCursor: null });
    expect((await as(server, host).get(`/v1/sessions/${session.id}/ai-history?userId=${ann.id}`)).status).toBe(200);
    expectError(await as(server, bob).get(`/v1/sessions/${session.id}/ai-history?userId=${ann.id}`), 403, 'SESSION_FORBIDDEN');
  });

  it('compares sessions of which the caller is the report subject', async () => {
    const other = await createRoom(server, host, { mode: 'interview', name: 'Second' });
    await join(server, ann, other);
    await as(server, host).post(`/v1/rooms/${other.id}/control/phase`, { to: 'finished' });
    const cmp = await as(server, ann).get(`/v1/sessions/compare?ids=${other.id},${session.id}`);
    expect(cmp.status).toBe(200);
    expect(cmp.body.sessions.map((s: any) => s.sessionId)).toEqual([session.id, other.id]);
    expect(cmp.body.dimensions.map((d: any) => d.name)).toEqual(['problem-solving', 'code-quality', 'communication', 'testing', 'efficiency']);
    expect(cmp.body.dimensions[0].scores).toEqual([null, null]);
    expectError(await as(server, host).get(`/v1/sessions/compare?ids=${other.id},${session.id}`), 403, 'SESSION_FORBIDDEN');
    expectError(await as(server, ann).get(`/v1/sessions/compare?ids=${other.id},${live.id}`), 409, 'SESSION_NOT_FINISHED');
    expectError(await as(server, ann).get(`/v1/sessions/compare?ids=${other.id},${crypto.randomUUID()}`), 404, 'SESSION_NOT_FOUND');
    expectError(await as(server, ann).get(`/v1/sessions/compare?ids=${other.id}`), 400, 'VALIDATION_FAILED');
  });

  it('soft-deletes a session from one participant’s history only', async () => {
    expectError(await as(server, ann).delete(`/v1/sessions/${live.id}`), 409, 'SESSION_NOT_FINISHED');
    expect((await as(server, bob).delete(`/v1/sessions/${session.id}`)).status).toBe(204);
    expectError(await as(server, bob).get(`/v1/sessions/${session.id}`), 404, 'SESSION_NOT_FOUND');
    expect((await as(server, bob).get('/v1/sessions')).body.items).toEqual([]);
    expectError(await as(server, bob).delete(`/v1/sessions/${session.id}`), 404, 'SESSION_NOT_FOUND');
    expect((await as(server, ann).get(`/v1/sessions/${session.id}`)).status).toBe(200);
  });
});

describe.each(COLLAB_MODES)('live whiteboard export ($name collab)', (mode) => {
  let server: RoomServer;
  beforeAll(async () => {
    server = await mode.start();
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('exports the live document of a room that has not finished, then its final state', async () => {
    const [host, ann, eve] = await people(server, ['Hana', 'Ann', 'Eve'] as const);
    const room = await createRoom(server, host, { mode: 'interview', name: 'Live board' });
    const annJoin = await join(server, ann, room);
    const path = `/v1/sessions/${room.id}/whiteboard`;
    const hasWhiteboard = async () => (await as(server, ann).get(`/v1/sessions/${room.id}`)).body.hasWhiteboard;
    expect((await as(server, ann).get(path)).body.records).toEqual([]);
    expect(await hasWhiteboard()).toBe(true);

    const board = await connectSynced(annJoin, 'whiteboard');
    const moved = { ...SHAPE, x: 300 };
    shapes(board.ydoc).set(SHAPE.id, SHAPE);
    shapes(board.ydoc).set(SHAPE.id, moved);
    const wb = await pollUntil(() => as(server, host).get(path), (r) => r.body.records?.[0]?.x === 300, { what: 'live export with the moved shape' });
    expect(zWhiteboardExport.parse(wb.body)).toMatchObject({ sessionId: room.id, format: 'json', records: [moved], url: null, expiresAt: null });
    expectError(await as(server, eve).get(path), 403, 'SESSION_FORBIDDEN');
    board.destroy();

    await as(server, host).post(`/v1/rooms/${room.id}/control/phase`, { to: 'finished' });
    // Split deployment: the final state arrives by HTTP callback, shortly after the finish.
    const final = await pollUntil(() => as(server, ann).get(path), (r) => r.status === 200, { what: 'final whiteboard state' });
    expect(final.body.records).toEqual([moved]);
    expect(await hasWhiteboard()).toBe(true);
  });

  // Only a split deployment has a collab plane that can be unreachable.
  if (mode.name === 'http') {
    it('answers 503 ROOM_COLLAB_UNAVAILABLE while the collab process is unreachable', async () => {
      const [host] = await people(server, ['Hal'] as const);
      const room = await createRoom(server, host, { mode: 'interview' });
      await server.collab!.close();
      expectError(await as(server, host).get(`/v1/sessions/${room.id}/whiteboard`), 503, 'ROOM_COLLAB_UNAVAILABLE');
    });
  }
});
