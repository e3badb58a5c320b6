// What a run did and how it compares with a problem's examples, in words. A free run has no expected output,
// so it never gets a verdict word: exiting 0 says nothing about being right.
import { outputsMatch, type ExecutionResult, type RunResult } from '../../../../server/protocol/index.ts';
import type { ProblemDetail } from '../../api/types.ts';

export interface RunOutcome {
  /** The program ran to its end with exit status 0. */
  ok: boolean;
  text: string;
}

export function runOutcome(r: ExecutionResult): RunOutcome {
  switch (r.verdict) {
    case 'ACCEPTED':
      return { ok: true, text: 'Exited with status 0' };
    case 'RUNTIME_ERROR':
      return { ok: false, text: r.exitCode === null ? 'Killed by a signal' : `Exited with status ${r.exitCode}` };
    case 'TIME_LIMIT':
      return { ok: false, text: 'Stopped: over the time limit' };
    case 'MEMORY_LIMIT':
      return { ok: false, text: 'Stopped: over the memory limit' };
    case 'OUTPUT_LIMIT':
      return { ok: false, text: 'Stopped: more than 1 MiB of output' };
    case 'COMPILE_ERROR':
      return { ok: false, text: 'Did not compile' };
    case 'WRONG_ANSWER':
      // Runs are never compared with anything; kept for the exhaustive union.
      return { ok: false, text: 'Wrong output' };
  }
}

export type ExampleState = 'not-run' | 'running' | 'pass' | 'fail';

export interface ExampleRow {
  index: number;
  input: string;
  expected: string;
  /** The newest run of the room whose stdin is this example's input, whoever started it. */
  run: RunResult | null;
  state: ExampleState;
  /** Why it failed, in words; empty otherwise. */
  reason: string;
}

/** One row per visible example, judged by the submission's output comparison rule. */
export function exampleRows(examples: ProblemDetail['examples'], runs: readonly RunResult[]): ExampleRow[] {
  return examples.map((ex, index) => {
    const run = runs.find((r) => r.stdin === ex.input) ?? null;
    const row = { index, input: ex.input, expected: ex.output, run };
    if (!run) return { ...row, state: 'not-run', reason: '' };
    if (run.status === 'queued' || run.status === 'running') return { ...row, state: 'running', reason: '' };
    if (run.status === 'failed' || !run.result) return { ...row, state: 'fail', reason: `The run failed (${run.error?.code ?? 'unknown error'})` };
    const outcome = runOutcome(run.result);
    if (!outcome.ok) return { ...row, state: 'fail', reason: outcome.text };
    return outputsMatch(run.result.stdout, ex.output) ? { ...row, state: 'pass', reason: '' } : { ...row, state: 'fail', reason: 'Wrong output' };
  });
}
