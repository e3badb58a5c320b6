// POST/GET /v1/rooms/:roomId/analysis on a real server with the real execution plane: 202 + Location and a poll
// that ends with the tool's issues; who may start (H I C) and read (H I C S A) a job; a job is found only through
// its own room; validation, ROOM_CLOSED once the room finished.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { zAnalysisJob } from '../../../server/protocol/api/ai.ts';
import { pollUntil } from '../../support/poll.ts';
import { ADMIN, loginAdmin } from '../api.ts';
import { as, createRoom, expectError, inProcess, join, people, type Person, type RoomServer } from './room-fixture.ts';

const UNUSED_IMPORT = 'import os\n\nprint(42)\n';

describe('static analysis in a room', () => {
  let server: RoomServer;
  let host: Person;
  let ann: Person;
  let sam: Person;
  let eve: Person;
  let admin: { token: string };
  let room: any;

  beforeAll(async () => {
    server = await inProcess.start({ adminEmail: ADMIN.email, adminPassword: ADMIN.password });
    [host, ann, sam, eve] = await people(server, ['Hana', 'Ann', 'Sam', 'Eve'] as const);
    admin = { token: (await loginAdmin(server)).accessToken };
    room = await createRoom(server, host, { mode: 'interview', language: 'python' });
    await join(server, ann, room);
    await join(server, sam, room, 'spectator');
  });
  afterAll(async () => {
    await server?.stop();
  });

  const start = (who: Person, body: unknown, roomId = room.id) => as(server, who).post(`/v1/rooms/${roomId}/analysis`, body);

  it('accepts the code with 202 + Location and completes with the issues of the language tool', async () => {
    const accepted = await start(ann, { code: UNUSED_IMPORT, language: 'python' });
    expect(accepted.status).toBe(202);
    expect(accepted.body).toMatchObject({ status: 'queued', pollUrl: `/v1/rooms/${room.id}/analysis/${accepted.body.id}` });
    expect(accepted.headers.get('location')).toBe(accepted.body.pollUrl);
    const done = await pollUntil(async () => (await as(server, ann).get(accepted.body.pollUrl)).body, (j) => j.status === 'completed', {
      timeoutMs: 60_000,
      intervalMs: 100,
      what: 'analysis completed',
    });
    expect(zAnalysisJob.parse(done)).toMatchObject({ id: accepted.body.id, error: null, completedAt: expect.any(String) });
    expect(done.result).toEqual({
      issues: [{ line: 1, column: 1, endLine: null, endColumn: null, severity: 'warning', ruleId: 'pyflakes:unused-import', message: "'os' imported but unused" }],
      complexity: null,
    });
  });

  it('lets hosts, interviewers and candidates start one; spectators, admins and participants read it; nobody else', async () => {
    expect((await start(host, { code: 'print(1)', language: 'python' })).status).toBe(202);
    expectError(await start(sam, { code: 'print(1)', language: 'python' }), 403, 'ROOM_FORBIDDEN');
    expectError(await start(eve, { code: 'print(1)', language: 'python' }), 403, 'ROOM_FORBIDDEN');
    expectError(await start(admin as Person, { code: 'print(1)', language: 'python' }), 403, 'ROOM_FORBIDDEN');
    const job = (await start(ann, { code: 'print(1)', language: 'python' })).body;
    for (const reader of [host, ann, sam, admin]) expect((await as(server, reader).get(job.pollUrl)).status).toBe(200);
    expectError(await as(server, eve).get(job.pollUrl), 403, 'ROOM_FORBIDDEN');
  });

  it('finds a job only through its own room; validates the body before queueing anything', async () => {
    const job = (await start(ann, { code: 'print(1)', language: 'python' })).body;
    const other = await createRoom(server, host, { mode: 'interview' });
    expectError(await as(server, host).get(`/v1/rooms/${other.id}/analysis/${job.id}`), 404, 'EXEC_ANALYSIS_NOT_FOUND');
    expectError(await as(server, host).get(`/v1/rooms/${room.id}/analysis/${crypto.randomUUID()}`), 404, 'EXEC_ANALYSIS_NOT_FOUND');
    expectError(await as(server, host).get(`/v1/rooms/${room.id}/analysis/not-a-uuid`), 404, 'EXEC_ANALYSIS_NOT_FOUND');
    expectError(await as(server, host).get(`/v1/rooms/${crypto.randomUUID()}/analysis/${job.id}`), 404, 'ROOM_NOT_FOUND');
    expectError(await start(ann, { code: 'x', language: 'cobol' }), 400, 'VALIDATION_FAILED');
    expectError(await start(ann, { code: 'x'.repeat(65_537), language: 'python' }), 400, 'VALIDATION_FAILED');
    expectError(await start(ann, { language: 'python' }), 400, 'VALIDATION_FAILED');
  });

  it('refuses new analyses once the room finished, and still serves the old ones', async () => {
    const closing = await createRoom(server, host, { mode: 'interview', language: 'c' });
    const job = (await start(host, { code: 'int main(void) { int unused; return 0; }\n', language: 'c' }, closing.id)).body;
    await pollUntil(async () => (await as(server, host).get(job.pollUrl)).body.status, (s) => s === 'completed', { timeoutMs: 60_000, what: 'c analysis' });
    expect((await as(server, host).delete(`/v1/rooms/${closing.id}`)).status).toBe(204);
    expectError(await start(host, { code: 'int main(void) { return 0; }\n', language: 'c' }, closing.id), 409, 'ROOM_CLOSED');
    const old = await as(server, host).get(job.pollUrl);
    expect(old.body.result.issues).toEqual([expect.objectContaining({ ruleId: 'gcc:-Wunused-variable', line: 1 })]);
  });
});
