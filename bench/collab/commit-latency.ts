// The store's commit latency under the write pattern of scenario (c), measured on the store alone (no server,
// no sockets): 200 documents with 2 authors each, 2000 keystroke-sized updates a second, committed the way the
// plane's writer does it on PostgreSQL — one commit at a time, a busy plane spacing commits 2 ms apart, every
// update that arrived meanwhile in the batch. SQLite gets the same batches, so that both rows compare (its plane
// commits on every turn instead: CollabStore.spacesCommits).
import { randomBytes, randomUUID } from 'node:crypto';
import type { CollabStore, NewUpdate } from '../../server/storage/collab/index.ts';
import { percentile } from './proc-stats.ts';

const DOCS = 200;
const UPDATES_PER_SEC = 2000;
const COMMIT_SPACING_MS = 2;
const UPDATE_BYTES = 24;

export interface CommitLatency {
  commits: number;
  rowsPerCommit: number;
  p50: number;
  p99: number;
  max: number;
}

export async function measureCommitLatency(store: CollabStore, durationMs: number): Promise<CommitLatency> {
  const docs = Array.from({ length: DOCS }, () => ({ roomId: randomUUID(), authors: [randomUUID(), randomUUID()] }));
  let next = 0;
  const update = (): NewUpdate => {
    const doc = docs[next++ % DOCS]!;
    return { roomId: doc.roomId, doc: 'code', userId: doc.authors[next % 2]!, acceptedAt: Date.now(), update: randomBytes(UPDATE_BYTES) };
  };
  // Every document and author once, so the measured commits hit cached keys as a running plane does.
  await store.appendUpdates(Array.from({ length: DOCS * 2 }, update));

  const latencies: number[] = [];
  let rows = 0;
  const started = performance.now();
  let due = 0;
  for (let last = started; performance.now() - started < durationMs; ) {
    const wait = last + COMMIT_SPACING_MS - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const now = performance.now();
    due += ((now - last) * UPDATES_PER_SEC) / 1000;
    last = now;
    const batch = Array.from({ length: Math.floor(due) }, update);
    due -= batch.length;
    if (batch.length === 0) continue;
    const t = performance.now();
    await store.appendUpdates(batch);
    latencies.push(performance.now() - t);
    rows += batch.length;
  }
  latencies.sort((a, b) => a - b);
  return { commits: latencies.length, rowsPerCommit: rows / latencies.length, p50: percentile(latencies, 50), p99: percentile(latencies, 99), max: latencies.at(-1) ?? NaN };
}
