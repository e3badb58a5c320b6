// The AI interviewer over REST against the fake provider: a message is stored at once and answered through
// the provider (key, model, problem and code in the request; hidden tests never), the reply streams token
// by token as server-sent events, an ended job streams `done` at once, a reader going away cancels nothing,
// the owner can stop a generation, history pages oldest first, and the timeline records ai-message events.
import { describe, expect, it } from 'vitest';
import { zAiJob, zAiMessage } from '../../server/protocol/api/ai.ts';
import { zJobAccepted } from '../../server/protocol/api/common.ts';
import { pollUntil } from '../support/poll.ts';
import { loginAdmin } from '../control/api.ts';
import { as, createRoom, expectError, person, problemBySlug } from '../control/rooms/room-fixture.ts';
import { AI_KEY, AI_MODEL, collect, openStream, useAiWorld } from './ai-fixture.ts';

const zMessageJob = zAiJob('message', zAiMessage);

describe('AI interviewer messages', () => {
  const world = useAiWorld({ fake: { chunkSize: 3 } });

  async function practice(name: string) {
    const me = await person(world.server, name);
    const problem = await problemBySlug(world.server, me, 'two-sum');
    const room = await createRoom(world.server, me, { mode: 'practice', problemId: problem.id, language: 'python' });
    return { me, room, problem, api: as(world.server, me), base: `/v1/rooms/${room.id}/ai` };
  }

  async function finished(api: ReturnType<typeof as>, pollUrl: string) {
    return (await pollUntil(() => api.get(pollUrl), (r) => r.body.status === 'completed' || r.body.status === 'failed', { what: 'the AI job to end' })).body;
  }

  it('stores the message at once, answers through the provider with the key, model, problem and code, never hidden tests', async () => {
    const { me, problem, api, base, room } = await practice('Pia');
    const { hold, release } = world.fake.hold(0);
    world.fake.reply({ text: 'Could you restate the problem in your own words?', hold });
    const code = 'def two_sum(nums, target):\n    seen = {}\n';
    const res = await api.post(`${base}/messages`, { content: 'Hi! Where do I start?', code, language: 'python' });
    expect(res.status).toBe(202);
    const accepted = zJobAccepted.parse(res.body);
    expect(res.headers.get('location')).toBe(accepted.pollUrl);
    expect(accepted.pollUrl).toBe(`${base}/messages/${accepted.id}`);

    // The user message is in the history while the reply is still held back by the provider.
    const early = await api.get(`${base}/messages`);
    expect(early.body.items.map((m: any) => [m.role, m.content])).toEqual([['user', 'Hi! Where do I start?']]);
    expect((await api.get(accepted.pollUrl)).body.status).toMatch(/queued|running/);
    release();

    const job = zMessageJob.parse(await finished(api, accepted.pollUrl));
    expect(job).toMatchObject({ kind: 'message', status: 'completed', error: null });
    expect(job.result).toMatchObject({ role: 'assistant', userId: me.id, roomId: room.id, content: 'Could you restate the problem in your own words?' });

    const request = world.fake.chatRequests().at(-1)!;
    expect(request.headers.authorization).toBe(`Bearer ${AI_KEY}`);
    expect(request.body?.model).toBe(AI_MODEL);
    expect(request.body?.stream).toBe(true);
    expect(request.body?.max_tokens).toBeGreaterThan(0);
    const sent = JSON.stringify(request.body?.messages);
    expect(sent).toContain(problem.title);
    expect(sent).toContain(problem.examples[0].input.trim().split('\n')[0]);
    expect(sent).toContain('seen = {}');
    expect(request.body?.messages?.at(-1)).toEqual({ role: 'user', content: 'Hi! Where do I start?' });

    // The admin view of the problem has its hidden tests: none of their data went to the provider.
    const admin = await loginAdmin(world.server);
    const full = (await as(world.server, { token: admin.accessToken }).get(`/v1/problems/${problem.id}`)).body;
    const hidden = (full.testCases as any[]).filter((t) => t.hidden);
    expect(hidden.length).toBeGreaterThan(0);
    const visible = new Set((problem.examples as any[]).map((e) => e.input.trim()));
    const distinctive = hidden.map((t) => t.input.trim()).filter((input: string) => input.length > 12 && !visible.has(input));
    expect(distinctive.length).toBeGreaterThan(0);
    for (const input of distinctive) expect(sent).not.toContain(JSON.stringify(input).slice(1, -1));
  });

  it('streams the reply token by token: the first delta arrives before the provider sent its last chunk', async () => {
    const { me, api, base } = await practice('Sam');
    const reply = 'Before coding, which edge cases would you test first?';
    const { hold, release } = world.fake.hold(2);
    world.fake.reply({ text: reply, hold });
    const { body } = await api.post(`${base}/messages`, { content: 'I think I have an idea.' });
    const stream = await openStream(`${world.server.url}${base}/messages/${body.id}/stream`, me.token);
    expect(stream.status).toBe(200);
    expect(stream.contentType).toMatch(/^text\/event-stream/);

    const first = await stream.events.next();
    expect(first.value).toMatchObject({ event: 'delta' });
    expect(first.value!.data.content.length).toBeGreaterThan(0);
    // The provider is held after 2 of its chunks: the client already has text the provider sent, and the rest is still to come.
    const request = world.fake.chatRequests().at(-1)!;
    expect(request.chunksSent).toBe(2);
    expect(first.value!.data.content.length).toBeLessThan(reply.length);
    release();

    const rest = await collect(stream.events);
    const deltas = [first.value!, ...rest].filter((e) => e.event === 'delta').map((e) => e.data.content);
    expect(deltas.join('')).toBe(reply);
    const done = rest.at(-1)!;
    expect(done.event).toBe('done');
    expect(zMessageJob.parse(done.data)).toMatchObject({ id: body.id, status: 'completed', result: { content: reply } });
  });

  it('an ended job answers done at once; a reader that disconnects cancels nothing', async () => {
    const { me, api, base } = await practice('Dee');
    world.fake.reply({ text: 'Short answer.' });
    const first = (await api.post(`${base}/messages`, { content: 'One' })).body;
    await finished(api, first.pollUrl);
    const again = await collect((await openStream(`${world.server.url}${base}/messages/${first.id}/stream`, me.token)).events);
    expect(again.map((e) => e.event)).toEqual(['done']);
    expect(again[0]!.data.result.content).toBe('Short answer.');

    const { hold, release } = world.fake.hold(1);
    world.fake.reply({ text: 'A longer answer that keeps going for a while.', hold });
    const second = (await api.post(`${base}/messages`, { content: 'Two' })).body;
    const reader = new AbortController();
    const stream = await openStream(`${world.server.url}${base}/messages/${second.id}/stream`, me.token, reader.signal);
    expect((await stream.events.next()).value?.event).toBe('delta');
    reader.abort();
    await stream.events.return(undefined).catch(() => {});
    release();
    const job = await finished(api, second.pollUrl);
    expect(job).toMatchObject({ status: 'completed', result: { content: 'A longer answer that keeps going for a while.' } });
  });

  it('the owner stops a generation: the provider request is aborted, the job fails AI_CANCELLED, the partial reply is kept', async () => {
    const { me, api, base } = await practice('Cora');
    const { hold } = world.fake.hold(2);
    world.fake.reply({ text: 'This reply will be cut short by the user.', hold });
    const { body } = await api.post(`${base}/messages`, { content: 'Explain everything.' });
    const stream = await openStream(`${world.server.url}${base}/messages/${body.id}/stream`, me.token);
    await pollUntil(() => world.fake.chatRequests().at(-1)?.chunksSent ?? 0, (n) => n === 2, { what: 'two chunks from the provider' });

    const cancelled = await api.post(`${base}/messages/${body.id}/cancel`, {});
    expect(cancelled.status).toBe(200);
    expect(zMessageJob.parse(cancelled.body)).toMatchObject({ status: 'failed', error: { code: 'AI_CANCELLED' } });
    expect(cancelled.body.result.content).toBe('This r');
    await pollUntil(() => world.fake.chatRequests().at(-1)!.abortedByClient, (aborted) => aborted, { what: 'the provider request to be aborted' });

    const events = await collect(stream.events);
    expect(events.at(-1)).toMatchObject({ event: 'error', data: { code: 'AI_CANCELLED' } });
    expect(events.filter((e) => e.event === 'delta').map((e) => e.data.content).join('')).toBe('This r');
    const history = (await api.get(`${base}/messages`)).body.items.map((m: any) => m.content);
    expect(history).toEqual(['Explain everything.', 'This r']);
    // Cancelling an ended job changes nothing.
    expect((await api.post(`${base}/messages/${body.id}/cancel`, {})).body).toEqual(cancelled.body);
  });

  it('pages the conversation oldest first and sends earlier turns as context', async () => {
    const { api, base } = await practice('Lin');
    for (const n of [1, 2, 3]) {
      world.fake.reply({ text: `Answer ${n}` });
      const { body } = await api.post(`${base}/messages`, { content: `Question ${n}` });
      await finished(api, body.pollUrl);
    }
    const last = world.fake.chatRequests().at(-1)!.body!.messages!.filter((m) => m.role !== 'system').map((m) => m.content);
    expect(last).toEqual(['Question 1', 'Answer 1', 'Question 2', 'Answer 2', 'Question 3']);

    const page1 = await api.get(`${base}/messages?limit=4`);
    expect(page1.body.items.map((m: any) => m.content)).toEqual(['Question 1', 'Answer 1', 'Question 2', 'Answer 2']);
    const page2 = await api.get(`${base}/messages?limit=4&cursor=${page1.body.nextCursor}`);
    expect(page2.body).toMatchObject({ items: [{ content: 'Question 3' }, { content: 'Answer 3' }], nextCursor: null });
    expectError(await api.get(`${base}/messages?cursor=not-a-cursor`), 400, 'VALIDATION_FAILED');
    expectError(await api.post(`${base}/messages`, { content: '' }), 400, 'VALIDATION_FAILED');
  });

  it('records ai-message events on the session timeline (ids only) and serves the session ai-history', async () => {
    const { me, api, base, room } = await practice('Tia');
    world.fake.reply({ text: 'Timeline answer' });
    const { body } = await api.post(`${base}/messages`, { content: 'Timeline question' });
    await finished(api, body.pollUrl);
    const timeline = (await api.get(`/v1/sessions/${room.id}/timeline?limit=500`)).body.items.filter((e: any) => e.type === 'ai-message');
    expect(timeline.map((e: any) => e.data.role)).toEqual(['user', 'assistant']);
    expect(timeline[0].data).toMatchObject({ jobId: body.id, userId: me.id });
    expect(JSON.stringify(timeline)).not.toContain('Timeline question');
    const history = await api.get(`/v1/sessions/${room.id}/ai-history`);
    expect(history.body.items.map((m: any) => m.content)).toEqual(['Timeline question', 'Timeline answer']);
  });

  it('unknown or malformed job ids are AI_JOB_NOT_FOUND on every job route', async () => {
    const { me, api, base } = await practice('Uma');
    for (const id of ['00000000-0000-4000-8000-000000000000', 'nope']) {
      expectError(await api.get(`${base}/messages/${id}`), 404, 'AI_JOB_NOT_FOUND');
      expectError(await api.get(`${base}/hints/${id}`), 404, 'AI_JOB_NOT_FOUND');
      expectError(await api.get(`${base}/reviews/${id}`), 404, 'AI_JOB_NOT_FOUND');
      expectError(await api.post(`${base}/messages/${id}/cancel`, {}), 404, 'AI_JOB_NOT_FOUND');
      const stream = await openStream(`${world.server.url}${base}/messages/${id}/stream`, me.token);
      expect([stream.status, stream.body.code]).toEqual([404, 'AI_JOB_NOT_FOUND']);
    }
  });
});
