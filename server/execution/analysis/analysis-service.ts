// Static-analysis jobs: the language's analyzer runs in the sandbox (as one of the plane's queued executions),
// then, when the room asked for it, the complexity estimator (an AI model) is asked outside the worker slot, so a
// slow provider never holds a sandbox worker. Either way the job ends `completed` or `failed`, never stuck.

import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AnalysisIssue, ComplexityEstimate } from '../../protocol/index.ts';
import type { Logger } from '../../server-options.ts';
import type { AnalysisStore, AnalysisTask } from '../../storage/execution/analysis-store.ts';
import { COMPILE_LIMITS, toolSpec } from '../judge.ts';
import type { ExecutionOutcome, Sandbox } from '../sandbox.ts';
import type { Analyzer, ComplexityEstimator, ToolOutput } from './analyzer.ts';
import { pointIssue, sortIssues } from './source-columns.ts';
import { errorFields } from '../../error-fields.ts';

/** A provider that has not answered by then is not waited for: the analysis completes without an estimate. */
const ESTIMATE_TIMEOUT_MS = 60_000;
/** How much of a failed tool's own output becomes the message of its one issue. */
const FAILURE_MESSAGE_CHARS = 2000;

export interface AnalysisServiceOptions {
  store: AnalysisStore;
  analyzers: ReadonlyMap<string, Analyzer>;
  workRoot: string;
  complexity: ComplexityEstimator | undefined;
  log: Logger;
}

export interface AnalysisService {
  /** Runs a queued job (a worker of the plane calls this); returns once the sandboxed part is done. */
  execute(sandbox: Sandbox, id: string): Promise<void>;
  /** Aborts pending estimates and waits for them; their jobs stay `running` and the next start fails them. */
  close(): Promise<void>;
}

export function createAnalysisService(options: AnalysisServiceOptions): AnalysisService {
  const { store, log } = options;
  const closing = new AbortController();
  const estimates = new Set<Promise<void>>();

  const estimate = async (task: AnalysisTask, estimator: ComplexityEstimator): Promise<ComplexityEstimate | null> => {
    const signal = AbortSignal.any([closing.signal, AbortSignal.timeout(ESTIMATE_TIMEOUT_MS)]);
    const aborted = new Promise<null>((resolve) => signal.addEventListener('abort', () => resolve(null), { once: true }));
    try {
      const input = { code: task.code, language: task.language, ...task.complexity };
      return await Promise.race([estimator.estimateComplexity(input, signal), aborted]);
    } catch (error) {
      log.warn('complexity estimate failed', { id: task.id, error: String(error) });
      return null;
    }
  };

  return {
    async execute(sandbox, id) {
      const task = await store.start(id);
      if (!task) return;
      const analyzer = options.analyzers.get(task.language);
      if (!analyzer) return store.fail(id, { code: 'EXEC_UNAVAILABLE', message: `No ${task.language} analyzer is available on this server.` });
      const issues = await analyze(sandbox, analyzer, task.code, options.workRoot);
      if (closing.signal.aborted) return;
      const estimator = options.complexity;
      if (!task.complexity || !estimator) return store.complete(id, { issues, complexity: null });
      const pending = estimate(task, estimator)
        .then(async (complexity) => {
          if (!closing.signal.aborted) await store.complete(id, { issues, complexity });
        })
        .catch((error: unknown) => log.error('could not store an analysis result', { id, ...errorFields(error) }));
      estimates.add(pending);
      void pending.finally(() => estimates.delete(pending));
    },
    async close() {
      closing.abort();
      await Promise.all(estimates);
    },
  };
}

/** The analyzer over `code` in a fresh box: its issues sorted, or one issue saying why the tool gave none. */
async function analyze(sandbox: Sandbox, analyzer: Analyzer, code: string, workRoot: string): Promise<AnalysisIssue[]> {
  const boxDir = await mkdtemp(join(workRoot, 'box-'));
  try {
    await writeFile(join(boxDir, analyzer.sourceFile), code);
    const outcome = await sandbox.run(toolSpec({ command: analyzer.command, env: analyzer.env, binds: analyzer.binds }, boxDir));
    const limit = limitReached(outcome);
    if (limit) return [pointIssue(1, 1, 'error', `${analyzer.tool}:limit`, `${analyzer.tool} stopped: ${limit}.`)];
    const output: ToolOutput = { stdout: outcome.stdout.toString('utf8'), stderr: outcome.stderr.toString('utf8'), exitCode: outcome.exitCode };
    const issues = parseSafely(analyzer, output, code);
    if (issues !== null && (issues.length > 0 || outcome.exitCode === 0)) return sortIssues(issues);
    // The tool failed without a finding we could place: show what it said.
    const said = (output.stderr.trim() || output.stdout.trim()).slice(0, FAILURE_MESSAGE_CHARS);
    return [pointIssue(1, 1, 'error', `${analyzer.tool}:failed`, said || `${analyzer.tool} exited with ${outcome.exitCode ?? 'a signal'}.`)];
  } finally {
    await rm(boxDir, { recursive: true, force: true });
  }
}

function parseSafely(analyzer: Analyzer, output: ToolOutput, code: string): AnalysisIssue[] | null {
  try {
    return analyzer.parse(output, code);
  } catch {
    return null;
  }
}

function limitReached(outcome: ExecutionOutcome): string | null {
  if (outcome.timedOut) return `it took longer than ${COMPILE_LIMITS.wallTimeMs / 1000} s`;
  if (outcome.memoryExceeded) return `it needed more than ${COMPILE_LIMITS.memoryKb / 1024} MiB of memory`;
  if (outcome.outputExceeded) return 'it printed more than 1 MiB';
  return null;
}
