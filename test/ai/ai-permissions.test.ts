// Who may use the AI of a room (H host, I interviewer, C candidate, S spectator, A admin who is not a
// participant, U a stranger), AI_DISABLED until an interview room enables it, ROOM_CLOSED once finished,
// nobody reads another user's job or stream (H and I may poll others' message jobs), the daily AI allowance
// (USER_QUOTA_EXCEEDED), the per-user rate limit of AI POSTs, and the provider slots per user and server.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pollUntil } from '../support/poll.ts';
import { loginAdmin } from '../control/api.ts';
import { as, createRoom, expectError, join, people, person, type Person } from '../control/rooms/room-fixture.ts';
import { openStream, startAiWorld, useAiWorld, type AiWorld } from './ai-fixture.ts';

type Letter = 'H' | 'I' | 'C' | 'S' | 'A' | 'U';

describe('AI permission matrix in an interview room', () => {
  let world: AiWorld;
  const who = {} as Record<Letter, { token: string; id: string }>;
  let room: any;
  let base: string;
  let candidateJob: string;
  let hostJob: string;

  beforeAll(async () => {
    world = await startAiWorld();
    const [h, i, c, s, u] = await people(world.server, ['Hana', 'Ivan', 'Cleo', 'Sam', 'Uma'] as const);
    const admin = await loginAdmin(world.server);
    Object.assign(who, { H: h, I: i, C: c, S: s, U: u, A: { token: admin.accessToken, id: admin.user.id } });
    room = await createRoom(world.server, h, { mode: 'interview', language: 'python' });
    base = `/v1/rooms/${room.id}/ai`;
    await join(world.server, i, room);
    await as(world.server, h).patch(`/v1/rooms/${room.id}/participants/${i.id}`, { role: 'interviewer' });
    await join(world.server, c, room, 'candidate');
    await join(world.server, s, room, 'spectator');
  });
  afterAll(async () => {
    await world?.server.stop();
    await world?.fake.close();
  });

  const call = (letter: Letter, method: 'GET' | 'POST', path: string, body?: unknown) =>
    method === 'GET' ? as(world.server, who[letter]).get(path) : as(world.server, who[letter]).post(path, body);

  it('interview rooms: AI_DISABLED until the host enables aiEnabled', async () => {
    expectError(await call('C', 'POST', `${base}/messages`, { content: 'hi' }), 403, 'AI_DISABLED');
    const patched = await as(world.server, who.H).patch(`/v1/rooms/${room.id}/settings`, { config: { aiEnabled: true } });
    expect(patched.body.config.aiEnabled).toBe(true);
    const ok = await call('C', 'POST', `${base}/messages`, { content: 'Candidate question' });
    expect(ok.status).toBe(202);
    candidateJob = ok.body.id;
    hostJob = (await call('H', 'POST', `${base}/messages`, { content: 'Host question' })).body.id;
    for (const [l, id] of [['C', candidateJob], ['H', hostJob]] as const) {
      await pollUntil(() => call(l, 'GET', `${base}/messages/${id}`), (r) => r.body.status === 'completed', { what: `${l}'s job` });
    }
  });

  it.each([
    ['POST messages', 'POST', '/messages', { content: '' }, 'HIC'],
    ['POST hints', 'POST', '/hints', { level: 9 }, 'HC'],
    ['POST reviews', 'POST', '/reviews', { code: '' , language: 'python' }, 'HIC'],
    ['GET history', 'GET', '/messages', undefined, 'HICA'],
    ['GET weaknesses', 'GET', '/weaknesses', undefined, 'HIC'],
  ] as const)('%s: allowed for the roles of its row, ROOM_FORBIDDEN for the others', async (_name, method, path, body, allowed) => {
    for (const letter of ['H', 'I', 'C', 'S', 'A', 'U'] as const) {
      const res = await call(letter, method, `${base}${path}`, body);
      if (allowed.includes(letter)) {
        // Allowed callers get past the permission check: the invalid bodies stop at validation.
        expect([200, 400], `${letter} ${method} ${path}: ${JSON.stringify(res.body)}`).toContain(res.status);
      } else {
        expectError(res, 403, 'ROOM_FORBIDDEN');
      }
    }
  });

  it('jobs: the author polls; H and I also poll message jobs of others; streams and cancels are the owner\'s alone', async () => {
    const poll = (l: Letter, id: string) => call(l, 'GET', `${base}/messages/${id}`);
    expect((await poll('C', candidateJob)).status).toBe(200);
    expect((await poll('H', candidateJob)).status).toBe(200);
    expect((await poll('I', candidateJob)).status).toBe(200);
    expectError(await poll('C', hostJob), 404, 'AI_JOB_NOT_FOUND');
    expectError(await poll('S', candidateJob), 403, 'ROOM_FORBIDDEN');
    expectError(await poll('A', candidateJob), 403, 'ROOM_FORBIDDEN');
    for (const l of ['H', 'I'] as const) {
      const stream = await openStream(`${world.server.url}${base}/messages/${candidateJob}/stream`, who[l].token);
      expect([stream.status, stream.body.code]).toEqual([404, 'AI_JOB_NOT_FOUND']);
      expectError(await call(l, 'POST', `${base}/messages/${candidateJob}/cancel`, {}), 404, 'AI_JOB_NOT_FOUND');
    }
    const own = await openStream(`${world.server.url}${base}/messages/${candidateJob}/stream`, who.C.token);
    expect(own.status).toBe(200);
    await own.events.return(undefined);
  });

  it("conversations: the caller's own by default; userId only for H, I and A", async () => {
    const mine = await call('C', 'GET', `${base}/messages`);
    expect(mine.body.items.map((m: any) => m.content)).toEqual(['Candidate question', 'OK']);
    expect(mine.body.items.every((m: any) => m.userId === who.C.id)).toBe(true);
    expectError(await call('C', 'GET', `${base}/messages?userId=${who.H.id}`), 403, 'ROOM_FORBIDDEN');
    for (const l of ['H', 'I', 'A'] as const) {
      const theirs = await call(l, 'GET', `${base}/messages?userId=${who.C.id}`);
      expect(theirs.body.items[0].content).toBe('Candidate question');
    }
    expectError(await call('C', 'GET', `/v1/sessions/${room.id}/ai-history?userId=${who.H.id}`), 403, 'SESSION_FORBIDDEN');
    expect((await call('H', 'GET', `/v1/sessions/${room.id}/ai-history?userId=${who.C.id}`)).body.items).toHaveLength(2);
  });

  it('a finished room takes no new AI work: ROOM_CLOSED; reading still works', async () => {
    await as(world.server, who.H).post(`/v1/rooms/${room.id}/control/phase`, { to: 'finished' });
    expectError(await call('C', 'POST', `${base}/messages`, { content: 'late' }), 409, 'ROOM_CLOSED');
    expectError(await call('H', 'POST', `${base}/hints`, {}), 409, 'ROOM_CLOSED');
    expectError(await call('I', 'POST', `${base}/reviews`, { code: 'x', language: 'python' }), 409, 'ROOM_CLOSED');
    expect((await call('A', 'GET', `${base}/messages?userId=${who.C.id}`)).status).toBe(200);
  });
});

describe('AI quota and rate limit (hosted)', () => {
  const world = useAiWorld({ provider: { requestsPerDay: 2 } });

  it('USER_QUOTA_EXCEEDED once the daily allowance is used, with the quota in details and in QuotaInfo', async () => {
    const me = await person(world.server, 'Quinn');
    const room = await createRoom(world.server, me, { mode: 'practice', language: 'python' });
    const api = as(world.server, me);
    expect((await api.post(`/v1/rooms/${room.id}/ai/messages`, { content: 'one' })).status).toBe(202);
    expect((await api.post(`/v1/rooms/${room.id}/ai/hints`, {})).status).toBe(202);
    const third = await api.post(`/v1/rooms/${room.id}/ai/reviews`, { code: 'x = 1', language: 'python' });
    expectError(third, 403, 'USER_QUOTA_EXCEEDED');
    expect(third.body.details).toMatchObject({ quota: 'aiRequestsPerDay', limit: 2, resetsAt: expect.stringMatching(/T00:00:00.000Z$/) });
    const quotas = (await api.get('/v1/users/me/quotas')).body;
    expect(quotas).toMatchObject({ limits: { aiRequestsPerDay: 2 }, usage: { aiRequestsPerDay: 2 } });
    // Validation comes before the quota in the error order.
    expectError(await api.post(`/v1/rooms/${room.id}/ai/messages`, { content: '' }), 400, 'VALIDATION_FAILED');
  });
});

describe('AI POST rate limit (hosted)', () => {
  const world = useAiWorld({ server: { rateLimits: true } });

  it('the 21st AI or analysis POST within a minute is RATE_LIMITED', async () => {
    const me = await person(world.server, 'Rae');
    const room = await createRoom(world.server, me, { mode: 'practice', language: 'python' });
    const api = as(world.server, me);
    for (let i = 0; i < 20; i++) expect((await api.post(`/v1/rooms/${room.id}/ai/messages`, { content: `m${i}` })).status).toBe(202);
    const limited = await api.post(`/v1/rooms/${room.id}/ai/hints`, {});
    expectError(limited, 429, 'RATE_LIMITED');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});

describe('provider slots', () => {
  const world = useAiWorld({ provider: { limits: { maxConcurrent: 2, maxConcurrentPerUser: 1 } } });

  it('one user waits for their own slot; others run beside them up to the server limit; nothing is refused', async () => {
    const [a, b, c] = await people(world.server, ['Ava', 'Ben', 'Cy'] as const);
    const holds = [0, 1, 2, 3].map(() => world.fake.hold(0));
    world.fake.reply(...holds.map((h, i) => ({ text: `reply ${i}`, hold: h.hold })));
    const ask = async (p: Person, content: string) => {
      const room = await createRoom(world.server, p, { mode: 'practice', language: 'python' });
      return { api: as(world.server, p), res: await as(world.server, p).post(`/v1/rooms/${room.id}/ai/messages`, { content }) };
    };
    const jobs = [await ask(a, 'a1'), await ask(a, 'a2'), await ask(b, 'b1'), await ask(c, 'c1')];
    expect(jobs.every((j) => j.res.status === 202)).toBe(true);
    // a1 and b1 hold the server's two slots; a2 waits for Ava's slot and c1 for a server slot.
    await pollUntil(() => world.fake.inFlight(), (n) => n === 2, { what: 'two requests in flight' });
    const firstTwo = world.fake.chatRequests().map((r) => r.body!.messages!.at(-1)!.content);
    expect(firstTwo).toEqual(['a1', 'b1']);
    expect((await jobs[1]!.api.get(jobs[1]!.res.body.pollUrl)).body.status).toBe('queued');
    for (const h of holds) h.release();
    for (const j of jobs) await pollUntil(() => j.api.get(j.res.body.pollUrl), (r) => r.body.status === 'completed', { what: 'every job to complete' });
    expect(world.fake.maxInFlight()).toBe(2);
  });
});
