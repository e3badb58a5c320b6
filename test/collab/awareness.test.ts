import { randomUUID } from 'node:crypto';
import * as encoding from 'lib0/encoding';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MessageType } from '../../server/protocol/index.ts';
import { pollUntil } from '../support/poll.ts';
import { mintCollabToken, startHarness, type Harness } from './support/collab-harness.ts';
import { awarenessFrame, decodeAwareness, RawClient } from './support/raw-client.ts';

const THROTTLE_MS = 200;
const TIMEOUT_MS = 600;

describe('awareness relay', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ awarenessThrottleMs: THROTTLE_MS, awarenessTimeoutMs: TIMEOUT_MS });
  });
  afterAll(async () => {
    await h.close();
  });

  const join = async (roomId: string, role: 'host' | 'spectator' = 'host'): Promise<RawClient> => {
    const token = await mintCollabToken({ userId: randomUUID(), roomId, role });
    const c = await RawClient.open(`${h.collabUrl}/${roomId}/whiteboard?token=${token}`);
    await c.waitFor((m) => m.type === MessageType.SYNC);
    return c;
  };
  const awarenessOf = (c: RawClient) =>
    c.received.filter((m) => m.type === MessageType.AWARENESS).map((m) => decodeAwareness(m.payload!));

  it('relays to every connection including the sender; a spectator may publish; a clientID belongs to its first connection', async () => {
    const roomId = await h.createRoom();
    const a = await join(roomId, 'spectator');
    const b = await join(roomId);
    a.send(awarenessFrame([{ clientId: 11, clock: 1, state: { user: { name: 'A' }, pointer: null, selectedIds: [] } }]));
    for (const c of [a, b]) await pollUntil(() => awarenessOf(c).flat(), (e) => e.some((x) => x.clientId === 11));
    // b claims a's clientID: dropped, nobody sees it.
    b.send(awarenessFrame([{ clientId: 11, clock: 5, state: { user: { name: 'B' } } }]));
    b.send(awarenessFrame([{ clientId: 22, clock: 1, state: { user: { name: 'B' } } }]));
    await pollUntil(() => awarenessOf(a).flat(), (e) => e.some((x) => x.clientId === 22));
    expect(awarenessOf(a).flat().filter((x) => x.clientId === 11).map((x) => x.clock)).toEqual([1]);
    // query-awareness answers with every known state.
    const before = awarenessOf(b).length;
    b.send(new Uint8Array([MessageType.QUERY_AWARENESS]));
    await pollUntil(() => awarenessOf(b).length, (n) => n > before);
    expect(awarenessOf(b).at(-1)!.map((x) => x.clientId).sort()).toEqual([11, 22]);
    // A newcomer gets the current states right after SyncStep1.
    const late = await join(roomId);
    await pollUntil(() => late.received.length, (n) => n >= 2);
    expect(late.received[1]!.type).toBe(MessageType.AWARENESS);
    for (const c of [a, b, late]) c.close();
  });

  it('throttles per connection and coalesces to the newest state', async () => {
    const roomId = await h.createRoom();
    const sender = await join(roomId);
    const watcher = await join(roomId);
    const started = Date.now();
    for (let clock = 1; clock <= 20; clock++) {
      sender.send(awarenessFrame([{ clientId: 33, clock, state: { pointer: { x: clock, y: 0 } } }]));
    }
    await pollUntil(() => awarenessOf(watcher).flat().some((e) => e.clock === 20), Boolean);
    const elapsed = Date.now() - started;
    const messages = awarenessOf(watcher);
    // At most one message per window: the first at once, then one per elapsed window.
    expect(messages.length).toBeLessThanOrEqual(1 + Math.ceil(elapsed / THROTTLE_MS));
    expect(messages.length).toBeLessThan(20);
    expect(messages.at(-1)).toEqual([{ clientId: 33, clock: 20, state: { pointer: { x: 20, y: 0 }, user: expect.any(Object) } }]);
    sender.close();
    watcher.close();
  });

  it('removes a state that is not renewed, and the states of a closed connection at once', async () => {
    const roomId = await h.createRoom();
    const a = await join(roomId);
    const b = await join(roomId);
    a.send(awarenessFrame([{ clientId: 44, clock: 1, state: { user: { name: 'A' } } }]));
    await pollUntil(() => awarenessOf(b).flat(), (e) => e.some((x) => x.clientId === 44));
    await pollUntil(() => awarenessOf(b).flat(), (e) => e.some((x) => x.clientId === 44 && x.state === null), { what: 'timeout removal' });

    b.send(awarenessFrame([{ clientId: 55, clock: 1, state: { user: { name: 'B' } } }]));
    await pollUntil(() => awarenessOf(a).flat(), (e) => e.some((x) => x.clientId === 55));
    const closedAt = Date.now();
    b.ws.close();
    await pollUntil(() => awarenessOf(a).flat(), (e) => e.some((x) => x.clientId === 55 && x.state === null));
    expect(Date.now() - closedAt).toBeLessThan(TIMEOUT_MS);
    a.close();
  });

  it('drops a state larger than 16 KiB and closes on an undecodable awareness message', async () => {
    const roomId = await h.createRoom();
    const a = await join(roomId);
    const b = await join(roomId);
    a.send(awarenessFrame([{ clientId: 66, clock: 1, state: { blob: 'x'.repeat(17 * 1024) } }]));
    a.send(awarenessFrame([{ clientId: 67, clock: 1, state: { small: true } }]));
    await pollUntil(() => awarenessOf(b).flat(), (e) => e.some((x) => x.clientId === 67));
    expect(awarenessOf(b).flat().some((x) => x.clientId === 66)).toBe(false);
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, MessageType.AWARENESS);
    encoding.writeVarUint8Array(e, new Uint8Array([1, 5, 1, 3, 0x7b, 0x7b, 0x7b])); // JSON "{{{"
    a.send(encoding.toUint8Array(e));
    expect(await a.waitForClose()).toBe(1008);
    expect(b.closeCode).toBeNull();
    b.close();
  });

  it('closes a connection announcing a fifth clientID with 1008, and one sending over 64 KiB/s of awareness with 4029', async () => {
    const roomId = await h.createRoom();
    const many = await join(roomId);
    const watcher = await join(roomId);
    many.send(awarenessFrame([1, 2, 3, 4].map((clientId) => ({ clientId: 100 + clientId, clock: 1, state: { n: clientId } }))));
    await pollUntil(() => awarenessOf(watcher).flat(), (e) => e.some((x) => x.clientId === 104));
    many.send(awarenessFrame([{ clientId: 105, clock: 1, state: { n: 5 } }]));
    expect(await many.waitForClose()).toBe(1008);
    // Its states go with it.
    await pollUntil(() => awarenessOf(watcher).flat(), (e) => e.some((x) => x.clientId === 101 && x.state === null));

    // Stock clients echo every awareness change they receive, removals of departed clients included: those
    // are not announcements.
    const echoer = await join(roomId);
    echoer.send(awarenessFrame([1, 2, 3, 4, 5, 6].map((n) => ({ clientId: 100 + n, clock: 9, state: null }))));
    echoer.send(awarenessFrame([{ clientId: 400, clock: 1, state: { n: 'mine' } }]));
    await pollUntil(() => awarenessOf(watcher).flat(), (e) => e.some((x) => x.clientId === 400));
    expect(echoer.closeCode).toBeNull();
    echoer.close();

    const flood = await join(roomId);
    for (let clock = 1; clock <= 25 && flood.closeCode === null; clock++) {
      flood.send(awarenessFrame([{ clientId: 200, clock, state: { blob: 'x'.repeat(15 * 1024) } }]));
    }
    expect(await flood.waitForClose()).toBe(4029);
    expect(watcher.closeCode).toBeNull();
    watcher.close();
  });

  it('relays presence with the identity of the sender\'s token, whatever the state claims', async () => {
    const roomId = await h.createRoom();
    const userId = randomUUID();
    const token = await mintCollabToken({ userId, roomId, role: 'candidate', name: 'Grace' });
    const impostor = await RawClient.open(`${h.collabUrl}/${roomId}/whiteboard?token=${token}`);
    const watcher = await join(roomId);
    const forged = { id: randomUUID(), name: 'The Host', role: 'host', color: '#ff0000' };
    impostor.send(awarenessFrame([{ clientId: 300, clock: 1, state: { user: forged, pointer: { x: 1, y: 2 } } }]));
    const [relayed] = await pollUntil(
      () => awarenessOf(watcher).flat().filter((x) => x.clientId === 300),
      (e) => e.length > 0,
    );
    expect(relayed!.state).toEqual({ user: { id: userId, name: 'Grace', role: 'candidate', color: '#ff0000' }, pointer: { x: 1, y: 2 } });
    impostor.close();
    watcher.close();
  });
});
