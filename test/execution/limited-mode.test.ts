// Forced limited mode: what a desktop without namespaces or cgroups gets (rlimits, wall clock, clean env, temp
// dir, process-group kill). It must say so, and still judge correctly.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SUPPORTED_LANGUAGES } from '../../server/protocol/index.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';
import { runRequest, runToEnd, startPlane, submissionRequest, submitToEnd, type PlaneFixture } from './plane-fixture.ts';
import { processesWith } from './processes-with.ts';
import { BROKEN_PROGRAMS, MODE_PROGRAMS } from './programs.ts';

let fx: PlaneFixture;
beforeAll(async () => {
  process.env.SYNCODE_TEST_LIMITED_CANARY = 'limited-secret';
  fx = await startPlane({ sandbox: 'limited', workers: 2 });
});
afterAll(async () => {
  delete process.env.SYNCODE_TEST_LIMITED_CANARY;
  await fx.close();
});

describe.concurrent('limited mode', () => {
  it('reports `limited` in the features and in GET /v1/health', async () => {
    expect(fx.plane.features()).toEqual({ languages: [...SUPPORTED_LANGUAGES], missingLanguages: [], sandbox: 'limited', analysisLanguages: [...SUPPORTED_LANGUAGES], missingAnalyzers: [] });
    const server: TestServer = await startTestServer({ execution: { sandbox: 'limited', workers: 1 } });
    try {
      const health = (await (await fetch(`${server.url}/v1/health`)).json()) as { features: { sandbox: string; languages: string[] }; checks: { execution: { status: string } } };
      expect(health.features.sandbox).toBe('limited');
      expect(health.features.languages).toEqual([...SUPPORTED_LANGUAGES]);
      expect(health.checks.execution.status).toBe('ok');
    } finally {
      await server.stop();
    }
  });

  it('judges: ACCEPTED, WRONG_ANSWER, RUNTIME_ERROR, TIME_LIMIT, COMPILE_ERROR', async () => {
    const [mixed, broken] = await Promise.all([
      submitToEnd(
        fx.plane,
        submissionRequest('c', MODE_PROGRAMS.c, [
          { input: 'echo 1\n', expectedOutput: '1\n' },
          { input: 'echo 1\n', expectedOutput: '2\n' },
          { input: 'crash\n', expectedOutput: '' },
          { input: 'loop\n', expectedOutput: '' },
        ], { timeLimitMs: 1000 }),
      ),
      submitToEnd(fx.plane, submissionRequest('python', BROKEN_PROGRAMS.python!, [{ input: '', expectedOutput: '' }])),
    ]);
    expect(mixed.tests.map((t) => t.verdict)).toEqual(['ACCEPTED', 'WRONG_ANSWER', 'RUNTIME_ERROR', 'TIME_LIMIT']);
    expect(broken.verdict).toBe('COMPILE_ERROR');
    expect(broken.compileOutput).toContain('SyntaxError');
  });

  it('runs with a clean environment and caps output', async () => {
    const [env, flood] = await Promise.all([
      runToEnd(fx.plane, runRequest('python', 'import os, json\nprint(json.dumps(sorted(os.environ)))\n')),
      runToEnd(fx.plane, runRequest('python', "import sys\nwhile True:\n    sys.stdout.write('z' * 4096)\n")),
    ]);
    // PWD is set by the launcher shell.
    expect(JSON.parse(env.result!.stdout)).toEqual(['HOME', 'LANG', 'PATH', 'PWD', 'TMPDIR']);
    expect(flood.result).toMatchObject({ verdict: 'OUTPUT_LIMIT', stdoutTruncated: true });
  });

  it('kills the process group: a background child does not survive its execution', async () => {
    const marker = `syncode-limited-${randomUUID()}`;
    const run = await runToEnd(fx.plane, runRequest('python', `import subprocess\nsubprocess.Popen(['/bin/sh', '-c', 'sleep 600; : ${marker}'])\nprint('ok')\n`));
    expect(run.result?.verdict).toBe('ACCEPTED');
    expect(processesWith(marker)).toEqual([]);
  });
});
