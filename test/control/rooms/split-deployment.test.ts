// Split deployment, control side (docs/collab-protocol.md, "Deployments"): the main server answers the callbacks at
// /internal/callbacks/* behind X-Internal-Secret, idempotently; in-process mode has no /internal routes.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { INTERNAL_SECRET_HEADER } from '../../../server/protocol/index.ts';
import { call } from '../api.ts';
import { INTERNAL_SECRET, as, createRoom, expectError, inProcess, overHttp, people, type RoomServer } from './room-fixture.ts';

function codeBytes(text: string): string {
  const doc = new Y.Doc();
  doc.getText('code').insert(0, text);
  const bytes = Buffer.from(Y.encodeStateAsUpdate(doc)).toString('base64');
  doc.destroy();
  return bytes;
}

describe('split deployment callbacks', () => {
  let split: RoomServer;
  let embedded: RoomServer;

  beforeAll(async () => {
    [split, embedded] = await Promise.all([overHttp.start(), inProcess.start()]);
  });
  afterAll(async () => {
    await Promise.all([split?.stop(), embedded?.stop()]);
  });

  const post = (server: RoomServer, path: string, body: unknown, secret = INTERNAL_SECRET) =>
    call(server, 'POST', `/internal/callbacks/${path}`, { body, headers: { [INTERNAL_SECRET_HEADER]: secret } });

  it('in-process mode answers 404 under /internal', async () => {
    const res = await post(embedded, 'user-disconnected', {});
    expect(res.status).toBe(404);
  });

  it('refuses a missing or wrong secret with 401 and bad payloads with 400', async () => {
    expectError(await post(split, 'snapshot-ready', { snapshots: [] }, 'wrong-secret'), 401, 'AUTH_UNAUTHENTICATED');
    expectError(await call(split, 'POST', '/internal/callbacks/snapshot-ready', { body: { snapshots: [] } }), 401, 'AUTH_UNAUTHENTICATED');
    expectError(await post(split, 'snapshot-ready', { snapshots: [] }), 400, 'VALIDATION_FAILED');
    expectError(await post(split, 'user-disconnected', { roomId: 'x' }), 400, 'VALIDATION_FAILED');
  });

  it('stores repeated deliveries once: snapshots by id, disconnects by (roomId, userId, disconnectedAt)', async () => {
    const [host] = await people(split, ['Hana'] as const);
    const room = await createRoom(split, host, { mode: 'interview' });
    const item = {
      id: randomUUID(),
      roomId: room.id,
      doc: 'code',
      takenAt: new Date().toISOString(),
      trigger: 'periodic',
      bytes: codeBytes('x = 1'),
      sizeBytes: 0,
    };
    item.sizeBytes = Buffer.from(item.bytes, 'base64').length;
    const gone = { roomId: room.id, userId: host.id, doc: 'code', closeCode: 1006, disconnectedAt: new Date().toISOString() };
    for (let i = 0; i < 2; i++) {
      expect((await post(split, 'snapshot-ready', { snapshots: [item] })).body).toEqual({ received: 1 });
      expect((await post(split, 'user-disconnected', gone)).body).toEqual({ received: 1 });
    }
    const snaps = await as(split, host).get(`/v1/sessions/${room.id}/snapshots?trigger=periodic`);
    const { doc: _doc, ...stored } = item;
    expect(snaps.body.items).toEqual([stored]);
    const timeline = (await as(split, host).get(`/v1/sessions/${room.id}/timeline`)).body.items;
    expect(timeline.filter((e: any) => e.type === 'user-disconnected')).toHaveLength(1);
    expect(timeline.filter((e: any) => e.type === 'snapshot' && e.data.snapshotId === item.id)).toHaveLength(1);
    // Unknown rooms are acknowledged (retrying cannot help) and dropped.
    expect((await post(split, 'snapshot-ready', { snapshots: [{ ...item, id: randomUUID(), roomId: randomUUID() }] })).status).toBe(200);
  });

  it('maps an unreachable collab process to 503 ROOM_COLLAB_UNAVAILABLE and changes nothing', async () => {
    const down = await overHttp.start();
    try {
      const [host, ann] = await people(down, ['Hana', 'Ann'] as const);
      const room = await createRoom(down, host, { mode: 'interview' });
      await down.collab!.close();
      expectError(await as(down, host).post('/v1/rooms', { mode: 'peer' }), 503, 'ROOM_COLLAB_UNAVAILABLE');
      expect((await as(down, host).get('/v1/rooms')).body.items).toHaveLength(1);
      expectError(await as(down, ann).post(`/v1/rooms/${room.id}/join`, { code: room.code }), 503, 'ROOM_COLLAB_UNAVAILABLE');
      expectError(await as(down, host).post(`/v1/rooms/${room.id}/control/lock`), 503, 'ROOM_COLLAB_UNAVAILABLE');
      expectError(await as(down, host).post(`/v1/rooms/${room.id}/control/snapshot`), 503, 'ROOM_COLLAB_UNAVAILABLE');
      const detail = (await as(down, host).get(`/v1/rooms/${room.id}`)).body;
      expect(detail).toMatchObject({ editorLocked: false, participants: [expect.objectContaining({ userId: host.id })] });
      expect(detail.participants).toHaveLength(1);
      expect((await call(down, 'GET', '/v1/health')).body.checks.collab.status).toBe('down');
    } finally {
      await down.stop();
    }
  });

  it('reports the collab process in /v1/health', async () => {
    const health = await call(split, 'GET', '/v1/health');
    expect(health.body.checks.collab).toMatchObject({ status: 'ok', message: 'separate process' });
    expect((await call(embedded, 'GET', '/v1/health')).body.checks.collab.status).toBe('ok');
  });
});
