import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { pollUntil } from '../support/poll.ts';
import { startHarness, type Harness } from './support/collab-harness.ts';

describe('idle unload after DOCUMENT_IDLE_TTL_MS, invisible to clients', () => {
  let h: Harness;
  afterEach(async () => {
    await h.close();
  });

  it('unloads a document after its last connection closes and reloads it invisibly', async () => {
    h = await startHarness({ documentIdleTtlMs: 150 });
    const roomId = await h.createRoom({ initialCode: 'v1' });
    const a = await h.connect(roomId, 'code', randomUUID(), 'host');
    a.ydoc.getText('code').insert(2, ' edited');
    await pollUntil(() => h.server.plane.health(), (x) => x.documentsLoaded === 1);
    const b = await h.connect(roomId, 'code', randomUUID(), 'candidate');
    await pollUntil(() => b.text(), (t) => t === 'v1 edited');
    a.destroy();
    b.destroy();
    await pollUntil(() => h.server.plane.health(), (x) => x.documentsLoaded === 0 && x.connections === 0, { what: 'unload' });
    // A client that kept its local state reconnects: nothing is re-sent or duplicated.
    const c = await h.connect(roomId, 'code', randomUUID(), 'host');
    expect(c.text()).toBe('v1 edited');
    c.ydoc.getText('code').insert(0, '> ');
    const d = await h.connect(roomId, 'code', randomUUID(), 'candidate');
    await pollUntil(() => d.text(), (t) => t === '> v1 edited');
    expect((await h.server.plane.health()).documentsLoaded).toBe(1);
  });
});
