import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCollabHttpClient } from '../../server/collab/index.ts';
import { INTERNAL_SECRET_HEADER } from '../../server/protocol/index.ts';
import { INTERNAL_SECRET, startHarness, type Harness } from './support/collab-harness.ts';

// JSON bodies of any shape, for assertions.
const json = async (res: Response): Promise<any> => res.json();

describe('§12 internal HTTP API and its client', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
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

  it('serves every §12 operation with its status and error codes', async () => {
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
