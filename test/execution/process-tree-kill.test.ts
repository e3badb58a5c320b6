// Limited mode has no PID namespace: when an execution ends, its whole process tree must be killed, grandchildren
// included, whether the program exits by itself or is killed at its time limit.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { killProcessTree, SPAWN_DETACHED } from '../../server/execution/process-tree-kill.ts';
import { pollUntil } from '../support/poll.ts';
import { runRequest, runToEnd, startPlane, type PlaneFixture } from './plane-fixture.ts';
import { processesWith } from './processes-with.ts';

/** A child that starts a grandchild, both sleeping with `marker` on their command lines. */
const grandchildren = (marker: string): string =>
  `import subprocess\nsubprocess.Popen(['/bin/sh', '-c', "/bin/sh -c 'sleep 600; : ${marker}-grandchild' & sleep 600; : ${marker}-child"])\n`;

let fx: PlaneFixture;
beforeAll(async () => {
  fx = await startPlane({ sandbox: 'limited', workers: 2 });
});
afterAll(async () => {
  await fx.close();
});

describe.concurrent('process-tree kill (limited mode)', () => {
  it('killProcessTree kills the root, its children and its grandchildren', async () => {
    const marker = `syncode-tree-${randomUUID()}`;
    const root = spawn('/bin/sh', ['-c', `/bin/sh -c "/bin/sh -c 'sleep 600; : ${marker}' & sleep 600; : ${marker}" & sleep 600; : ${marker}`], {
      detached: SPAWN_DETACHED,
      stdio: 'ignore',
    });
    try {
      await pollUntil(() => processesWith(marker), (p) => p.length >= 3, { what: 'three generations started' });
      killProcessTree(root.pid!);
      await pollUntil(() => processesWith(marker), (p) => p.length === 0, { what: 'the whole tree gone' });
    } finally {
      if (root.exitCode === null) root.kill('SIGKILL');
    }
  });

  it('a run that exits leaves no grandchild behind', async () => {
    const marker = `syncode-limited-tree-${randomUUID()}`;
    const run = await runToEnd(fx.plane, runRequest('python', `${grandchildren(marker)}import time\ntime.sleep(0.3)\nprint('ok')\n`));
    expect(run.result?.verdict).toBe('ACCEPTED');
    await pollUntil(() => processesWith(marker), (p) => p.length === 0, { what: 'no survivor' });
  });

  it('a run killed at its time limit takes its grandchildren along', async () => {
    const marker = `syncode-limited-timeout-${randomUUID()}`;
    const run = await runToEnd(fx.plane, runRequest('python', `${grandchildren(marker)}while True:\n    pass\n`, { timeLimitMs: 1000 }));
    expect(run.result?.verdict).toBe('TIME_LIMIT');
    await pollUntil(() => processesWith(marker), (p) => p.length === 0, { what: 'no survivor' });
  });
});
