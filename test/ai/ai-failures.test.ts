// A failing provider never gives a 500 or a stuck job: an error status, a connection dropped mid-stream, a
// body that is not JSON, and a provider that stops answering each end the job `failed` with AI_UNAVAILABLE;
// transient errors are retried; structured answers are validated, asked again once, then refused; a
// provider without json_schema support gets json_object; jobs a previous process left unfinished are failed.
import { describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { openAiStore } from '../../server/storage/ai/index.ts';
import { openServerDatabase } from '../../server/storage/sql/index.ts';
import { zAiJob, zCodeReview } from '../../server/protocol/api/ai.ts';
import { pollUntil } from '../support/poll.ts';
import { startTestServer } from '../support/test-server.ts';
import { as, createRoom, person } from '../control/rooms/room-fixture.ts';
import { makeTempDir } from '../support/temp-dir.ts';
import { testDatabaseUrl } from '../support/test-database.ts';
import { collect, openStream, startAiWorld, useAiWorld, type AiWorld } from './ai-fixture.ts';

const REVIEW = {
  summary: 'Correct hash-map solution; misses the empty input.',
  score: 78,
  dimensions: [{ name: 'code-quality', score: 80, summary: 'Readable.', evidence: [{ line: 2, quote: 'seen = {}', note: 'good name' }] }],
  comments: [{ line: 3, severity: 'warning', message: 'What if nums is empty?' }],
};

async function practiceRoom(world: AiWorld, name: string) {
  const me = await person(world.server, name);
  const room = await createRoom(world.server, me, { mode: 'practice', language: 'python' });
  return { me, room, api: as(world.server, me), base: `/v1/rooms/${room.id}/ai` };
}

async function ended(api: ReturnType<typeof as>, pollUrl: string) {
  return (await pollUntil(() => api.get(pollUrl), (r) => r.status !== 200 || r.body.status === 'completed' || r.body.status === 'failed', { what: 'the job to end' }))
    .body;
}

describe('provider failures', () => {
  const world = useAiWorld({ provider: { limits: { timeoutMs: 400, maxRetries: 0 } } });

  it.each([
    ['HTTP 500', { status: 500 }],
    ['HTTP 429', { status: 429, retryAfterSeconds: 0 }],
    ['a connection dropped mid-stream', { drop: true as const, afterChunks: 2 }],
    ['a body that is not JSON', { invalidBody: true as const }],
    ['no answer before the timeout', { hang: true as const }],
  ])('%s → the message job fails with AI_UNAVAILABLE', async (_what, reply) => {
    const { api, base } = await practiceRoom(world, 'Fay');
    world.fake.reply(reply);
    const res = await api.post(`${base}/messages`, { content: 'Hello?' });
    expect(res.status).toBe(202);
    expect(await ended(api, res.body.pollUrl)).toMatchObject({ status: 'failed', error: { code: 'AI_UNAVAILABLE' }, result: null });
    // No half reply is kept; the conversation has only the user's message.
    expect((await api.get(`${base}/messages`)).body.items.map((m: any) => m.role)).toEqual(['user']);
  });

  it('a provider that stalls between tokens fails the job (idle timeout), and the server stays healthy', async () => {
    const { api, base } = await practiceRoom(world, 'Gil');
    const { hold } = world.fake.hold(1);
    world.fake.reply({ text: 'starts then stalls forever', hold });
    const res = await api.post(`${base}/messages`, { content: 'Go' });
    expect(await ended(api, res.body.pollUrl)).toMatchObject({ status: 'failed', error: { code: 'AI_UNAVAILABLE', message: expect.stringMatching(/in time/) } });
    const health = (await api.get('/v1/health')).body;
    expect(health.features.ai).toBe(true);
  });

  it('a review whose output is invalid twice fails with AI_UNAVAILABLE; invalid once is asked again with the errors', async () => {
    const { api, base } = await practiceRoom(world, 'Hal');
    world.fake.reply({ text: 'Sure! Here is my review: looks fine.' }, { json: { summary: 'missing fields' } });
    const bad = await api.post(`${base}/reviews`, { code: 'print(1)', language: 'python' });
    expect(await ended(api, bad.body.pollUrl)).toMatchObject({ status: 'failed', error: { code: 'AI_UNAVAILABLE' } });

    world.fake.reply({ text: 'not json at all' }, { json: REVIEW });
    const before = world.fake.chatRequests().length;
    const good = await api.post(`${base}/reviews`, { code: 'def f(nums):\n    seen = {}\n    return nums[0]', language: 'python' });
    const job = zAiJob('review', zCodeReview).parse(await ended(api, good.body.pollUrl));
    expect(job.status).toBe('completed');
    expect(job.result).toMatchObject({ score: 78, comments: REVIEW.comments });
    expect(job.result!.dimensions[0]!.evidence[0]).toMatchObject({ sessionId: expect.any(String), snapshotId: null, line: 2, quote: 'seen = {}' });
    const [first, second] = world.fake.chatRequests().slice(before);
    expect(first!.body?.response_format?.type).toBe('json_schema');
    expect(second!.body?.messages?.at(-1)?.content).toMatch(/not valid: it is not JSON/);
  });
});

describe('retries of transient errors', () => {
  const world = useAiWorld({ provider: { limits: { maxRetries: 1 } } });

  it('a 500 then a reply: the job completes after one retry', async () => {
    const { api, base } = await practiceRoom(world, 'Ivo');
    world.fake.reply({ status: 503 }, { text: 'Second time lucky.' });
    const before = world.fake.chatRequests().length;
    const res = await api.post(`${base}/messages`, { content: 'Retry me' });
    expect(await ended(api, res.body.pollUrl)).toMatchObject({ status: 'completed', result: { content: 'Second time lucky.' } });
    expect(world.fake.chatRequests().length - before).toBe(2);
  });

  it('a stream that breaks before its first token is retried; after a token it is not', async () => {
    const { api, base } = await practiceRoom(world, 'Jo');
    world.fake.reply({ drop: true, afterChunks: 0 }, { text: 'Recovered.' });
    const res = await api.post(`${base}/messages`, { content: 'Break early' });
    expect(await ended(api, res.body.pollUrl)).toMatchObject({ status: 'completed', result: { content: 'Recovered.' } });

    world.fake.reply({ drop: true, afterChunks: 1 });
    const before = world.fake.chatRequests().length;
    const late = await api.post(`${base}/messages`, { content: 'Break late' });
    expect(await ended(api, late.body.pollUrl)).toMatchObject({ status: 'failed', error: { code: 'AI_UNAVAILABLE' } });
    expect(world.fake.chatRequests().length - before).toBe(1);
  });
});

describe('a provider without structured outputs', () => {
  const world = useAiWorld({ fake: { rejectJsonSchema: true } });

  it('gets json_object after refusing json_schema, and the review still completes', async () => {
    const { api, base } = await practiceRoom(world, 'Kit');
    world.fake.setDefault({ json: REVIEW });
    const res = await api.post(`${base}/reviews`, { code: 'print(2)', language: 'python' });
    expect(await ended(api, res.body.pollUrl)).toMatchObject({ status: 'completed', result: { score: 78 } });
    expect(world.fake.chatRequests().map((r) => r.body?.response_format?.type)).toEqual(['json_schema', 'json_object']);
  });
});

describe('restart', () => {
  it('jobs left queued or running by a previous process are failed at start, and their streams end with an error', async () => {
    const dir = makeTempDir('syncode-ai-restart-');
    const world = await startAiWorld({ server: { dataDir: dir.path, databaseUrl: await testDatabaseUrl() } });
    try {
      const { me, base, room } = await practiceRoom(world, 'Lea');
      await world.server.stop();
      // As a crash would leave it: a job still marked running in the database.
      const { databaseUrl } = world.server;
      const db = openServerDatabase(databaseUrl, dir.path, 'syncode.sqlite');
      const jobId = randomUUID();
      await (await openAiStore(db)).jobs.insert({ id: jobId, roomId: room.id, userId: me.id, kind: 'message', input: {}, createdAt: Date.now(), nodeId: null });
      await db.close();
      const again = await startTestServer({ dataDir: dir.path, databaseUrl, rateLimits: false, webRoot: null, ai: { baseUrl: world.fake.baseUrl } });
      try {
        const res = await as(again, me).get(`${base}/messages/${jobId}`);
        expect(res.body).toMatchObject({ status: 'failed', error: { code: 'AI_UNAVAILABLE', message: 'Interrupted by a server restart.' } });
        const stream = await openStream(`${again.url}${base}/messages/${jobId}/stream`, me.token);
        expect(await collect(stream.events)).toEqual([{ event: 'error', data: { code: 'AI_UNAVAILABLE', message: 'Interrupted by a server restart.' } }]);
      } finally {
        await again.stop();
      }
    } finally {
      await world.fake.close();
      dir.remove();
    }
  });
});
