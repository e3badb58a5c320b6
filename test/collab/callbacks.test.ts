import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { createHttpCallbackSender, startCollabServer, type RunningCollabServer } from '../../server/collab/index.ts';
import { silentLogger } from '../../server/logger.ts';
import { INTERNAL_SECRET_HEADER, type SnapshotReadyItem } from '../../server/protocol/index.ts';
import { pollUntil } from '../support/poll.ts';
import { makeTempDir } from '../support/temp-dir.ts';
import { testDatabaseUrl } from '../support/test-database.ts';
import { INTERNAL_SECRET, JWT_SECRET } from './support/collab-harness.ts';

interface Received {
  path: string;
  at: number;
  body: { snapshots?: SnapshotReadyItem[]; userId?: string };
  secret: string | undefined;
}

/**
 * Plays the control plane's callback receiver on loopback (the real one is another engineer's, not built
 * yet): answers with the statuses queued in `replies`, then 200.
 */
async function startReceiver(): Promise<{ url: string; received: Received[]; replies: number[]; server: Server }> {
  const received: Received[] = [];
  const replies: number[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = JSON.parse(Buffer.concat(chunks).toString()) as Received['body'];
      received.push({ path: req.url!, at: Date.now(), body, secret: req.headers[INTERNAL_SECRET_HEADER] as string | undefined });
      const status = replies.shift() ?? 200;
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(status === 200 ? { received: body.snapshots?.length ?? 1 } : { code: 'INTERNAL', message: 'x', requestId: '' }));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  return { url: `http://127.0.0.1:${port}`, received, replies, server };
}

/** A snapshot-ready item of a room of its own, taken `n` ms from now (the buffer orders by takenAt). */
function snapshotItem(trigger: SnapshotReadyItem['trigger'], n: number): SnapshotReadyItem {
  return { id: randomUUID(), roomId: randomUUID(), doc: 'code', takenAt: new Date(Date.now() + n).toISOString(), trigger, bytes: 'AA==', sizeBytes: 1 };
}

describe('HTTP callbacks: retry 1/2/4, buffering, at-least-once', () => {
  const cleanup: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const c of cleanup.splice(0).reverse()) await c();
  });

  async function setup(retryDelaysMs: number[], flushIntervalMs = 60_000) {
    const receiver = await startReceiver();
    cleanup.push(() => new Promise<void>((r) => receiver.server.close(() => r())));
    const dir = makeTempDir('syncode-collab-cb-');
    cleanup.push(() => dir.remove());
    const databaseUrl = await testDatabaseUrl();
    const server: RunningCollabServer = await startCollabServer({
      dataDir: dir.path,
      ...(databaseUrl ? { databaseUrl } : {}),
      jwtSecret: JWT_SECRET,
      internalSecret: INTERNAL_SECRET,
      callbacks: { baseUrl: receiver.url, retryDelaysMs, flushIntervalMs },
      log: silentLogger,
    });
    cleanup.push(() => server.close());
    const roomId = randomUUID();
    await server.plane.control.createDocument({ roomId, mode: 'practice', phase: 'waiting', language: 'python', problemId: null, initialCode: 'x', editorLocked: false, participants: [] });
    return { receiver, server, roomId };
  }

  it('retries a failing snapshot-ready after delays in the ratio 1:2:4, with the secret header', async () => {
    const delays = [200, 400, 800];
    const { receiver, server, roomId } = await setup(delays);
    receiver.replies.push(503, 500, 429);
    const { snapshot } = await server.plane.control.takeSnapshot(roomId, 'manual');
    await pollUntil(() => receiver.received.length, (n) => n === 4, { what: 'four attempts' });
    const gaps = receiver.received.slice(1).map((r, i) => r.at - receiver.received[i]!.at);
    // Each wait is its scheduled delay (1:2:4), give or take less than one base unit of overhead.
    gaps.forEach((gap, i) => {
      expect(gap).toBeGreaterThanOrEqual(delays[i]! - 5);
      expect(gap).toBeLessThan(delays[i]! + delays[0]!);
    });
    expect(receiver.received.every((r) => r.path === '/internal/callbacks/snapshot-ready' && r.secret === INTERNAL_SECRET)).toBe(true);
    expect(receiver.received[3]!.body.snapshots!.map((s) => s.id)).toEqual([snapshot.id]);
  });

  it('buffers after the last retry and delivers buffered items first with the next success', async () => {
    // The sender alone, so the test can wait until the item is in the buffer: its last attempt's 503 may still be on
    // its way back when the receiver has counted four attempts, and a callback sent meanwhile would go out alone.
    // No periodic flush within the test: the buffered item can only go out with the next callback.
    const receiver = await startReceiver();
    cleanup.push(() => new Promise<void>((r) => receiver.server.close(() => r())));
    const sender = createHttpCallbackSender({ baseUrl: receiver.url, internalSecret: INTERNAL_SECRET, log: silentLogger, retryDelaysMs: [10, 20, 40], flushIntervalMs: 60_000 });
    cleanup.push(() => sender.close());
    receiver.replies.push(503, 503, 503, 503);
    const first = snapshotItem('manual', 1);
    const firstAcked = sender.snapshotReady({ snapshots: [first] });
    await pollUntil(() => sender.bufferedCount(), (n) => n === 1);
    expect(receiver.received.length).toBe(4);
    const second = snapshotItem('manual', 2);
    await expect(sender.snapshotReady({ snapshots: [second] })).resolves.toEqual({ received: 1 });
    await expect(firstAcked).resolves.toEqual({ received: 1 });
    expect(receiver.received.length).toBe(5);
    expect(receiver.received[4]!.body.snapshots!.map((s) => s.id)).toEqual([first.id, second.id]);
    expect(sender.pendingCount()).toBe(0);
  });

  it('delivers buffered items with the periodic flush, without any new callback', async () => {
    const { receiver, server, roomId } = await setup([10, 20, 40], 250);
    receiver.replies.push(503, 503, 503, 503);
    const only = await server.plane.control.takeSnapshot(roomId, 'manual');
    await pollUntil(() => receiver.received.length, (n) => n >= 5, { what: 'periodic flush' });
    expect(receiver.received.at(-1)!.body.snapshots!.map((s) => s.id)).toEqual([only.snapshot.id]);
    await pollUntil(() => server.plane.health(), (x) => x.pendingCallbacks === 0);
  });

  it('drops an item refused with a non-retryable 4xx after one attempt', async () => {
    const { receiver, server, roomId } = await setup([10, 20, 40]);
    receiver.replies.push(400);
    await server.plane.control.takeSnapshot(roomId, 'manual');
    await pollUntil(() => server.plane.health(), (x) => x.pendingCallbacks === 0 && receiver.received.length === 1);
    const next = await server.plane.control.takeSnapshot(roomId, 'manual');
    await pollUntil(() => receiver.received.length, (n) => n === 2);
    expect(receiver.received[1]!.body.snapshots!.map((s) => s.id)).toEqual([next.snapshot.id]);
  });

  it('a full buffer drops the oldest periodic snapshots first, then the oldest disconnect notices', async () => {
    const receiver = await startReceiver();
    cleanup.push(() => new Promise<void>((r) => receiver.server.close(() => r())));
    const sender = createHttpCallbackSender({ baseUrl: receiver.url, internalSecret: INTERNAL_SECRET, log: silentLogger, retryDelaysMs: [], maxItems: 3, flushIntervalMs: 60_000 });
    cleanup.push(() => sender.close());
    const disconnect = (userId: string) => ({ roomId: randomUUID(), userId, doc: 'code' as const, closeCode: 1006, disconnectedAt: new Date().toISOString() });
    receiver.replies.push(503, 503, 503, 503, 503);
    const outcomes: Promise<unknown>[] = [];
    const p1 = snapshotItem('periodic', 1);
    const end = snapshotItem('session-end', 2);
    outcomes.push(sender.snapshotReady({ snapshots: [p1] }).catch(() => 'dropped'));
    outcomes.push(sender.userDisconnected(disconnect('d1')).catch(() => 'dropped'));
    outcomes.push(sender.snapshotReady({ snapshots: [end] }).catch(() => 'dropped'));
    outcomes.push(sender.userDisconnected(disconnect('d2')).catch(() => 'dropped'));
    await pollUntil(() => receiver.received.length, (n) => n === 4);
    // 4 items in a buffer of 3: the periodic snapshot goes first.
    expect(await outcomes[0]).toBe('dropped');
    outcomes.push(sender.userDisconnected(disconnect('d2b')).catch(() => 'dropped'));
    // No periodic snapshot left: the oldest disconnect notice goes next; the session-end snapshot stays.
    expect(await outcomes[1]).toBe('dropped');
    expect(sender.pendingCount()).toBe(3);
    await expect(sender.userDisconnected(disconnect('d3'))).resolves.toEqual({ received: 1 });
    await expect(outcomes[3]).resolves.toEqual({ received: 1 });
    await expect(outcomes[4]).resolves.toEqual({ received: 1 });
    const notices = receiver.received.filter((r) => r.path.endsWith('user-disconnected')).map((r) => r.body.userId);
    expect(notices.slice(-3).sort()).toEqual(['d2', 'd2b', 'd3']);
    const last = sender.snapshotReady({ snapshots: [snapshotItem('manual', 3)] });
    await expect(last).resolves.toEqual({ received: 1 });
    await expect(outcomes[2]).resolves.toEqual({ received: 1 });
    const delivered = receiver.received.at(-1)!.body.snapshots!.map((s) => s.trigger);
    expect(delivered).toEqual(['session-end', 'manual']);
  });
});
