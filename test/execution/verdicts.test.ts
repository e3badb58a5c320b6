// Every language through the real plane, real bubblewrap and real toolchains: one submission whose tests hit
// each verdict, one that is accepted, and one that does not compile.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SUPPORTED_LANGUAGES } from '../../server/protocol/index.ts';
import { startPlane, submissionRequest, submitToEnd, runRequest, runToEnd, type PlaneFixture } from './plane-fixture.ts';
import { BROKEN_PROGRAMS, MODE_PROGRAMS } from './programs.ts';

let fx: PlaneFixture;
beforeAll(async () => {
  fx = await startPlane({ workers: 2 });
});
afterAll(() => fx.close());

const MODE_TESTS = [
  { input: 'echo 42\n', expectedOutput: '42\n' },
  { input: 'echo 42\n', expectedOutput: '43\n' },
  { input: 'crash\n', expectedOutput: '' },
  { input: 'loop\n', expectedOutput: '' },
  { input: 'mem\n', expectedOutput: '' },
];

describe.concurrent('verdicts per language', () => {
  it('finds every toolchain of this machine and runs isolated', () => {
    expect(fx.plane.features()).toEqual({ languages: [...SUPPORTED_LANGUAGES], missingLanguages: [], sandbox: 'isolated', analysisLanguages: [...SUPPORTED_LANGUAGES], missingAnalyzers: [] });
  });

  for (const language of SUPPORTED_LANGUAGES) {
    it(`${language}: ACCEPTED, WRONG_ANSWER, RUNTIME_ERROR, TIME_LIMIT, MEMORY_LIMIT, COMPILE_ERROR`, async () => {
      // Generous: a JVM start on a loaded CI machine must stay far below the limit that `loop` hits.
      const limits = { timeLimitMs: 4000, memoryLimitKb: 128 * 1024 };
      const broken = BROKEN_PROGRAMS[language];
      const [mixed, accepted, notCompiled] = await Promise.all([
        submitToEnd(fx.plane, submissionRequest(language, MODE_PROGRAMS[language], MODE_TESTS, limits)),
        submitToEnd(fx.plane, submissionRequest(language, MODE_PROGRAMS[language], [MODE_TESTS[0]!, { input: 'echo 7 \r\n', expectedOutput: '7\n\n\n' }], limits)),
        broken ? submitToEnd(fx.plane, submissionRequest(language, broken, MODE_TESTS.slice(0, 2), limits)) : undefined,
      ]);

      expect(mixed.status).toBe('completed');
      expect(mixed.tests.map((t) => `${t.verdict}`), JSON.stringify(mixed.tests.map((t) => [t.timeMs, t.memoryKb, t.stderr?.slice(0, 200)]))).toEqual([
        'ACCEPTED',
        'WRONG_ANSWER',
        'RUNTIME_ERROR',
        'TIME_LIMIT',
        'MEMORY_LIMIT',
      ]);
      expect(mixed.verdict).toBe('WRONG_ANSWER');
      expect({ passed: mixed.passed, total: mixed.total, compileOutput: mixed.compileOutput }).toEqual({ passed: 1, total: 5, compileOutput: null });
      expect(mixed.tests[0]!.actualOutput).toBe('42\n');
      expect(mixed.tests[3]!.timeMs).toBeGreaterThanOrEqual(4000);
      expect(mixed.maxTimeMs).toBeGreaterThanOrEqual(4000);

      expect(accepted.verdict).toBe('ACCEPTED');
      expect(accepted.passed).toBe(2);
      expect(accepted.tests[0]!.memoryKb).toBeGreaterThan(0);

      if (notCompiled) {
        expect(notCompiled.verdict).toBe('COMPILE_ERROR');
        expect(notCompiled.compileOutput).toMatch(/\S/);
        expect(notCompiled.tests.map((t) => [t.verdict, t.timeMs])).toEqual([['COMPILE_ERROR', 0], ['COMPILE_ERROR', 0]]);
        expect(notCompiled.maxTimeMs).toBeNull();
      }
    });
  }

  it('a run is ACCEPTED when it exits 0 and echoes its stdin; WRONG_ANSWER never occurs for runs', async () => {
    const run = await runToEnd(fx.plane, runRequest('python', MODE_PROGRAMS.python, { stdin: 'echo hello\n' }));
    expect(run.status).toBe('completed');
    expect(run.result).toMatchObject({ verdict: 'ACCEPTED', stdout: 'hello\n', exitCode: 0, stdoutTruncated: false });
    expect(run.completedAt).not.toBeNull();
  });

  it('a run that exits non-zero is RUNTIME_ERROR with its exit code; a signal gives exitCode null', async () => {
    const [exit3, segv] = await Promise.all([
      runToEnd(fx.plane, runRequest('c', MODE_PROGRAMS.c, { stdin: 'crash\n' })),
      runToEnd(fx.plane, runRequest('c', '#include <signal.h>\nint main(void) { raise(SIGSEGV); return 0; }\n')),
    ]);
    expect(exit3.result).toMatchObject({ verdict: 'RUNTIME_ERROR', exitCode: 3 });
    expect(segv.result).toMatchObject({ verdict: 'RUNTIME_ERROR', exitCode: null });
  });

  it('a Python run checks syntax in the same process: COMPILE_ERROR that the program cannot fake through fd 3', async () => {
    const [broken, forger, failing] = await Promise.all([
      runToEnd(fx.plane, runRequest('python', BROKEN_PROGRAMS.python!)),
      runToEnd(fx.plane, runRequest('python', "import os, sys\ntry:\n    os.write(3, b'compile-error')\nexcept OSError as e:\n    print(type(e).__name__)\nprint(__name__, __file__, sys.argv)\n")),
      runToEnd(fx.plane, runRequest('python', 'def f():\n    raise KeyError("boom")\nf()\n')),
    ]);
    expect(broken.result).toMatchObject({ verdict: 'COMPILE_ERROR', exitCode: null, timeMs: 0 });
    expect(broken.result!.stderr).toContain('SyntaxError');
    expect(forger.result).toMatchObject({ verdict: 'ACCEPTED', stdout: "OSError\n__main__ /box/main.py ['/box/main.py']\n" });
    expect(failing.result).toMatchObject({ verdict: 'RUNTIME_ERROR', exitCode: 1 });
    expect(failing.result!.stderr).toMatch(/File "\/box\/main.py", line 2, in f[\s\S]*KeyError: 'boom'/);
  });

  it('a run that does not compile shows the compiler output as stderr', async () => {
    const run = await runToEnd(fx.plane, runRequest('cpp', BROKEN_PROGRAMS.cpp!));
    expect(run.result).toMatchObject({ verdict: 'COMPILE_ERROR', exitCode: null, timeMs: 0 });
    expect(run.result!.stderr).toContain('error');
  });
});
