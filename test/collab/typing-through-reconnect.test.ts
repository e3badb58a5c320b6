import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sendEditsAfterAnswer, type RoomEvent } from '../../server/protocol/index.ts';
import { pollUntil } from '../support/poll.ts';
import { connectProvider, mintCollabToken, recordEvents, startHarness, type Harness, type ProviderClient } from './support/collab-harness.ts';

/**
 * Offline edits, then a reconnect during which the user keeps typing: the keystroke made the moment the socket
 * opens depends on offline structs the server gets only with the client's SyncStep2. Sent at once (the stock
 * provider) it is rejected under R5 and the client must discard its document; held back until the client has
 * answered the server's SyncStep1 (what the product client does) it travels in that SyncStep2, and nothing is lost.
 */
describe('typing through a reconnect with offline edits', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness();
  });
  afterEach(async () => {
    await h.close();
  });

  async function typeThroughReconnect(guarded: boolean): Promise<{ client: ProviderClient; events: RoomEvent[]; roomId: string }> {
    const roomId = await h.createRoom();
    const client = connectProvider(h.collabUrl, roomId, 'code', await mintCollabToken({ userId: randomUUID(), roomId, role: 'host' }));
    if (guarded) sendEditsAfterAnswer(client.provider);
    const events = recordEvents(client);
    await pollUntil(() => client.provider.synced, Boolean, { what: 'first sync' });
    const text = client.ydoc.getText('code');
    text.insert(0, 'online;');
    client.provider.disconnect();
    for (let i = 0; i < 50; i++) text.insert(text.length, `offline${i};`);
    // The keystroke at the moment the socket opens, before the server's SyncStep1 can have arrived.
    const onOpen = ({ status }: { status: string }): void => {
      if (status === 'connected') text.insert(text.length, 'at-open;');
    };
    client.provider.on('status', onOpen);
    client.provider.connect();
    await pollUntil(() => client.provider.synced, Boolean, { what: 'sync after the reconnect' });
    client.provider.off('status', onOpen);
    text.insert(text.length, 'after;');
    return { client, events, roomId };
  }

  it('the product client holds an edit back until its SyncStep2 is out: everything arrives, nothing is rejected', async () => {
    const { client, events, roomId } = await typeThroughReconnect(true);
    const expected = client.text();
    expect(expected).toContain('offline49;at-open;after;');
    const fresh = await h.connect(roomId, 'code', randomUUID(), 'host');
    await pollUntil(() => fresh.text(), (t) => t === expected, { what: 'a fresh client to see every edit' });
    expect(events.filter((e) => e.type === 'update-rejected')).toEqual([]);
  });

  it('the stock provider sends it at once and gets it rejected (invalid-update): the case the guard exists for', async () => {
    const { events } = await typeThroughReconnect(false);
    await pollUntil(() => events.filter((e) => e.type === 'update-rejected'), (e) => e.length > 0, { what: 'the rejection' });
    expect(events.find((e) => e.type === 'update-rejected')).toMatchObject({ reason: 'invalid-update', doc: 'code' });
  });
});
