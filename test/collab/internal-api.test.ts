import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { YKeyValue } from 'y-utility/y-keyvalue';
import * as Y from 'yjs';
import { createCollabHttpClient } from '../../server/collab/index.ts';
import { storedWhiteboardRecords } from '../../server/collab/whiteboard-records.ts';
import { INTERNAL_SECRET_HEADER } from '../../server/protocol/index.ts';
import { pollUntil } from '../support/poll.ts';
import { INTERNAL_SECRET, startHarness, type Harness } from './support/collab-harness.ts';
import { boxRecord, pageRecord } from '../support/tldraw-records.ts';

// JSON bodies of any shape, for assertions.
const json = async (res: Response): Promise<any> => res.json();

describe('internal HTTP API and its client', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ documentIdleTtlMs: 150 }); // short, so the whiteboard read also meets an unloaded document
  });
  afterAll(async () => {
    await h.close();
  });
  const request = (method: string, path: string, body?: unknown, secret: string | null = INTERNAL_SECRET) =>
    fetch(`${h.server.url}${path}`, {
      method,
      headers: { ...(secret === null ? {} : { [INTERNAL_SECRET_HEADER]: secret }), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  it('answers 401 AUTH_UNAUTHENTICATED without or with a wrong secret', async () => {
    for (const secret of [null, 'wrong', INTERNAL_SECRET + 'x']) {
      const res = await request('GET', '/internal/health', undefined, secret);
      expect(res.status).toBe(401);
      expect(await json(res)).toMatchObject({ code: 'AUTH_UNAUTHENTICATED' });
    }
    const ok = await request('GET', '/internal/health');
    expect(ok.status).toBe(200);
    expect(await json(ok)).toMatchObject({ status: 'ok', documentsLoaded: expect.any(Number), connections: 0, pendingCallbacks: 0 });
  });

  it('serves every internal API operation with its status and error codes', async () => {
    const roomId = randomUUID();
    const create = { roomId, mode: 'interview', phase: 'waiting', language: 'java', problemId: null, initialCode: 'class A {}', editorLocked: false, participants: [] };
    const created = await request('POST', '/internal/documents', create);
    expect(created.status).toBe(201);
    expect(await json(created)).toMatchObject({ roomId, docs: ['code', 'whiteboard'] });
    const again = await request('POST', '/internal/documents', create);
    expect([again.status, (await json(again)).code]).toEqual([409, 'ROOM_DOCUMENT_EXISTS']);
    const invalid = await request('POST', '/internal/documents', { ...create, roomId: 'nope', language: 'cobol' });
    const invalidBody = await json(invalid);
    expect([invalid.status, invalidBody.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect(invalidBody.details.fields.map((f: { path: string }) => f.path).sort()).toEqual(['language', 'roomId']);

    const lock = await request('POST', `/internal/documents/${roomId}/lock`, { locked: true, reason: 'manual', by: null });
    expect([lock.status, await json(lock)]).toEqual([200, { roomId, locked: true, snapshot: null }]);
    const event = await request('POST', `/internal/documents/${roomId}/events`, { event: { type: 'participant-left', userId: randomUUID() } });
    expect([event.status, await json(event)]).toEqual([200, { delivered: 0 }]);
    const forbidden = await request('POST', `/internal/documents/${roomId}/events`, { event: { type: 'snapshot-taken' } });
    expect([forbidden.status, (await json(forbidden)).code]).toEqual([400, 'VALIDATION_FAILED']);
    const snap = await request('POST', `/internal/documents/${roomId}/snapshots`, { trigger: 'manual' });
    expect(snap.status).toBe(201);
    expect((await json(snap)).snapshot).toMatchObject({ roomId, trigger: 'manual' });
    const kick = await request('POST', `/internal/documents/${roomId}/kick`, { userId: randomUUID() });
    expect(kick.status).toBe(200);
    const missing = await request('POST', `/internal/documents/${randomUUID()}/kick`, { userId: randomUUID() });
    expect([missing.status, (await json(missing)).code]).toEqual([404, 'ROOM_NOT_FOUND']);
    const notUuid = await request('DELETE', '/internal/documents/abc?reason=finished');
    expect(notUuid.status).toBe(404);
    const destroyed = await request('DELETE', `/internal/documents/${roomId}?reason=destroyed`);
    expect(destroyed.status).toBe(200);
    expect(await json(destroyed)).toMatchObject({ roomId, closedConnections: 0, finalSnapshots: { code: expect.any(String), whiteboard: expect.any(String) } });
    const twice = await request('DELETE', `/internal/documents/${roomId}?reason=destroyed`);
    expect([twice.status, (await json(twice)).code]).toEqual([409, 'ROOM_CLOSED']);
  });

  it('reads the live whiteboard (loaded or only stored, never kept loaded) as the current tldraw records', async () => {
    const roomId = await h.createRoom();
    const read = () => request('GET', `/internal/documents/${roomId}/whiteboard`);
    const empty = await read();
    expect([empty.status, (await json(empty)).records]).toEqual([200, []]);
    for (const secret of [null, 'wrong']) {
      const res = await request('GET', `/internal/documents/${roomId}/whiteboard`, undefined, secret);
      expect([res.status, (await json(res)).code]).toEqual([401, 'AUTH_UNAUTHENTICATED']);
    }

    // A real client writes through y-utility's YKeyValue, as the product's tldraw binding does.
    const board = await h.connect(roomId, 'whiteboard', randomUUID());
    const kv = new YKeyValue<Record<string, unknown>>(board.ydoc.getArray('tldraw'));
    const box = boxRecord('box', 1, 2);
    const page = pageRecord('page', 'Page 1');
    kv.set(box.id, box);
    kv.set(page.id, page);
    kv.set(box.id, { ...box, x: 50 }); // one record per id: the latest value
    kv.delete(page.id);
    const loaded = await pollUntil(async () => json(await read()), (b) => b.records.length === 1 && b.records[0].x === 50, { what: 'live records' });
    expect(loaded).toEqual({ roomId, records: [{ ...box, x: 50 }], takenAt: expect.any(String) });

    board.destroy();
    await pollUntil(() => h.server.plane.health(), (x) => x.documentsLoaded === 0, { what: 'whiteboard unloaded' });
    const stored = await h.control.readWhiteboard(roomId);
    expect(stored.records).toEqual([{ ...box, x: 50 }]);
    expect((await h.server.plane.health()).documentsLoaded).toBe(0);

    const client = createCollabHttpClient(h.server.url, INTERNAL_SECRET);
    expect((await client.readWhiteboard(roomId)).records).toEqual([{ ...box, x: 50 }]);
    await expect(client.readWhiteboard(randomUUID())).rejects.toMatchObject({ code: 'ROOM_NOT_FOUND' });
    expect((await request('GET', '/internal/documents/abc/whiteboard')).status).toBe(404);
    await client.destroyDocument(roomId, 'finished');
    const closed = await read();
    expect([closed.status, (await json(closed)).code]).toEqual([409, 'ROOM_CLOSED']);
  });

  it('reads a long stored log (no checkpoint, as after a crash) in slices, letting the event loop run between them', async () => {
    const writer = new Y.Doc();
    const kv = new YKeyValue<Record<string, unknown>>(writer.getArray('tldraw'));
    const updates: Uint8Array[] = [];
    writer.on('update', (u: Uint8Array) => void updates.push(u));
    for (let i = 0; i < 450; i++) kv.set(`shape:${i % 50}`, { id: `shape:${i % 50}`, typeName: 'shape', x: i });
    writer.destroy();
    let otherWorkRan = false;
    setImmediate(() => (otherWorkRan = true));
    const records = await storedWhiteboardRecords({ checkpoint: null, updates, lastUpdateId: updates.length });
    expect(otherWorkRan).toBe(true);
    expect(records).toHaveLength(50);
    expect(records.find((r) => r.id === 'shape:7')).toEqual({ id: 'shape:7', typeName: 'shape', x: 407 });
  });

  it('the HTTP client maps error bodies to AppErrors and an unreachable plane to ROOM_COLLAB_UNAVAILABLE', async () => {
    const client = createCollabHttpClient(h.server.url, INTERNAL_SECRET);
    const roomId = randomUUID();
    await client.createDocument({ roomId, mode: 'peer', phase: 'coding', language: 'cpp', problemId: null, initialCode: '', editorLocked: false, participants: [] });
    await expect(client.lockEditor(randomUUID(), { locked: true, reason: 'manual', by: null })).rejects.toMatchObject({ code: 'ROOM_NOT_FOUND' });
    expect((await client.health()).status).toBe('ok');
    const wrongSecret = createCollabHttpClient(h.server.url, 'nope');
    await expect(wrongSecret.health()).rejects.toMatchObject({ code: 'AUTH_UNAUTHENTICATED' });
    const down = createCollabHttpClient('http://127.0.0.1:9', INTERNAL_SECRET);
    await expect(down.createDocument({ roomId, mode: 'peer', phase: 'coding', language: 'cpp', problemId: null, initialCode: '', editorLocked: false, participants: [] })).rejects.toMatchObject({ code: 'ROOM_COLLAB_UNAVAILABLE' });
  });
});
