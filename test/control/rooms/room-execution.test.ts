// Room run/submit and their results against the real execution plane (python), once per collab
// implementation: the submit lock and its automatic release, judging exactly the submit snapshot's text,
// hidden test details for admins only, and execution-finished on the room.
import { readFileSync } from 'node:fs';
import { join as joinPath } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { zRunResult, zSubmissionResult } from '../../../server/protocol/api/executions.ts';
import { REPO_ROOT } from '../../../server/paths.ts';
import { snapshotText } from '../../../server/control/rooms/code-snapshots.ts';
import { pollUntil } from '../../support/poll.ts';
import { ADMIN, loginAdmin } from '../api.ts';
import { connectSynced, type RoomClient } from './room-client.ts';
import { COLLAB_MODES, as, createRoom, expectError, join, people, problemBySlug, type Person, type RoomServer } from './room-fixture.ts';

const SOLUTION = readFileSync(joinPath(REPO_ROOT, 'resources/problems/two-sum/solutions/python.py'), 'utf8');
const JOB_DEADLINE = { timeoutMs: 60_000, intervalMs: 100 };

describe.each(COLLAB_MODES)('run and submit ($name collab)', (mode) => {
  let server: RoomServer;
  let host: Person;
  let ann: Person;
  let eve: Person;
  let admin: { token: string };

  beforeAll(async () => {
    server = await mode.start({ adminEmail: ADMIN.email, adminPassword: ADMIN.password });
    [host, ann, eve] = await people(server, ['Hana', 'Ann', 'Eve'] as const);
    admin = { token: (await loginAdmin(server)).accessToken };
  });
  afterAll(async () => {
    await server?.stop();
  });

  async function codingRoom(withProblem: boolean): Promise<{ room: any; client: RoomClient }> {
    const problem = withProblem ? await problemBySlug(server, host, 'two-sum') : undefined;
    const room = await createRoom(server, host, { mode: 'interview', language: 'python', ...(problem ? { problemId: problem.id } : {}) });
    const client = await connectSynced(await join(server, ann, room));
    return { room, client };
  }

  /** Waits until the code the server holds for the room (a snapshot taken now) passes `check`. */
  async function untilServerCode(roomId: string, check: (text: string) => boolean, what: string): Promise<void> {
    const serverCode = async () => snapshotText(Buffer.from((await as(server, host).post(`/v1/rooms/${roomId}/control/snapshot`)).body.bytes, 'base64'));
    await pollUntil(serverCode, check, { what });
  }

  it('runs code in warmup/coding/wrapup, with 202 + Location, and lets participants poll the result', async () => {
    const { room, client } = await codingRoom(false);
    try {
      const run = { code: 'print(input()[::-1])', language: 'python', stdin: 'abc\n' };
      const early = await as(server, ann).post(`/v1/rooms/${room.id}/run`, run);
      expectError(early, 409, 'ROOM_INVALID_PHASE');
      expect(early.body.details).toEqual({ phase: 'waiting', allowed: ['warmup', 'coding', 'wrapup'] });
      await as(server, host).post(`/v1/rooms/${room.id}/control/phase`, { to: 'coding' });
      expectError(await as(server, ann).post(`/v1/rooms/${room.id}/run`, { ...run, code: 'x'.repeat(65537) }), 400, 'VALIDATION_FAILED');
      const accepted = await as(server, ann).post(`/v1/rooms/${room.id}/run`, run);
      expect(accepted.status).toBe(202);
      expect(accepted.headers.get('location')).toBe(`/v1/runs/${accepted.body.id}`);
      expect(accepted.body.pollUrl).toBe(`/v1/runs/${accepted.body.id}`);
      const done = await pollUntil(async () => (await as(server, host).get(accepted.body.pollUrl)).body, (r) => r.status === 'completed', JOB_DEADLINE);
      expect(zRunResult.parse(done)).toMatchObject({ roomId: room.id, userId: ann.id, stdin: 'abc\n', result: { verdict: 'ACCEPTED', stdout: 'cba\n' } });
      await pollUntil(() => client.eventsOf('execution-finished'), (e) => e.some((x) => x.id === accepted.body.id && x.kind === 'run'), {
        what: 'execution-finished',
      });
      const runs = await as(server, admin).get(`/v1/rooms/${room.id}/runs`);
      expect(runs.body.items.map((r: any) => r.id)).toEqual([accepted.body.id]);
      expectError(await as(server, eve).get(accepted.body.pollUrl), 403, 'ROOM_FORBIDDEN');
      expectError(await as(server, host).get(`/v1/runs/${crypto.randomUUID()}`), 404, 'EXEC_RUN_NOT_FOUND');
      await as(server, host).post(`/v1/rooms/${room.id}/control/lock`);
      expectError(await as(server, ann).post(`/v1/rooms/${room.id}/run`, run), 409, 'ROOM_EDITOR_LOCKED');
      expect((await as(server, host).post(`/v1/rooms/${room.id}/run`, run)).status).toBe(202);
    } finally {
      client.destroy();
    }
  });

  it('refuses submissions without a problem, outside coding/wrapup, or in an unsupported language', async () => {
    const bare = await codingRoom(false);
    try {
      expectError(await as(server, ann).post(`/v1/rooms/${bare.room.id}/submit`, {}), 409, 'ROOM_INVALID_PHASE');
      await as(server, host).post(`/v1/rooms/${bare.room.id}/control/phase`, { to: 'coding' });
      expectError(await as(server, ann).post(`/v1/rooms/${bare.room.id}/submit`, {}), 409, 'EXEC_NO_PROBLEM');
      expectError(await as(server, ann).post(`/v1/rooms/${bare.room.id}/submit`, { language: 'cobol' }), 400, 'VALIDATION_FAILED');
    } finally {
      bare.client.destroy();
    }
  });

  it('submit takes the submit lock with a snapshot, judges exactly that text, and releases the lock when done', async () => {
    const { room, client } = await codingRoom(true);
    try {
      await as(server, host).post(`/v1/rooms/${room.id}/control/phase`, { to: 'coding' });
      client.ydoc.getText('code').delete(0, client.text().length);
      client.ydoc.getText('code').insert(0, SOLUTION);
      // The server must hold the edit before the snapshot: wait until another client sees it.
      const watcher = await connectSynced(await join(server, host, room));
      await pollUntil(() => watcher.text(), (t) => t === SOLUTION, { what: 'solution synced' });
      watcher.destroy();

      const accepted = await as(server, ann).post(`/v1/rooms/${room.id}/submit`, {});
      expect(accepted.status).toBe(202);
      expect(accepted.headers.get('location')).toBe(`/v1/submissions/${accepted.body.id}`);
      expect(client.eventsOf('editor-lock')[0]).toMatchObject({ locked: true, reason: 'submit', by: ann.id });
      const snaps = await as(server, ann).get(`/v1/sessions/${room.id}/snapshots?trigger=submit`);
      const snap = snaps.body.items.find((s: any) => s.id === accepted.body.snapshotId);
      expect(snapshotText(Buffer.from(snap.bytes, 'base64'))).toBe(SOLUTION);

      const done = await pollUntil(
        async () => (await as(server, ann).get(`/v1/submissions/${accepted.body.id}`)).body,
        (s) => s.status === 'completed',
        JOB_DEADLINE,
      );
      expect(zSubmissionResult.parse(done)).toMatchObject({ verdict: 'ACCEPTED', snapshotId: accepted.body.snapshotId, language: 'python' });
      expect(done.passed).toBe(done.total);
      const hidden = done.tests.filter((t: any) => t.hidden);
      expect(hidden.length).toBeGreaterThan(0);
      for (const t of hidden) expect(t).toMatchObject({ input: null, expectedOutput: null, actualOutput: null, stderr: null });
      const asAdmin = (await as(server, admin).get(`/v1/submissions/${accepted.body.id}`)).body;
      expect(asAdmin.tests.find((t: any) => t.hidden).input).toEqual(expect.any(String));

      await pollUntil(async () => (await as(server, host).get(`/v1/rooms/${room.id}`)).body.editorLocked, (l) => l === false, {
        what: 'submit lock released',
      });
      await pollUntil(() => client.eventsOf('editor-lock'), (e) => e.some((x) => x.locked === false), { what: 'unlock broadcast' });
      expect(client.eventsOf('execution-finished')).toEqual([
        expect.objectContaining({ kind: 'submission', id: accepted.body.id, status: 'completed', verdict: 'ACCEPTED', userId: ann.id }),
      ]);
      const list = await as(server, host).get(`/v1/rooms/${room.id}/submissions`);
      expect(list.body.items.map((s: any) => s.id)).toEqual([accepted.body.id]);
    } finally {
      client.destroy();
    }
  });

  it('code holding a NUL character is refused with the line to fix, and a refused submit leaves the editor unlocked', async () => {
    const { room, client } = await codingRoom(true);
    try {
      await as(server, host).post(`/v1/rooms/${room.id}/control/phase`, { to: 'coding' });
      const run = await as(server, ann).post(`/v1/rooms/${room.id}/run`, { code: 'print(1)\u0000', language: 'python' });
      expectError(run, 400, 'VALIDATION_FAILED');
      expect(run.body.details.fields).toEqual([{ path: 'code', message: expect.stringContaining('NUL') }]);
      const code = 'print(1)\nprint(2)\u0000\n';
      client.ydoc.getText('code').insert(0, code);
      await untilServerCode(room.id, (t) => t.startsWith(code), 'edit on the server');
      // Before: 500 on PostgreSQL (which cannot store U+0000 in text), a judged SyntaxError on SQLite.
      const submit = await as(server, ann).post(`/v1/rooms/${room.id}/submit`, {});
      expectError(submit, 400, 'VALIDATION_FAILED');
      expect(submit.body.details.fields).toEqual([{ path: 'code', message: 'The code contains a NUL character (U+0000) on line 2.' }]);
      expect((await as(server, host).get(`/v1/rooms/${room.id}`)).body).toMatchObject({ editorLocked: false, lockReason: null });
      await pollUntil(() => client.eventsOf('editor-lock'), (e) => e.at(-1)?.locked === false, { what: 'unlock broadcast' });
      expect((await as(server, host).get(`/v1/rooms/${room.id}/submissions`)).body.items).toEqual([]);
      // Without it the same code is judged.
      client.ydoc.getText('code').delete(code.indexOf('\u0000'), 1);
      await untilServerCode(room.id, (t) => !t.includes('\u0000'), 'deletion on the server');
      expect((await as(server, ann).post(`/v1/rooms/${room.id}/submit`, {})).status).toBe(202);
    } finally {
      client.destroy();
    }
  });

  it('a manual lock during a submit lock survives the submission; a second submission waits for the first', async () => {
    const { room, client } = await codingRoom(true);
    try {
      await as(server, host).post(`/v1/rooms/${room.id}/control/phase`, { to: 'coding' });
      const slow = 'import time\ntime.sleep(0.2)\nprint(0, 1)\n';
      client.ydoc.getText('code').insert(0, slow);
      await untilServerCode(room.id, (t) => t.startsWith(slow), 'edit on the server');
      const first = await as(server, ann).post(`/v1/rooms/${room.id}/submit`, {});
      expect(first.status).toBe(202);
      expectError(await as(server, ann).post(`/v1/rooms/${room.id}/submit`, {}), 409, 'ROOM_EDITOR_LOCKED');
      expectError(await as(server, host).post(`/v1/rooms/${room.id}/submit`, {}), 409, 'EXEC_SUBMISSION_IN_PROGRESS');
      const manual = await as(server, host).post(`/v1/rooms/${room.id}/control/lock`);
      expect(manual.body).toMatchObject({ editorLocked: true, lockReason: 'manual' });
      await pollUntil(async () => (await as(server, ann).get(`/v1/submissions/${first.body.id}`)).body.status, (s) => s === 'completed', JOB_DEADLINE);
      await pollUntil(() => client.eventsOf('execution-finished'), (e) => e.length === 1, { what: 'execution-finished' });
      expect((await as(server, host).get(`/v1/rooms/${room.id}`)).body).toMatchObject({ editorLocked: true, lockReason: 'manual' });
      const unlocked = await as(server, host).post(`/v1/rooms/${room.id}/control/unlock`);
      expect(unlocked.body).toMatchObject({ editorLocked: false, lockReason: null });
    } finally {
      client.destroy();
    }
  });
});
