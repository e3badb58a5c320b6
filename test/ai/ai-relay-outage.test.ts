// Two processes' AI planes (node-a generates, node-b is where the client's requests arrive) on one database,
// each relaying over its own connection to a real Redis that is stopped once they run: every relayed token and
// cancel request is lost. Through the database alone the follower still shows the whole reply, without a gap
// or a repeat, and the cancel still reaches the job (node-a polls for recorded requests).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAiPlane, type AiPlane, type ReplyEvent } from '../../server/ai/index.ts';
import { connectRedis, type RedisConnection } from '../../server/cluster/redis-client.ts';
import { RedisReplyRelay } from '../../server/cluster/redis-reply-relay.ts';
import { silentLogger } from '../../server/logger.ts';
import type { NodeLiveness } from '../../server/node-liveness.ts';
import { openServerDatabase, type SqlDatabase } from '../../server/storage/sql/index.ts';
import { startFakeOpenAi, type FakeOpenAi } from '../support/fake-openai.ts';
import { pollUntil } from '../support/poll.ts';
import { startRedisServer, type RedisServer } from '../support/redis-server.ts';
import { makeTempDir } from '../support/temp-dir.ts';
import { testDatabaseUrl } from '../support/test-database.ts';
import { FAST_LIMITS, PRACTICE_CONTEXT } from './ai-fixture.ts';

const REPLY = Array.from({ length: 25 }, (_, i) => `Step ${i}: think it through.`).join(' ');

describe('AI jobs across processes while Redis is unreachable', () => {
  const dir = makeTempDir('syncode-ai-relay-outage-');
  let fake: FakeOpenAi;
  let redis: RedisServer;
  let sql: SqlDatabase;
  const connections: RedisConnection[] = [];
  const relays: RedisReplyRelay[] = [];
  const planes: AiPlane[] = [];

  async function plane(nodeId: string): Promise<AiPlane> {
    const conn = await connectRedis(redis.url, silentLogger, nodeId);
    connections.push(conn);
    const relay = new RedisReplyRelay(conn, silentLogger);
    relays.push(relay);
    await relay.start();
    const liveness: NodeLiveness = { nodeId, liveNodes: () => Promise.resolve(new Set(['node-a', 'node-b'])), sweepEveryMs: 0 };
    // A held reply must outlast the provider's idle timeout: the cancel takes up to one poll (5 s) to arrive.
    const ai = await createAiPlane({ sql, log: silentLogger, provider: { baseUrl: fake.baseUrl, limits: { ...FAST_LIMITS, timeoutMs: 15_000 } }, liveness, relay });
    planes.push(ai);
    return ai;
  }

  beforeAll(async () => {
    // 3-character tokens every 40 ms: the reply takes about 9 s, so the follower reads several saves of it.
    fake = await startFakeOpenAi({ chunkSize: 3, chunkDelayMs: 40 });
    redis = await startRedisServer();
    sql = openServerDatabase(await testDatabaseUrl(), dir.path, 'syncode.sqlite');
  });
  afterAll(async () => {
    for (const ai of planes) await ai.close();
    for (const relay of relays) relay.close();
    for (const conn of connections) await conn.close();
    await sql?.close();
    await redis?.stop();
    await fake?.close();
    dir.remove();
  });

  it('a follower on node-b shows the whole reply from the saved text, and a cancel through node-b stops a job on node-a', async () => {
    const a = await plane('node-a');
    const b = await plane('node-b');
    await redis.stop();

    const { hold, release } = fake.hold(10);
    fake.reply({ text: REPLY, hold });
    const job = await a.submitMessage({ roomId: 'room-1', userId: 'user-1', content: 'Where do I start?', context: PRACTICE_CONTEXT });
    await pollUntil(() => fake.chatRequests()[0]?.chunksSent ?? 0, (n) => n === 10, { what: 'the reply to be held' });
    const seen: ReplyEvent[] = [];
    const following = (async () => {
      for await (const event of b.replyEvents(job.id, AbortSignal.timeout(30_000))) seen.push(event);
    })();
    release();
    await following;
    const deltas = seen.filter((e) => e.type === 'delta').map((e) => e.content);
    expect(deltas.join('')).toBe(REPLY);
    expect(deltas.length).toBeGreaterThan(1);
    expect(seen.at(-1)).toMatchObject({ type: 'end', job: { id: job.id, status: 'completed' } });

    const held = fake.hold(5);
    fake.reply({ text: REPLY, hold: held.hold });
    const second = await a.submitMessage({ roomId: 'room-1', userId: 'user-1', content: 'And then?', context: PRACTICE_CONTEXT });
    await pollUntil(() => fake.chatRequests()[1]?.chunksSent ?? 0, (n) => n === 5, { what: 'the second reply to be held' });
    try {
      const cancelled = await b.cancel(second.id);
      expect(cancelled).toMatchObject({ status: 'failed', error: { code: 'AI_CANCELLED' } });
      expect((await b.message(cancelled!.replyMessageId!))?.content).toBe(REPLY.slice(0, 15));
    } finally {
      held.release();
    }
  }, 40_000);
});
