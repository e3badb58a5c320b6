// Compiling once and executing per input, mapping each outcome to a verdict.

import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ExecutionResult, Verdict } from '../protocol/index.ts';
import { outputsMatch } from '../protocol/output-compare.ts';
import { OUTPUT_LIMIT_BYTES, truncateUtf8 } from './output.ts';
import type { ExecutionOutcome, ExecutionSpec, Sandbox } from './sandbox.ts';
import type { Toolchain } from './toolchains.ts';

/** Compilers are untrusted-input processors too: they run sandboxed, under their own limits. */
export const COMPILE_LIMITS = {
  wallTimeMs: 15_000,
  memoryKb: 1024 * 1024,
  maxProcesses: 256,
  writeLimitBytes: 256 * 1024 * 1024,
} as const;

/** At most 64 processes/threads and 16 MiB written per execution. */
const RUN_LIMITS = { maxProcesses: 64, writeLimitBytes: 16 * 1024 * 1024 } as const;
/** The cgroup cap sits this far above the problem's limit: bubblewrap's two helper processes are charged to it. */
const MEMORY_SLACK_KB = 8 * 1024;
/** Without a cgroup, RLIMIT_AS has to leave room for shared libraries and the allocator's arenas. */
const ADDRESS_SPACE_SLACK_KB = 64 * 1024;

export interface Limits {
  timeLimitMs: number;
  memoryLimitKb: number;
}

export interface Program {
  toolchain: Toolchain;
  boxDir: string;
  /** Set when compilation failed: the compiler's output (≤ 64 KiB). */
  compileError: string | null;
  dispose(): Promise<void>;
}

/** Writes the source into a fresh box dir and compiles it (if the language compiles). */
export async function prepareProgram(sandbox: Sandbox, toolchain: Toolchain, code: string, workRoot: string): Promise<Program> {
  const boxDir = await mkdtemp(join(workRoot, 'box-'));
  const dispose = (): Promise<void> => rm(boxDir, { recursive: true, force: true });
  try {
    await writeFile(join(boxDir, toolchain.sourceFile), code);
    let compileError: string | null = null;
    if (toolchain.compile) {
      const outcome = await sandbox.run(toolSpec({ command: toolchain.compile, env: toolchain.compileEnv, binds: toolchain.binds }, boxDir));
      compileError = describeCompileFailure(outcome);
    }
    return { toolchain, boxDir, compileError, dispose };
  } catch (error) {
    await dispose();
    throw error;
  }
}

/** A compiler or analyzer over the box's source: untrusted input, so sandboxed under the compile limits. */
export function toolSpec(tool: Pick<ExecutionSpec, 'command' | 'env' | 'binds'>, boxDir: string): ExecutionSpec {
  return {
    ...tool,
    boxDir,
    boxWritable: true,
    stdin: '',
    wallTimeMs: COMPILE_LIMITS.wallTimeMs,
    memoryLimitKb: COMPILE_LIMITS.memoryKb,
    memorySlackKb: MEMORY_SLACK_KB,
    addressSpaceKb: null,
    maxProcesses: COMPILE_LIMITS.maxProcesses,
    writeLimitBytes: COMPILE_LIMITS.writeLimitBytes,
    outputLimitBytes: OUTPUT_LIMIT_BYTES,
  };
}

function describeCompileFailure(outcome: ExecutionOutcome): string | null {
  const output = truncateUtf8(Buffer.concat([outcome.stdout, outcome.stderr])).text;
  if (outcome.timedOut) return `${output}\nCompilation timed out after ${COMPILE_LIMITS.wallTimeMs / 1000} s.`.trimStart();
  if (outcome.memoryExceeded) return `${output}\nCompilation ran out of memory.`.trimStart();
  if (outcome.outputExceeded) return `${output}\nCompiler output exceeded 1 MiB.`.trimStart();
  if (outcome.exitCode !== 0) return output || `The compiler exited with ${outcome.exitCode ?? 'a signal'}.`;
  return null;
}

export interface Execution {
  result: ExecutionResult;
  /** The whole stdout (≤ 1 MiB), for comparison. */
  fullStdout: string;
}

/** Runs a compiled program once. `expectedOutput` given → a judged test (WRONG_ANSWER possible); else a run. */
export async function executeProgram(
  sandbox: Sandbox,
  program: Program,
  stdin: string,
  limits: Limits,
  expectedOutput?: string,
): Promise<Execution> {
  const { toolchain } = program;
  const outcome = await sandbox.run(runSpec(toolchain, program.boxDir, stdin, limits));
  return toResult(outcome, toolchain, expectedOutput);
}

function runSpec(toolchain: Toolchain, boxDir: string, stdin: string, limits: Limits): ExecutionSpec {
  return {
    command: (paths) => toolchain.run(paths, limits.memoryLimitKb),
    env: toolchain.runEnv ? () => toolchain.runEnv! : undefined,
    binds: toolchain.binds,
    boxDir,
    boxWritable: false,
    stdin,
    wallTimeMs: limits.timeLimitMs,
    memoryLimitKb: limits.memoryLimitKb,
    memorySlackKb: MEMORY_SLACK_KB,
    addressSpaceKb: toolchain.addressSpaceLimit ? limits.memoryLimitKb + ADDRESS_SPACE_SLACK_KB : null,
    maxProcesses: RUN_LIMITS.maxProcesses,
    writeLimitBytes: RUN_LIMITS.writeLimitBytes,
    outputLimitBytes: OUTPUT_LIMIT_BYTES,
  };
}

function toResult(outcome: ExecutionOutcome, toolchain: Toolchain, expectedOutput: string | undefined): Execution {
  const stdout = truncateUtf8(outcome.stdout);
  const stderr = truncateUtf8(outcome.stderr);
  const fullStdout = outcome.stdout.toString('utf8');
  return {
    fullStdout,
    result: {
      stdout: stdout.text,
      stderr: stderr.text,
      stdoutTruncated: stdout.truncated,
      stderrTruncated: stderr.truncated,
      exitCode: outcome.exitCode,
      timeMs: outcome.timeMs,
      memoryKb: outcome.memoryKb,
      verdict: verdictOf(outcome, toolchain, stderr.text, fullStdout, expectedOutput),
    },
  };
}

/** The order of the verdict mapping: time, memory, output, exit status, then the comparison. */
function verdictOf(
  outcome: ExecutionOutcome,
  toolchain: Toolchain,
  stderr: string,
  stdout: string,
  expectedOutput: string | undefined,
): Verdict {
  if (outcome.timedOut) return 'TIME_LIMIT';
  if (outcome.memoryExceeded) return 'MEMORY_LIMIT';
  if (outcome.outputExceeded) return 'OUTPUT_LIMIT';
  if (outcome.exitCode !== 0) return toolchain.isOutOfMemory?.(stderr) ? 'MEMORY_LIMIT' : 'RUNTIME_ERROR';
  if (expectedOutput !== undefined && !outputsMatch(stdout, expectedOutput)) return 'WRONG_ANSWER';
  return 'ACCEPTED';
}

/** A run: one execution with `stdin`, compile included. */
export async function runOnce(sandbox: Sandbox, toolchain: Toolchain, code: string, stdin: string, limits: Limits, workRoot: string): Promise<ExecutionResult> {
  if (!toolchain.runFresh) {
    const program = await prepareProgram(sandbox, toolchain, code, workRoot);
    try {
      if (program.compileError !== null) return compileErrorResult(program.compileError);
      return (await executeProgram(sandbox, program, stdin, limits)).result;
    } finally {
      await program.dispose();
    }
  }
  const boxDir = await mkdtemp(join(workRoot, 'box-'));
  try {
    await writeFile(join(boxDir, toolchain.sourceFile), code);
    const outcome = await sandbox.run({ ...runSpec(toolchain, boxDir, stdin, limits), command: toolchain.runFresh, controlChannel: true });
    if (outcome.control === 'compile-error') return compileErrorResult(truncateUtf8(outcome.stderr).text);
    return toResult(outcome, toolchain, undefined).result;
  } finally {
    await rm(boxDir, { recursive: true, force: true });
  }
}

/** The result of a run whose compilation failed: the compiler output is shown as stderr. */
export function compileErrorResult(compileOutput: string): ExecutionResult {
  return {
    stdout: '',
    stderr: compileOutput,
    stdoutTruncated: false,
    stderrTruncated: false,
    exitCode: null,
    timeMs: 0,
    memoryKb: 0,
    verdict: 'COMPILE_ERROR',
  };
}
