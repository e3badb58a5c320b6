import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import * as Y from 'yjs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createCollabHttpClient } from '../../server/collab/index.ts';
import { CloseCode } from '../../server/protocol/index.ts';
import { pollUntil } from '../support/poll.ts';
import { makeTempDir } from '../support/temp-dir.ts';
import { testDatabaseUrl } from '../support/test-database.ts';
import { connectProvider, INTERNAL_SECRET, mintCollabToken, type ProviderClient } from './support/collab-harness.ts';
import { spawnCollabProcess, type CollabProcess } from './support/collab-process.ts';
import { RawClient } from './support/raw-client.ts';

describe('durability (write-ahead: committed before observable): the server as a child process', () => {
  const dir = makeTempDir('syncode-collab-kill-');
  const data = { dataDir: dir.path, databaseUrl: undefined as string | undefined };
  const processes: CollabProcess[] = [];
  beforeAll(async () => {
    data.databaseUrl = await testDatabaseUrl();
  });
  const clients: ProviderClient[] = [];
  afterEach(async () => {
    for (const c of clients.splice(0)) c.destroy();
    for (const p of processes.splice(0)) {
      if (p.child.exitCode === null && p.child.signalCode === null) p.child.kill('SIGKILL');
      await p.exited;
    }
  });
  afterAll(() => dir.remove());

  it('after kill -9 mid-load, a fresh client sees every update any peer had received', async () => {
    const first = await spawnCollabProcess(data);
    processes.push(first);
    const control = createCollabHttpClient(first.url, INTERNAL_SECRET);
    const roomId = randomUUID();
    await control.createDocument({ roomId, mode: 'interview', phase: 'coding', language: 'go', problemId: null, initialCode: 'package main\n', editorLocked: false, participants: [] });
    const wsUrl = `ws://127.0.0.1:${first.port}/collab`;
    for (let i = 0; i < 3; i++) {
      const token = await mintCollabToken({ userId: randomUUID(), roomId, role: 'host' });
      clients.push(connectProvider(wsUrl, roomId, 'code', token));
    }
    await pollUntil(() => clients.every((c) => c.provider.synced), Boolean);
    const writers = clients.map((c, i) => setInterval(() => c.ydoc.getText('code').insert(0, String(i)), 2));
    await pollUntil(() => clients[0]!.text().length, (n) => n > 300, { what: 'load' });
    first.child.kill('SIGKILL');
    expect(await first.exited).toBe('SIGKILL');
    for (const w of writers) clearInterval(w);
    // What each peer received from the server: its state for every client but its own.
    const received = clients.map((c) => {
      const sv = Y.decodeStateVector(Y.encodeStateVector(c.ydoc));
      sv.delete(c.ydoc.clientID);
      return sv;
    });
    for (const c of clients.splice(0)) c.destroy();

    const second = await spawnCollabProcess(data);
    processes.push(second);
    const token = await mintCollabToken({ userId: randomUUID(), roomId, role: 'spectator' });
    const fresh = connectProvider(`ws://127.0.0.1:${second.port}/collab`, roomId, 'code', token);
    clients.push(fresh);
    await pollUntil(() => fresh.provider.synced, Boolean);
    const recovered = Y.decodeStateVector(Y.encodeStateVector(fresh.ydoc));
    let checked = 0;
    for (const sv of received) {
      for (const [client, clock] of sv) {
        expect(recovered.get(client) ?? 0).toBeGreaterThanOrEqual(clock);
        checked += clock;
      }
    }
    expect(checked).toBeGreaterThan(300);
    expect(fresh.text().endsWith('package main\n')).toBe(true);
  });

  it('on SIGTERM closes sockets with 1001 and exits 0; the restart keeps the document', async () => {
    const p = await spawnCollabProcess(data);
    processes.push(p);
    if (process.platform === 'linux') {
      // The CLI continued as its bundle with the malloc arena limit (server/cli-launch.ts), keeping its pid.
      const environ = readFileSync(`/proc/${p.child.pid}/environ`, 'utf8').split('\0');
      expect(environ).toContain(`MALLOC_ARENA_MAX=${process.env.MALLOC_ARENA_MAX ?? '2'}`);
    }
    const control = createCollabHttpClient(p.url, INTERNAL_SECRET);
    const roomId = randomUUID();
    await control.createDocument({ roomId, mode: 'practice', phase: 'coding', language: 'c', problemId: null, initialCode: 'int main;', editorLocked: false, participants: [] });
    const raw = await RawClient.open(`ws://127.0.0.1:${p.port}/collab/${roomId}/code?token=${await mintCollabToken({ userId: randomUUID(), roomId })}`);
    await raw.waitFor((m) => m.event?.type === 'room-state');
    p.child.kill('SIGTERM');
    expect(await raw.waitForClose()).toBe(CloseCode.GOING_AWAY.code);
    expect(await p.exited).toBe(0);
    const again = await spawnCollabProcess(data);
    processes.push(again);
    const snap = await createCollabHttpClient(again.url, INTERNAL_SECRET).takeSnapshot(roomId, 'manual');
    const doc = new Y.Doc();
    Y.applyUpdate(doc, Buffer.from(snap.snapshot.bytes, 'base64'));
    expect(doc.getText('code').toString()).toBe('int main;');
  });
});
