// A start that fails part-way (here: the port is taken) rejects and leaves nothing behind: no open file of
// the data directory, no handle keeping the process alive, and a second start in the same process on the
// same data directory works. Same for the collab-only server of a split deployment.
import { randomUUID } from 'node:crypto';
import { readdirSync, readlinkSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from '../../server/start-server.ts';
import { startCollabServer } from '../../server/collab/index.ts';
import { silentLogger } from '../../server/logger.ts';
import { makeTempDir } from '../support/temp-dir.ts';
import { pollUntil } from '../support/poll.ts';
import { as, createRoom, people } from '../control/rooms/room-fixture.ts';

const JWT_SECRET = 'failed-start-jwt-secret-0123456789abcdef';
const INTERNAL_SECRET = 'failed-start-internal-secret-0123456789ab';

/** Paths under `dir` this process has open (the SQLite files and their -wal/-shm). */
function openFilesUnder(dir: string): string[] {
  const open: string[] = [];
  for (const fd of readdirSync('/proc/self/fd')) {
    try {
      const target = readlinkSync(`/proc/self/fd/${fd}`);
      if (target.startsWith(dir)) open.push(target);
    } catch {
      // The descriptor closed while we were listing.
    }
  }
  return open;
}

/** Active handles/requests by kind (TCP servers, sockets, child processes, ref'ed timers...). */
function resourceCounts(): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const kind of process.getActiveResourcesInfo()) counts[kind] = (counts[kind] ?? 0) + 1;
  return counts;
}

const atMost = (baseline: Record<string, number>) => (now: Record<string, number>) =>
  Object.entries(now).every(([kind, n]) => n <= (baseline[kind] ?? 0));

/** `start` rejects with EADDRINUSE, and afterwards nothing of the attempt is open or active any more. */
async function expectFailedStartLeavesNothing(dir: string, start: () => Promise<unknown>): Promise<void> {
  expect(openFilesUnder(dir)).toEqual([]);
  const baseline = resourceCounts();
  await expect(start()).rejects.toMatchObject({ code: 'EADDRINUSE' });
  await pollUntil(() => openFilesUnder(dir), (open) => open.length === 0, { what: 'data directory files closed', timeoutMs: 3000 });
  await pollUntil(resourceCounts, atMost(baseline), { what: 'active resources back to the baseline', timeoutMs: 3000 });
}

describe('a failed start leaves nothing behind', () => {
  let blocker: Server;
  let takenPort: number;
  beforeAll(async () => {
    blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    takenPort = (blocker.address() as { port: number }).port;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => blocker.close(() => resolve()));
  });

  it('startServer: port taken → rejects, closes the database, planes and clocks; a retry in the same process works', async () => {
    const dir = makeTempDir('syncode-failed-start-');
    const options = { dataDir: dir.path, jwtSecret: JWT_SECRET, rateLimits: false, webRoot: null, log: silentLogger } as const;
    try {
      // A data directory with a live room: a start resumes its collab documents and arms its clocks.
      const first = await startServer({ ...options, port: 0 });
      const [host] = await people(first, ['Hana'] as const);
      const room = await createRoom(first, host, { mode: 'interview', config: { codingDurationMs: 600000 } });
      await as(first, host).post(`/v1/rooms/${room.id}/control/phase`, { to: 'coding' });
      await first.close();
      await expectFailedStartLeavesNothing(dir.path, () => startServer({ ...options, port: takenPort }));

      const retry = await startServer({ ...options, port: 0 });
      try {
        expect((await as(retry, host).get(`/v1/rooms/${room.id}`)).body).toMatchObject({ status: 'coding' });
      } finally {
        await retry.close();
      }
      expect(openFilesUnder(dir.path)).toEqual([]);
    } finally {
      dir.remove();
    }
  });

  it('startCollabServer: port taken → rejects, closes the store, the callback sender and the clocks', async () => {
    const dir = makeTempDir('syncode-failed-collab-start-');
    const options = {
      dataDir: dir.path,
      jwtSecret: JWT_SECRET,
      internalSecret: INTERNAL_SECRET,
      // Nothing listens there: deliveries would stay pending and keep retrying if the sender survived.
      callbacks: { baseUrl: `http://127.0.0.1:${takenPort}`, retryDelaysMs: [50], flushIntervalMs: 50 },
      log: silentLogger,
    };
    try {
      const first = await startCollabServer({ ...options, port: 0 });
      const roomId = randomUUID();
      await first.plane.control.createDocument({
        roomId, mode: 'interview', phase: 'coding', language: 'python', problemId: null, initialCode: 'x = 1\n', editorLocked: false, participants: [],
      });
      await first.close();
      await expectFailedStartLeavesNothing(dir.path, () => startCollabServer({ ...options, port: takenPort }));

      const retry = await startCollabServer({ ...options, port: 0 });
      try {
        expect((await retry.plane.control.health()).documentsLoaded).toBeGreaterThanOrEqual(0);
        await expect(retry.plane.control.readWhiteboard(roomId)).resolves.toBeDefined();
      } finally {
        await retry.close();
      }
      expect(openFilesUnder(dir.path)).toEqual([]);
    } finally {
      dir.remove();
    }
  });
});
