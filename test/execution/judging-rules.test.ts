// The pure judging rules and the plane's bookkeeping: output comparison, truncation, fair queueing, paging,
// unavailable toolchains, queue time.
import { describe, expect, it } from 'vitest';
import { FairQueue } from '../../server/execution/fair-queue.ts';
import { truncateUtf8 } from '../../server/execution/output.ts';
import { normalizeOutput, outputsMatch } from '../../server/protocol/output-compare.ts';
import { AppError } from '../../server/protocol/index.ts';
import { runRequest, runToEnd, startPlane, submissionRequest, waitForRun, waitForSubmission } from './plane-fixture.ts';

describe('output comparison', () => {
  it('normalizes CRLF, trailing whitespace per line and trailing empty lines, and nothing else', () => {
    expect(normalizeOutput('1 2 \r\n3\t\r\n\r\n\n  \n')).toBe('1 2\n3');
    expect(outputsMatch('a\r\nb  \n\n', 'a\nb')).toBe(true);
    expect(outputsMatch('a\n\nb\n', 'a\nb\n')).toBe(false);
    expect(outputsMatch(' a\n', 'a\n')).toBe(false);
    expect(outputsMatch('A\n', 'a\n')).toBe(false);
    expect(outputsMatch('', '\n\n')).toBe(true);
  });

  it('truncates to 64 KiB of UTF-8 without splitting a character', () => {
    const text = 'é'.repeat(40_000);
    const cut = truncateUtf8(Buffer.from(text));
    expect(cut.truncated).toBe(true);
    expect(Buffer.byteLength(cut.text)).toBe(65_536);
    expect(cut.text).toBe('é'.repeat(32_768));
    const odd = truncateUtf8(Buffer.from('a' + text));
    expect(Buffer.byteLength(odd.text)).toBe(65_535);
    expect(truncateUtf8(Buffer.from('short'))).toEqual({ text: 'short', truncated: false });
  });
});

describe('fair queue', () => {
  it('serves the least recently served user first, each user in FIFO order', () => {
    const q = new FairQueue<string>();
    for (const job of ['a1', 'a2', 'a3', 'a4']) q.push('alice', job);
    q.push('bob', 'b1');
    q.push('bob', 'b2');
    q.push('carol', 'c1');
    const order: string[] = [];
    while (q.size > 0) order.push(q.shift()!);
    expect(order).toEqual(['a1', 'b1', 'c1', 'a2', 'b2', 'a3', 'a4']);
    expect(q.shift()).toBeUndefined();
  });

  it('puts a newcomer before the user who was just served', () => {
    const q = new FairQueue<string>();
    q.push('alice', 'a1');
    q.push('alice', 'a2');
    expect(q.shift()).toBe('a1');
    q.push('bob', 'b1');
    expect([q.shift(), q.shift()]).toEqual(['b1', 'a2']);
  });
});

describe('plane bookkeeping', () => {
  it("serves users fairly: a late user's run does not wait behind another user's backlog", async () => {
    const fx = await startPlane({ workers: 1 });
    try {
      const order: string[] = [];
      fx.plane.onDidFinish((e) => order.push(e.userId));
      const alice = '00000000-0000-4000-8000-00000000a11c';
      const bob = '00000000-0000-4000-8000-000000000b0b';
      for (let i = 0; i < 4; i++) await fx.plane.enqueueRun(runRequest('javascript', `console.log(${i})`, { userId: alice }));
      const last = await fx.plane.enqueueRun(runRequest('javascript', 'console.log("bob")', { userId: bob }));
      await waitForRun(fx.plane, last.id);
      // Alice's first run was already taken by the only worker; Bob's comes right after it.
      expect(order).toEqual([alice, bob]);
    } finally {
      await fx.close();
    }
  });

  it('reports the average queue time of the jobs started since a given time', async () => {
    const fx = await startPlane({ workers: 1 });
    try {
      const since = Date.now();
      expect(await fx.plane.queueStats(since)).toEqual({ averageQueueMs: 0 });
      // Queued together: the only worker takes the run at once, so the submission waits for the whole run.
      const run = await fx.plane.enqueueRun(runRequest('javascript', 'console.log(1)'));
      const sub = await fx.plane.enqueueSubmission(submissionRequest('javascript', 'console.log(1)', [{ input: '', expectedOutput: '1\n' }]));
      expect((await fx.plane.getSubmission(sub.id))!.status).toBe('queued');
      await waitForRun(fx.plane, run.id);
      await waitForSubmission(fx.plane, sub.id);
      const { averageQueueMs } = await fx.plane.queueStats(since);
      expect(Number.isInteger(averageQueueMs)).toBe(true);
      expect(averageQueueMs).toBeGreaterThan(0);
      expect(await fx.plane.queueStats(Date.now() + 60_000)).toEqual({ averageQueueMs: 0 });
    } finally {
      await fx.close();
    }
  });

  it('a language without a toolchain is EXEC_UNAVAILABLE; others keep working', async () => {
    const fx = await startPlane({ searchPath: '', workers: 1 });
    try {
      expect(fx.plane.features().languages).toEqual(['javascript', 'typescript']);
      const refused = await fx.plane
        .enqueueSubmission(submissionRequest('python', 'print(1)', [{ input: '', expectedOutput: '1\n' }]))
        .catch((error: unknown) => error);
      expect(refused).toBeInstanceOf(AppError);
      expect((refused as AppError).code).toBe('EXEC_UNAVAILABLE');
      await expect(fx.plane.enqueueRun(runRequest('go', 'package main'))).rejects.toThrow(AppError);
      expect((await runToEnd(fx.plane, runRequest('javascript', 'console.log(6 * 7)'))).result?.stdout).toBe('42\n');
    } finally {
      await fx.close();
    }
  });

  it('lists runs and submissions newest first with signed cursors; a malformed or foreign cursor is VALIDATION_FAILED', async () => {
    const fx = await startPlane({ workers: 1 });
    try {
      const runs = [];
      // One after another: the list order is the order they were accepted.
      for (const i of [1, 2, 3]) runs.push(await fx.plane.enqueueRun(runRequest('javascript', `console.log(${i})`)));
      const other = await fx.plane.enqueueRun({ ...runRequest('javascript', 'console.log(0)'), roomId: '00000000-0000-4000-8000-0000000000ff' });
      const page1 = await fx.plane.listRuns(runs[0]!.roomId, { limit: 2 });
      expect(page1.items.map((r) => r.id)).toEqual([runs[2]!.id, runs[1]!.id]);
      const page2 = await fx.plane.listRuns(runs[0]!.roomId, { limit: 2, cursor: page1.nextCursor! });
      expect(page2).toMatchObject({ items: [{ id: runs[0]!.id }], nextCursor: null });
      expect((await fx.plane.listRuns(other.roomId, { limit: 10 })).items.map((r) => r.id)).toEqual([other.id]);
      await expect(fx.plane.listRuns(runs[0]!.roomId, { limit: 2, cursor: 'bogus' })).rejects.toThrow(
        expect.objectContaining({ code: 'VALIDATION_FAILED' }),
      );
      // Cursors are signed and scoped: one of the runs list is foreign to the submissions list.
      await expect(fx.plane.listSubmissions(runs[0]!.roomId, { limit: 2, cursor: page1.nextCursor! })).rejects.toThrow(
        expect.objectContaining({ code: 'VALIDATION_FAILED' }),
      );
      const sub = await fx.plane.enqueueSubmission(submissionRequest('javascript', 'console.log(1)', [{ input: '', expectedOutput: '1\n', hidden: true }]));
      expect(await fx.plane.listSubmissions(sub.roomId, { limit: 5 })).toMatchObject({ items: [{ id: sub.id, status: 'queued', total: 1, verdict: null }], nextCursor: null });
      expect(await fx.plane.getSubmission(sub.id)).toMatchObject({ tests: [], compileOutput: null, maxTimeMs: null, error: null });
      expect(await fx.plane.getRun('00000000-0000-4000-8000-00000000abcd')).toBeUndefined();
      expect(await fx.plane.getSubmission('not-a-uuid')).toBeUndefined();
    } finally {
      await fx.close();
    }
  });
});
