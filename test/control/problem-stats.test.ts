// acceptanceRate, solved, training stats and quota usage come from real judged executions: a real
// execution plane (sandboxed child processes) on the same database as the control plane.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApiRouter } from '../../server/http/api-router.ts';
import { createAiPlane } from '../../server/ai/index.ts';
import { createControlPlane, type ControlPlane } from '../../server/control/index.ts';
import { DEFAULT_PROBLEMS_DIR } from '../../server/paths.ts';
import { silentLogger } from '../../server/logger.ts';
import { createCollabPlane, type CollabPlane } from '../../server/collab/index.ts';
import { pollUntil } from '../support/poll.ts';
import { startPlane, type PlaneFixture } from '../execution/plane-fixture.ts';
import { call } from './api.ts';

describe('problem statistics from judged submissions', () => {
  let fixture: PlaneFixture;
  let collab: CollabPlane;
  let control: ControlPlane;
  let http: Server;
  const server = { url: '' };
  const router = new ApiRouter(() => {});

  beforeAll(async () => {
    fixture = await startPlane();
    collab = await createCollabPlane({ dataDir: fixture.dataDir, jwtSecret: 'stats-test-secret-0123456789abcdef', log: silentLogger });
    control = await createControlPlane({
      router, sql: fixture.sql, jwtSecret: 'stats-test-secret-0123456789abcdef', cursors: fixture.cursors, mode: 'hosted', rateLimits: false,
      problemsDir: DEFAULT_PROBLEMS_DIR, execution: fixture.plane, collab: collab.control, collabUrl: () => 'ws://127.0.0.1/collab', log: silentLogger,
      ai: await createAiPlane({ sql: fixture.sql, log: silentLogger, provider: undefined }),
    });
    http = createServer((req, res) => void router.handle(req, res));
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    server.url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => http.close(() => resolve()));
    await control.close();
    await collab.close();
    await fixture.close();
  });

  const register = async (name: string) =>
    (await call(server, 'POST', '/v1/auth/register', { body: { email: `${name}@example.com`, password: 'correct horse battery', displayName: name } })).body;

  it('reports null below 10 submissions, then the accepted share; solved is per caller', async () => {
    const solver = await register('solver');
    const struggler = await register('struggler');
    const summary = async (token: string) => (await call(server, 'GET', '/v1/problems?q=two-sum', { token })).body.items[0];
    const twoSum = await summary(solver.accessToken);
    const problem = (await control.services.problems.findSelectable(twoSum.id))!;
    const tests = await control.services.problems.testCases(problem.id);
    const submit = (userId: string, language: 'c' | 'python', code: string) =>
      fixture.plane.enqueueSubmission({
        roomId: randomUUID(), userId, problemId: problem.id, language, code, snapshotId: randomUUID(), tests,
        timeLimitMs: problem.timeLimitMs, memoryLimitKb: problem.memoryLimitKb,
      });
    const recorded = (id: string) => pollUntil(() => fixture.sql.get('SELECT 1 AS found FROM execution_outcomes WHERE id = ?', [id]), Boolean, { timeoutMs: 60_000, what: `outcome ${id}` });

    // Nine compile errors (compiled once, no test runs) by one user.
    const failing = await Promise.all(Array.from({ length: 9 }, () => submit(struggler.user.id, 'c', 'int main( {')));
    for (const s of failing) await recorded(s.id);
    expect(await summary(struggler.accessToken)).toMatchObject({ acceptanceRate: null, solved: false });

    const accepted = await submit(solver.user.id, 'python', readFileSync(join(DEFAULT_PROBLEMS_DIR, 'two-sum', 'solutions', 'python.py'), 'utf8'));
    await recorded(accepted.id);
    expect((await fixture.plane.getSubmission(accepted.id))!.verdict).toBe('ACCEPTED');
    expect(await summary(solver.accessToken)).toMatchObject({ acceptanceRate: 0.1, solved: true });
    expect(await summary(struggler.accessToken)).toMatchObject({ acceptanceRate: 0.1, solved: false });
    const solvedList = (await call(server, 'GET', '/v1/problems?solved=true', { token: solver.accessToken })).body.items;
    expect(solvedList.map((p: any) => p.id)).toEqual([problem.id]);
    expect((await call(server, 'GET', '/v1/problems?solved=true', { token: struggler.accessToken })).body.items).toEqual([]);

    const run = await fixture.plane.enqueueRun({
      roomId: randomUUID(), userId: solver.user.id, language: 'python', code: 'print(1)', stdin: '', timeLimitMs: 5000, memoryLimitKb: 262144,
    });
    await recorded(run.id);
    const stats = await call(server, 'GET', '/v1/users/me/stats?bucket=day', { token: solver.accessToken });
    const today = stats.body.points.at(-1);
    expect(today).toMatchObject({ runs: 1, submissions: 1, accepted: 1, problemsSolved: 1, sessions: 0 });
    expect(stats.body.points.slice(0, -1).every((p: any) => p.runs === 0 && p.submissions === 0)).toBe(true);
    const quotas = await call(server, 'GET', '/v1/users/me/quotas', { token: solver.accessToken });
    expect(quotas.body.usage).toMatchObject({ runsPerDay: 1, submissionsPerDay: 1 });
    const profile = await call(server, 'GET', `/v1/users/${solver.user.id}`, { token: struggler.accessToken });
    expect(profile.body.stats.problemsSolved).toBe(1);
  });
});
