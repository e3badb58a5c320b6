// 20 concurrent submissions through the real REST API (POST /v1/rooms/:roomId/submit) while a client keeps calling GET /v1/health:
// all judging happens in child processes behind the bounded queue, so the server keeps answering.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { pollUntil } from '../support/poll.ts';
import { ADMIN, loginAdmin } from '../control/api.ts';
import { as, createRoom, inProcess, people, type Person, type RoomServer } from '../control/rooms/room-fixture.ts';

const SUBMISSIONS = 20;
// CPU-bound on purpose: with both workers busy, both cores stay saturated for the whole test.
const SOLUTION = 'n = int(input())\nprint(sum(i * i for i in range(n)) % 1000003)\n';
const TESTS = [100_000, 200_000].map((n) => ({
  input: `${n}\n`,
  expectedOutput: `${Array.from({ length: n }, (_, i) => BigInt(i) * BigInt(i)).reduce((a, b) => a + b, 0n) % 1000003n}\n`,
  hidden: false,
}));

let server: RoomServer;
let hosts: readonly Person[];
let problemId: string;

beforeAll(async () => {
  server = await inProcess.start({ execution: { workers: 2 }, adminEmail: ADMIN.email, adminPassword: ADMIN.password });
  hosts = await people(server, ['Ada', 'Bo', 'Cy', 'Di'] as const);
  const admin = await loginAdmin(server);
  const created = await as(server, { token: admin.accessToken }).post('/v1/problems', {
    slug: 'sum-of-squares-load',
    title: 'Sum of squares',
    difficulty: 'easy',
    description: 'Print the sum of i*i for 0 <= i < n, modulo 1000003.',
    tags: [],
    languages: ['python'],
    starterCode: { python: SOLUTION },
    testCases: TESTS,
  });
  expect(created.status).toBe(201);
  problemId = created.body.id;
});
afterAll(() => server?.stop());

it('keeps answering /v1/health while 20 submissions are judged', async () => {
  // One active submission per room is allowed (EXEC_SUBMISSION_IN_PROGRESS): 20 rooms, 4 users.
  const rooms = await Promise.all(
    Array.from({ length: SUBMISSIONS }, async (_, i) => {
      const host = hosts[i % hosts.length]!;
      const room = await createRoom(server, host, { mode: 'interview', language: 'python', problemId });
      expect((await as(server, host).post(`/v1/rooms/${room.id}/control/phase`, { to: 'coding' })).status).toBe(200);
      return { room, host };
    }),
  );

  const accepted = await Promise.all(rooms.map(({ room, host }) => as(server, host).post(`/v1/rooms/${room.id}/submit`, {})));
  expect(accepted.map((r) => r.status)).toEqual(Array(SUBMISSIONS).fill(202));

  let finished = false;
  const healthStatuses: number[] = [];
  const prober = (async () => {
    while (!finished) {
      // A liveness bound, not a speed target: a blocked event loop would not answer at all.
      const res = await fetch(`${server.url}/v1/health`, { signal: AbortSignal.timeout(10_000) });
      const body = (await res.json()) as { checks: { execution: { status: string } }; features: { sandbox: string } };
      healthStatuses.push(res.status);
      expect(body.checks.execution.status).toBe('ok');
      expect(body.features.sandbox).toBe('isolated');
    }
  })();

  const results = await Promise.all(
    accepted.map((a, i) =>
      pollUntil(async () => (await as(server, rooms[i]!.host).get(a.body.pollUrl)).body, (s) => s.status === 'completed' || s.status === 'failed', {
        timeoutMs: 180_000,
        intervalMs: 250,
        what: `submission ${a.body.id}`,
      }),
    ),
  );
  const answeredDuringLoad = healthStatuses.length;
  finished = true;
  await prober;

  // The room's code is the starter code, a correct solution: every snapshot was judged in full.
  expect(results.map((r) => [r.status, r.verdict, r.passed, r.total])).toEqual(Array(SUBMISSIONS).fill(['completed', 'ACCEPTED', 2, 2]));
  expect(answeredDuringLoad).toBeGreaterThan(SUBMISSIONS);
  expect(new Set(healthStatuses)).toEqual(new Set([200]));
}, 240_000);
