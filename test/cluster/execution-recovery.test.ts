// Runs on a cluster whose processes come and go: a process that starts leaves its peers' runs alone, and what a
// killed process was running is failed by a survivor (its queued runs run there) once it drops out of presence.
import { describe, expect, it } from 'vitest';
import { pollUntil } from '../support/poll.ts';
import { as, createRoom, person, type Person } from '../control/rooms/room-fixture.ts';
import { useTestCluster, type ClusterNode } from './support/test-cluster.ts';

/** Sleeps until the 5 s limit of a run without a problem ends it (TIME_LIMIT): a run that stays running. */
const SLEEPER = { code: 'import time\ntime.sleep(60)\n', language: 'python' };
/** Presence expiry (10 s) plus a sweep period (10 s), with room for a loaded machine. */
const RECOVERY = { timeoutMs: 30_000, intervalMs: 200 };

describe('execution recovery across processes', () => {
  // One worker per process: a second run waits in the queue of the process that accepted it.
  const fixture = useTestCluster(['node-a'], { env: { SYNCODE_EXEC_WORKERS: '1' } });

  async function codingRoom(node: ClusterNode): Promise<{ host: Person; roomId: string }> {
    const host = await person(node, 'Hana');
    const room = await createRoom(node, host, { mode: 'interview' });
    expect((await as(node, host).post(`/v1/rooms/${room.id}/control/phase`, { to: 'coding' })).status).toBe(200);
    return { host, roomId: room.id };
  }

  async function startRun(node: ClusterNode, host: Person, roomId: string, run: object): Promise<string> {
    const accepted = await as(node, host).post(`/v1/rooms/${roomId}/run`, run);
    expect(accepted.status).toBe(202);
    return accepted.body.id;
  }

  const runOn = async (node: ClusterNode, host: Person, id: string) => (await as(node, host).get(`/v1/runs/${id}`)).body;

  it("a process that starts leaves another process's running and queued runs alone", async () => {
    const [a] = fixture.cluster.nodes as [ClusterNode];
    const { host, roomId } = await codingRoom(a);
    const first = await startRun(a, host, roomId, SLEEPER);
    const second = await startRun(a, host, roomId, SLEEPER);
    await pollUntil(() => runOn(a, host, first), (r) => r.status === 'running', { what: 'the first run to start' });
    // While node-a runs one and queues the other (10 s in all), node-b starts and recovers at its start.
    const b = await fixture.cluster.startNode('node-b');
    for (const id of [first, second]) {
      const run = await pollUntil(() => runOn(b, host, id), (r) => r.status === 'completed' || r.status === 'failed', {
        what: 'the run to end',
        timeoutMs: 20_000,
        intervalMs: 200,
      });
      expect(run).toMatchObject({ status: 'completed', error: null, result: { verdict: 'TIME_LIMIT' } });
    }
  });

  it('kill -9 of the process running a run: a survivor fails it and runs the dead process\'s queued run', async () => {
    const [a, b] = fixture.cluster.nodes as [ClusterNode, ClusterNode];
    const { host, roomId } = await codingRoom(a);
    const running = await startRun(a, host, roomId, SLEEPER);
    await pollUntil(() => runOn(a, host, running), (r) => r.status === 'running', { what: 'the run to start' });
    const queued = await startRun(a, host, roomId, { code: 'print(input()[::-1])', language: 'python', stdin: 'abc\n' });
    expect((await runOn(a, host, queued)).status).toBe('queued');
    expect(await a.stop('SIGKILL')).toBe('SIGKILL');

    const failed = await pollUntil(() => runOn(b, host, running), (r) => r.status !== 'running', { what: 'the dead process\'s run to fail', ...RECOVERY });
    expect(failed).toMatchObject({ status: 'failed', result: null, error: { code: 'INTERNAL', message: 'interrupted: the server process running it stopped' } });
    const taken = await pollUntil(() => runOn(b, host, queued), (r) => r.status === 'completed' || r.status === 'failed', {
      what: 'the dead process\'s queued run to run on the survivor',
      ...RECOVERY,
    });
    expect(taken).toMatchObject({ status: 'completed', result: { verdict: 'ACCEPTED', stdout: 'cba\n' } });
  });
});
