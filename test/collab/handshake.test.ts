import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CloseCode, MessageType } from '../../server/protocol/index.ts';
import { pollUntil } from '../support/poll.ts';
import { mintCollabToken, startHarness, type Harness } from './support/collab-harness.ts';
import { awarenessFrame, decodeAwareness, RawClient } from './support/raw-client.ts';

/** Connects, and returns the close code the server sends before any message (handshake failures). */
async function refusedWith(url: string): Promise<{ code: number; messages: number }> {
  const c = new RawClient(url);
  const code = await c.waitForClose();
  return { code, messages: c.received.length };
}

describe('handshake checks in order, each with its close code', () => {
  let h: Harness;
  let roomId: string;
  const userId = randomUUID();
  beforeAll(async () => {
    h = await startHarness();
    roomId = await h.createRoom();
  });
  afterAll(async () => {
    await h.close();
  });
  const token = (claims: Partial<Parameters<typeof mintCollabToken>[0]> = {}) => mintCollabToken({ userId, roomId, ...claims });

  it('1008 for a malformed path', async () => {
    const t = await token();
    for (const path of [`${roomId.toUpperCase()}/code`, 'not-a-uuid/code', `${roomId}/notes`, `${roomId}/code/extra`]) {
      expect(await refusedWith(`${h.collabUrl}/${path}?token=${t}`)).toEqual({ code: 1008, messages: 0 });
    }
  });

  it('4001 for a missing, badly signed, expired, non-collab or other-room token', async () => {
    const now = Math.floor(Date.now() / 1000);
    const bad = [
      '',
      await token({ secret: 'some-other-secret-some-other-secret-xx' }),
      await token({ iat: now - 1200, exp: now - 600 }),
      await token({ typ: 'access' }),
      await token({ roomId: randomUUID() }),
    ];
    for (const t of bad) {
      expect(await refusedWith(`${h.collabUrl}/${roomId}/code?token=${t}`)).toEqual({ code: CloseCode.UNAUTHORIZED.code, messages: 0 });
    }
  });

  it('4004 when no document was ever created for the room', async () => {
    const other = randomUUID();
    const t = await mintCollabToken({ userId, roomId: other });
    expect((await refusedWith(`${h.collabUrl}/${other}/code?token=${t}`)).code).toBe(CloseCode.ROOM_NOT_FOUND.code);
  });

  it('4003 once the room is destroyed (tombstone), 4002 once the user is kicked', async () => {
    const closed = await h.createRoom();
    await h.control.destroyDocument(closed, 'finished');
    const t = await mintCollabToken({ userId, roomId: closed });
    expect((await refusedWith(`${h.collabUrl}/${closed}/whiteboard?token=${t}`)).code).toBe(CloseCode.ROOM_CLOSED.code);

    const kickedRoom = await h.createRoom();
    const victim = randomUUID();
    await h.control.kickUser(kickedRoom, { userId: victim });
    const kt = await mintCollabToken({ userId: victim, roomId: kickedRoom });
    expect((await refusedWith(`${h.collabUrl}/${kickedRoom}/code?token=${kt}`)).code).toBe(CloseCode.KICKED.code);
  });

  it('6b: after a leave, a token issued before it gets 4001 and one from a later rejoin is accepted', async () => {
    const r = await h.createRoom();
    const leaver = randomUUID();
    const oldToken = await mintCollabToken({ userId: leaver, roomId: r, iat: Math.floor(Date.now() / 1000) - 5 });
    await h.control.pushEvent(r, { type: 'participant-left', userId: leaver });
    expect((await refusedWith(`${h.collabUrl}/${r}/code?token=${oldToken}`)).code).toBe(CloseCode.UNAUTHORIZED.code);
    const fresh = await mintCollabToken({ userId: leaver, roomId: r, iat: Math.floor(Date.now() / 1000) + 1 });
    const ok = await RawClient.open(`${h.collabUrl}/${r}/code?token=${fresh}`);
    await ok.waitFor((m) => m.event?.type === 'room-state');
    ok.close();
  });

  it('4029 after 20 connection attempts per user and room within a minute', async () => {
    const r = await h.createRoom();
    const t = await mintCollabToken({ userId: randomUUID(), roomId: r });
    const codes: number[] = [];
    for (let i = 0; i < 21; i++) {
      const c = await RawClient.open(`${h.collabUrl}/${r}/code?token=${t}`);
      if (i < 20) {
        await c.waitFor((m) => m.event?.type === 'room-state');
        c.ws.close();
        codes.push(await c.waitForClose());
      } else {
        codes.push(await c.waitForClose());
        expect(c.received).toHaveLength(0);
      }
    }
    expect(codes.at(-1)).toBe(CloseCode.RATE_LIMITED.code);
    expect(codes.slice(0, 20).every((c) => c === 1000 || c === 1005)).toBe(true);
  });

  it('4009: the older connection of the same user and doc is closed, the newer one survives', async () => {
    const r = await h.createRoom();
    const u = randomUUID();
    const t = await mintCollabToken({ userId: u, roomId: r });
    const witness = await RawClient.open(`${h.collabUrl}/${r}/code?token=${await mintCollabToken({ userId: randomUUID(), roomId: r })}`);
    const older = await RawClient.open(`${h.collabUrl}/${r}/code?token=${t}`);
    await older.waitFor((m) => m.event?.type === 'room-state');
    older.send(awarenessFrame([{ clientId: 777, clock: 1, state: { user: { name: 'old tab' } } }]));
    await witness.waitFor((m) => m.type === MessageType.AWARENESS);
    const newer = await RawClient.open(`${h.collabUrl}/${r}/code?token=${t}`);
    expect(await older.waitForClose()).toBe(CloseCode.REPLACED.code);
    expect(older.closeReason).toBe('replaced');
    await newer.waitFor((m) => m.event?.type === 'room-state');
    expect(newer.closeCode).toBeNull();
    // The old states are gone before the newer connection hears anything: it starts with SyncStep1, no awareness.
    expect(newer.received[0]).toMatchObject({ type: MessageType.SYNC, subType: 0 });
    expect(newer.received.some((m) => m.type === MessageType.AWARENESS)).toBe(false);
    await pollUntil(() => witness.received.filter((m) => m.type === MessageType.AWARENESS).flatMap((m) => decodeAwareness(m.payload!)), (e) => e.some((x) => x.clientId === 777 && x.state === null));
    witness.close();
    // Replaced is not the user's last connection: no user-disconnected callback for it.
    expect(h.callbacks.disconnects.filter((d) => d.userId === u)).toHaveLength(0);
    newer.ws.close();
    await pollUntil(() => h.callbacks.disconnects.filter((d) => d.userId === u).length, (n) => n === 1);
    expect(h.callbacks.disconnects.find((d) => d.userId === u)).toMatchObject({ roomId: r, doc: 'code', closeCode: 1005 });
  });

  it('answers a plain HTTP request under /collab with 426', async () => {
    const res = await fetch(`${h.server.url}/collab/${roomId}/code`);
    expect(res.status).toBe(426);
    await res.arrayBuffer();
  });
});
