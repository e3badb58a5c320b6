// Recovery of AI work by node: a job or report records the process running it, and only a gone process's is
// failed — at start what has no owner, this node's previous run's and dead nodes' (never a live peer's work in
// flight); in a cluster a periodic sweep fails what a peer that died later left. A job failed as abandoned
// stays failed when its run ends after all, with no reply added to the conversation. The AI plane runs on the
// test pass's database (SQLite or PostgreSQL) and the fake provider; liveness is the plain value a cluster
// gives the plane (Redis presence's live node ids), set by the test.
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { createAiPlane, type AiPlane } from '../../server/ai/index.ts';
import { silentLogger } from '../../server/logger.ts';
import type { NodeLiveness } from '../../server/node-liveness.ts';
import { openAiStore, type AiJobKind, type AiStore } from '../../server/storage/ai/index.ts';
import { openServerDatabase, type SqlDatabase } from '../../server/storage/sql/index.ts';
import { startFakeOpenAi, type FakeOpenAi } from '../support/fake-openai.ts';
import { pollUntil } from '../support/poll.ts';
import { makeTempDir } from '../support/temp-dir.ts';
import { testDatabaseUrl } from '../support/test-database.ts';
import { FAST_LIMITS, PRACTICE_CONTEXT } from './ai-fixture.ts';

const RESTART = 'Interrupted by a server restart.';
const STOPPED = 'Interrupted: the server process running it stopped.';

/**
 * This process is node-b; `live` is what Redis presence would say (this node not yet joined at start), `asked`
 * counts the plane's look-ups (one per sweep).
 */
function liveness(live: Set<string> | null, sweepEveryMs = 0): NodeLiveness & { live: Set<string> | null; asked: number } {
  return {
    nodeId: 'node-b',
    live,
    asked: 0,
    liveNodes() {
      this.asked++;
      return Promise.resolve(this.live);
    },
    sweepEveryMs,
  };
}

describe('AI recovery by node', () => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  async function database(): Promise<{ sql: SqlDatabase; store: AiStore }> {
    const dir = makeTempDir('syncode-ai-recovery-');
    const sql = openServerDatabase(await testDatabaseUrl(), dir.path, 'syncode.sqlite');
    cleanups.push(() => dir.remove(), () => sql.close());
    return { sql, store: await openAiStore(sql) };
  }

  async function plane(sql: SqlDatabase, nodes: NodeLiveness, fake?: FakeOpenAi): Promise<AiPlane> {
    const ai = await createAiPlane({
      sql,
      log: silentLogger,
      provider: fake ? { baseUrl: fake.baseUrl, limits: FAST_LIMITS } : undefined,
      liveness: nodes,
    });
    cleanups.push(() => ai.close());
    return ai;
  }

  async function insertJob(store: AiStore, nodeId: string | null, kind: AiJobKind = 'message'): Promise<string> {
    const id = randomUUID();
    await store.jobs.insert({ id, roomId: 'room-1', userId: `user-${id}`, kind, input: {}, createdAt: Date.now(), nodeId });
    return id;
  }

  async function insertReport(store: AiStore, nodeId: string): Promise<string> {
    const subject = `subject-${randomUUID()}`;
    await store.reports.insertPending('room-1', subject, Date.now(), Date.now(), nodeId);
    return subject;
  }

  it('at start fails what has no owner, its own previous run’s and dead nodes’, never a live peer’s', async () => {
    const { sql, store } = await database();
    const jobs = {
      unowned: await insertJob(store, null),
      own: await insertJob(store, 'node-b', 'hint'),
      dead: await insertJob(store, 'node-c', 'review'),
      live: await insertJob(store, 'node-a'),
    };
    await store.jobs.markRunning(jobs.live);
    const reports = { own: await insertReport(store, 'node-b'), dead: await insertReport(store, 'node-c'), live: await insertReport(store, 'node-a') };

    await plane(sql, liveness(new Set(['node-a'])));

    for (const id of [jobs.unowned, jobs.own, jobs.dead]) {
      expect(await store.jobs.get(id)).toMatchObject({ status: 'failed', error: { code: 'AI_UNAVAILABLE', message: RESTART } });
    }
    expect(await store.jobs.get(jobs.live)).toMatchObject({ status: 'running', error: null, nodeId: 'node-a' });
    for (const subject of [reports.own, reports.dead]) {
      expect(await store.reports.get('room-1', subject)).toMatchObject({ status: 'failed', errorMessage: RESTART });
    }
    expect(await store.reports.get('room-1', reports.live)).toMatchObject({ status: 'pending', errorMessage: null });
  });

  it('while Redis cannot tell who is alive, only what has no owner and its own previous run’s are failed at start', async () => {
    const { sql, store } = await database();
    const own = await insertJob(store, 'node-b');
    const other = await insertJob(store, 'node-c');
    await plane(sql, liveness(null));
    expect((await store.jobs.get(own))?.status).toBe('failed');
    expect((await store.jobs.get(other))?.status).toBe('queued');
  });

  it('in a cluster, sweeps fail the work of a peer once it is no longer alive, and never this process’s own', async () => {
    const { sql, store } = await database();
    const nodes = liveness(new Set(['node-a', 'node-b']), 50);
    await plane(sql, nodes);
    const peerJob = await insertJob(store, 'node-a');
    const peerReport = await insertReport(store, 'node-a');
    // This process's own work in flight, although presence (a Redis hiccup) does not list it right now.
    const ownJob = await insertJob(store, 'node-b');
    nodes.live = new Set(['node-a']);
    // Several sweeps pass with node-a alive: nothing is failed.
    const asked = nodes.asked;
    await pollUntil(() => nodes.asked, (n) => n >= asked + 3, { what: 'three sweeps' });
    expect((await store.jobs.get(peerJob))?.status).toBe('queued');
    expect((await store.reports.get('room-1', peerReport))?.status).toBe('pending');

    nodes.live = new Set();
    const failed = await pollUntil(() => store.jobs.get(peerJob), (job) => job?.status === 'failed', { what: 'the dead peer’s job to fail' });
    expect(failed).toMatchObject({ error: { code: 'AI_UNAVAILABLE', message: STOPPED } });
    expect(failed?.completedAt).not.toBeNull();
    await pollUntil(() => store.reports.get('room-1', peerReport), (r) => r?.status === 'failed', { what: 'the dead peer’s report to fail' });
    expect(await store.reports.get('room-1', peerReport)).toMatchObject({ errorMessage: STOPPED });
    expect((await store.jobs.get(ownJob))?.status).toBe('queued');
  });

  it('a job failed as abandoned meanwhile stays failed when its reply ends, and no reply joins the conversation', async () => {
    const fake = await startFakeOpenAi({ chunkSize: 3 });
    cleanups.push(() => fake.close());
    const { sql, store } = await database();
    const ai = await plane(sql, liveness(new Set(['node-b'])), fake);
    const { hold, release } = fake.hold(2);
    fake.reply({ text: 'A reply that arrives too late.', hold });
    const job = await ai.submitMessage({ roomId: 'room-1', userId: 'user-1', content: 'Hello?', context: PRACTICE_CONTEXT });
    await pollUntil(() => fake.chatRequests()[0]?.chunksSent ?? 0, (n) => n === 2, { what: 'the reply to start' });
    // As a peer's sweep does when this process looked dead for a while.
    expect(await store.jobs.failAbandoned({ sql: 'node_id = ?', params: ['node-b'] }, Date.now(), { code: 'AI_UNAVAILABLE', message: STOPPED })).toBe(1);
    release();
    // The provider slot is released once the run has tried to record the job's end.
    await pollUntil(() => ai.load().running, (n) => n === 0, { what: 'the run to end' });
    expect(fake.chatRequests()[0]?.chunksSent).toBe(10);

    expect(await store.jobs.get(job.id)).toMatchObject({ status: 'failed', replyMessageId: null, error: { message: STOPPED } });
    expect((await ai.history('room-1', 'user-1', 10)).map((m) => m.role)).toEqual(['user']);
  });
});
