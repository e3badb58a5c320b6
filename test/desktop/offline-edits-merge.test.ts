import { afterEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { LocalStore } from '../../main/local-store/local-store.ts';
import type { LocalDocKey } from '../../preload/api.ts';
import { silentLogger } from '../../server/logger.ts';
import type { RunningServer, ServerOptions } from '../../server/server-options.ts';
import { startServer } from '../../server/start-server.ts';
import { pollUntil } from '../support/poll.ts';
import { makeTempDir } from '../support/temp-dir.ts';
import { call, registerUser } from '../control/api.ts';
import { connectRoomClient, connectSynced, type RoomClient } from '../control/rooms/room-client.ts';

/**
 * ARCHITECTURE.md "Data flow of an edit", step 3: every update the renderer's doc produces or receives
 * is appended to main's local store (this is what the renderer's persistence adapter does through
 * `store:append`), and a restarted app starts from `store:load` before it reconnects.
 */
function persist(client: RoomClient, store: LocalStore, key: LocalDocKey): void {
  client.ydoc.on('update', (update: Uint8Array) => store.append(key, update));
}

describe('offline edits on the desktop survive a restart and merge with the real server', () => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });

  it('edits made while the server is down, then the app is quit, reach the other participant', async () => {
    const serverDir = makeTempDir('syncode-offline-server-');
    const appDir = makeTempDir('syncode-offline-app-');
    cleanups.push(serverDir.remove, appDir.remove);
    const options: ServerOptions = { port: 0, dataDir: serverDir.path, log: silentLogger, webRoot: null, problemsDir: null, rateLimits: false };
    let server: RunningServer = await startServer(options);
    cleanups.push(() => server.close());

    const host = await registerUser(server as never, 'Host');
    const room = (await call(server, 'POST', '/v1/rooms', { token: host.accessToken, body: { mode: 'interview' } })).body;
    const hostJoin = (await call(server, 'POST', `/v1/rooms/${room.id}/join`, { token: host.accessToken, body: {} })).body;
    const candidate = await registerUser(server as never, 'Candidate');
    const candidateJoin = (
      await call(server, 'POST', `/v1/rooms/${room.id}/join`, { token: candidate.accessToken, body: { code: room.code } })
    ).body;
    expect(hostJoin.collabToken && candidateJoin.collabToken).toBeTruthy();

    const file = join(appDir.path, 'local-store.sqlite');
    const key: LocalDocKey = { server: server.url, roomId: room.id, doc: 'code' };
    let store = new LocalStore({ file });
    cleanups.push(() => store.close());

    // 1. Online: the interviewer's desktop app types; the candidate sees it, so the server has it.
    const desktop = await connectSynced(hostJoin);
    cleanups.push(() => desktop.destroy());
    persist(desktop, store, key);
    const other = await connectSynced(candidateJoin);
    cleanups.push(() => other.destroy());
    const code = desktop.ydoc.getText('code');
    code.insert(code.length, 'def solve(nums):\n');
    await pollUntil(() => other.text(), (t) => t === 'def solve(nums):\n', { what: 'first edit relayed' });

    // 2. The server goes away; the app keeps editing offline, then is quit.
    await server.close();
    await pollUntil(() => desktop.provider.wsconnected || other.provider.wsconnected, (c) => !c, { what: 'clients offline' });
    code.insert(code.length, '    return sorted(nums)\n');
    desktop.destroy();
    store.close();

    // 3. The server comes back (same data, same address); the candidate reconnects and edits.
    server = await startServer({ ...options, port: Number(new URL(key.server).port) });
    await pollUntil(() => other.provider.synced && other.provider.wsconnected, Boolean, { what: 'candidate reconnected', timeoutMs: 15_000 });
    other.ydoc.getText('code').insert(0, '# candidate notes\n');
    expect(other.text()).toBe('# candidate notes\ndef solve(nums):\n'); // the offline edit is not on the server

    // 4. The app restarts: local state first (store:load), then the connection; both sides merge.
    store = new LocalStore({ file });
    const restarted = connectRoomClient(hostJoin);
    cleanups.push(() => restarted.destroy());
    const local = store.load(key);
    expect(local).not.toBeNull();
    const { applyUpdate } = await import('yjs');
    applyUpdate(restarted.ydoc, local!);
    persist(restarted, store, key);
    expect(restarted.text()).toBe('def solve(nums):\n    return sorted(nums)\n');

    const merged = '# candidate notes\ndef solve(nums):\n    return sorted(nums)\n';
    await pollUntil(() => [restarted.text(), other.text()], ([a, b]) => a === merged && b === merged, {
      what: 'both sides merged',
      timeoutMs: 15_000,
    });
    // And what the app received is on disk too.
    const check = new (await import('yjs')).Doc();
    applyUpdate(check, store.load(key)!);
    expect(check.getText('code').toString()).toBe(merged);
  });
});
