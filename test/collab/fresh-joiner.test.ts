import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pollUntil } from '../support/poll.ts';
import { connectProvider, mintCollabToken, startHarness, type Harness, type ProviderClient } from './support/collab-harness.ts';

/**
 * A stock provider is `synced` when the server's SyncStep2 arrives; by then its document must hold every
 * change committed when the server answered — a client that reads (or seeds an empty document) at `synced`
 * must never see an older checkpoint.
 */
describe('a fresh client holds the whole document at its synced event', () => {
  let h: Harness;
  beforeEach(async () => {
    // Thousands of single-keystroke messages from one client: the message rate limit would cut it off.
    h = await startHarness({ rateLimits: false });
  });
  afterEach(async () => {
    await h.close();
  });

  /** Types `count` characters, one update each, and waits until a watcher has them all. */
  async function type(writer: ProviderClient, watcher: ProviderClient, count: number): Promise<void> {
    const text = writer.ydoc.getText('code');
    for (let i = 0; i < count; i++) text.insert(text.length, String.fromCharCode(97 + (i % 26)));
    await pollUntil(() => watcher.text() === writer.text(), Boolean, { what: 'watcher caught up', timeoutMs: 20_000 });
  }

  /** Ten fresh stock providers, each reading the text inside its own `synced` handler. */
  async function readAtSynced(roomId: string): Promise<string[]> {
    const reads = await Promise.all(
      Array.from({ length: 10 }, async () => {
        const token = await mintCollabToken({ userId: randomUUID(), roomId, role: 'spectator' });
        const client = connectProvider(h.collabUrl, roomId, 'code', token);
        const read = await new Promise<string>((resolve) => {
          client.provider.once('sync', (synced: boolean) => synced && resolve(client.text()));
        });
        client.destroy();
        return read;
      }),
    );
    return reads;
  }

  it('after thousands of edits (checkpoint plus a tail of updates), and after a server restart', async () => {
    const roomId = await h.createRoom({ initialCode: 'start\n' });
    const hostId = randomUUID();
    let host = await h.connect(roomId, 'code', hostId, 'host');
    let watcher = await h.connect(roomId, 'code', randomUUID(), 'spectator');
    // 2500 updates: past a checkpoint (taken every 2000), so the cached state is older than the document.
    await type(host, watcher, 2500);
    expect(await readAtSynced(roomId)).toEqual(Array(10).fill(host.text()));
    await type(host, watcher, 300);
    expect(await readAtSynced(roomId)).toEqual(Array(10).fill(host.text()));

    host.destroy();
    watcher.destroy();
    await h.restart();
    host = await h.connect(roomId, 'code', hostId, 'host');
    watcher = await h.connect(roomId, 'code', randomUUID(), 'spectator');
    await type(host, watcher, 400);
    const expected = host.text();
    expect(expected.length).toBe(6 + 3200);
    expect(await readAtSynced(roomId)).toEqual(Array(10).fill(expected));
  });
});
