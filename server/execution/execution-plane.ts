import { availableParallelism, tmpdir } from 'node:os';
import type { SqlDatabase } from '../storage/sql/index.ts';
import { rm } from 'node:fs/promises';
import { AppError, SUPPORTED_LANGUAGES, type JobError, type SupportedLanguage } from '../protocol/index.ts';
import type { CursorCodec } from '../pagination.ts';
import { createExecutionStore, type JobKind, type JudgedTest, type QueuedJob } from '../storage/execution/execution-store.ts';
import { createAnalysisStore } from '../storage/execution/analysis-store.ts';
import { aloneLiveness, sweepPeriodically, type NodeLiveness } from '../node-liveness.ts';
import type { Interruption } from '../storage/execution/abandoned-jobs.ts';
import type { Logger } from '../server-options.ts';
import { createAnalysisService } from './analysis/analysis-service.ts';
import type { ComplexityEstimator } from './analysis/analyzer.ts';
import { findAnalyzers } from './analysis/find-analyzers.ts';
import { FairQueue } from './fair-queue.ts';
import { missingLanguages } from './install-hints.ts';
import { executeProgram, prepareProgram, runOnce, type Program } from './judge.ts';
import { probeIsolation } from './isolation-probe.ts';
import { createSandbox, type Sandbox, type SandboxMode } from './sandbox.ts';
import { findToolchains, type Toolchain } from './toolchains.ts';
import { createWorkRoot } from './work-root.ts';
import type { ExecutionFinished, ExecutionPlane, SandboxPolicy } from './types.ts';
import { errorFields } from '../error-fields.ts';

export interface ExecutionPlaneOptions {
  /** The server's database (SQLite file or PostgreSQL); the plane migrates its own area (`execution`). */
  sql: SqlDatabase;
  /** Signs the cursors of listRuns/listSubmissions (the same codec as every REST list). */
  cursors: CursorCodec;
  /** Concurrent executions. Default: the number of CPU cores. */
  workers?: number;
  /**
   * `isolated`: bubblewrap or nothing (without it, every run and submission is refused with EXEC_UNAVAILABLE);
   * `limited`: never isolated, chosen by the operator (a warning at start and on every execution);
   * `auto`: isolated when possible, else limited (embedded mode: the code is the user's own). Default `auto`.
   */
  sandbox?: SandboxPolicy;
  /** Parent of the per-job temp dirs. Default: the OS temp dir. */
  workRoot?: string;
  /** Where toolchains are looked up. Default: the server's PATH. */
  searchPath?: string;
  /** Node binary for JavaScript/TypeScript. Default: the one running the server. */
  nodePath?: string;
  /** The bubblewrap binary. Default /usr/bin/bwrap. */
  bwrapPath?: string;
  /** Estimates the complexity of analysed code (an AI provider); without it every analysis has `complexity: null`. */
  complexity?: ComplexityEstimator;
  /** Which processes are alive (a dead one's runs are failed, its queue taken over). Default: this process alone. */
  liveness?: NodeLiveness;
  log: Logger;
}

/** A queued job: a run or submission of the execution store, or a static analysis. */
type PlaneJob = QueuedJob | { kind: 'analysis'; id: string; userId: string };

/**
 * Shown on jobs that were running when their server process stopped: this one's previous run (failed at its
 * start), or another process of the cluster (failed by a live one once that process dropped out of presence).
 */
const INTERRUPTED: Interruption = {
  restarted: { code: 'INTERNAL', message: 'interrupted by a server restart' },
  stopped: { code: 'INTERNAL', message: 'interrupted: the server process running it stopped' },
};
const EXECUTION_FAILED: JobError = { code: 'INTERNAL', message: 'the execution failed' };

/**
 * The execution plane: a stored job queue served fairly by a bounded pool of workers, each job compiled once
 * and executed in the sandbox. All work happens in child processes; the event loop only moves bytes.
 */
export async function createExecutionPlane(options: ExecutionPlaneOptions): Promise<ExecutionPlane> {
  const { log } = options;
  // Without a cluster the process is alone: its previous run is the only one that can have left jobs behind.
  const liveness = options.liveness ?? aloneLiveness();
  const store = await createExecutionStore(options.sql, options.cursors, liveness);
  const workRoot = await createWorkRoot(options.workRoot ?? tmpdir());
  const policy = options.sandbox ?? 'auto';
  const bwrapPath = options.bwrapPath ?? '/usr/bin/bwrap';
  const [isolationProblem, toolchains] = await Promise.all([
    policy === 'limited' ? Promise.resolve(null) : probeIsolation(bwrapPath),
    findToolchains({ searchPath: options.searchPath ?? process.env.PATH ?? '', nodePath: options.nodePath ?? process.execPath }),
  ]);
  const missing = missingLanguages(SUPPORTED_LANGUAGES, new Set(toolchains.keys()));
  if (missing.length > 0) log.info('languages without a toolchain on this machine', { missing: missing.map((m) => m.language) });
  const { analyzers, missing: missingAnalyzers } = await findAnalyzers(toolchains);
  if (missingAnalyzers.length > 0) log.info('languages without a static analyzer on this machine', { missing: missingAnalyzers.map((m) => m.language) });
  const mode: SandboxMode = policy === 'limited' || isolationProblem !== null ? 'limited' : 'isolated';
  /** Set when code must not run at all: isolation was required and is not available. */
  const unavailable = policy === 'isolated' && isolationProblem !== null
    ? `Code execution is off: ${isolationProblem}. Fix the host, or set SYNCODE_SANDBOX=limited to run code without isolation.`
    : null;
  // Forced limited mode stands for a platform without namespaces or cgroups, so it uses rlimits only.
  const sandbox: Sandbox | null = unavailable ? null : await createSandbox({ mode, cgroups: policy !== 'limited', bwrapPath, scratchRoot: workRoot });
  if (unavailable) log.error('code execution is unavailable', { reason: isolationProblem });
  else if (policy === 'limited') log.warn('SYNCODE_SANDBOX=limited: code runs WITHOUT isolation (it can read what the server user can read and reach the network)');
  else if (isolationProblem) log.warn('code runs without isolation (limited mode)', { reason: isolationProblem });
  if (sandbox && !sandbox.cpuLimited && process.platform === 'linux') {
    log.warn('executions have no CPU limit: no writable cgroup v1 `cpu` hierarchy (a CPU-bound run can slow the rooms)');
  }
  const workers = Math.max(1, options.workers ?? availableParallelism());
  const listeners = new Set<(event: ExecutionFinished) => void>();
  const queue = new FairQueue<PlaneJob>();
  const analyses = await createAnalysisStore(options.sql, liveness);
  const analysis = createAnalysisService({ store: analyses, analyzers, workRoot, complexity: options.complexity, log });
  const inFlight = new Set<Promise<void>>();
  let closing = false;

  const toolchainFor = (language: SupportedLanguage): Toolchain => {
    if (unavailable) throw new AppError('EXEC_UNAVAILABLE', unavailable);
    const toolchain = toolchains.get(language);
    if (!toolchain) throw new AppError('EXEC_UNAVAILABLE', `No ${language} toolchain is available on this server.`);
    return toolchain;
  };

  const assertAnalysable = (language: SupportedLanguage): void => {
    if (unavailable) throw new AppError('EXEC_UNAVAILABLE', unavailable);
    const hint = missingAnalyzers.find((m) => m.language === language);
    if (hint) throw new AppError('EXEC_UNAVAILABLE', `No ${language} static analyzer is available on this server: ${hint.installHint}.`);
  };

  const emit = (event: ExecutionFinished): void => {
    for (const listener of listeners) {
      try {
        listener(event);
      } catch (error) {
        log.error('execution-finished listener failed', errorFields(error));
      }
    }
  };

  const execute = async (job: PlaneJob): Promise<void> => {
    const failJob = (error: JobError): Promise<void> => (job.kind === 'analysis' ? analyses.fail(job.id, error) : fail(job.kind, job.id, error));
    if (!sandbox) return failJob({ code: 'EXEC_UNAVAILABLE', message: unavailable! });
    if (policy === 'limited') log.warn('executing WITHOUT isolation (SYNCODE_SANDBOX=limited)', { kind: job.kind, id: job.id });
    try {
      if (job.kind === 'run') await executeRun(sandbox, job.id);
      else if (job.kind === 'submission') await executeSubmission(sandbox, job.id);
      else await analysis.execute(sandbox, job.id);
    } catch (error) {
      // Shutting down kills executions mid-flight: the job stays `running`; the next start (or a live peer) fails it.
      if (closing) return;
      log.error('execution job failed', { kind: job.kind, id: job.id, ...errorFields(error) });
      await failJob(EXECUTION_FAILED);
    }
  };

  const fail = async (kind: JobKind, id: string, error: JobError): Promise<void> => {
    if (!(await store.failJob(kind, id, error))) return;
    const stored = kind === 'run' ? await store.getRun(id) : await store.getSubmission(id);
    if (stored) emit({ kind, id, roomId: stored.roomId, userId: stored.userId, status: 'failed', verdict: null });
  };

  const withProgram = async <T>(sandbox: Sandbox, toolchain: Toolchain, code: string, use: (program: Program) => Promise<T>): Promise<T> => {
    const program = await prepareProgram(sandbox, toolchain, code, workRoot);
    try {
      return await use(program);
    } finally {
      await program.dispose();
    }
  };

  const executeRun = async (sandbox: Sandbox, id: string): Promise<void> => {
    const run = await store.startRun(id);
    if (!run) return;
    const toolchain = toolchains.get(run.language);
    if (!toolchain) return fail('run', id, { code: 'EXEC_UNAVAILABLE', message: `No ${run.language} toolchain is available.` });
    const result = await runOnce(sandbox, toolchain, run.code, run.stdin, run, workRoot);
    if (closing) return;
    // Not recorded: another process failed the run meanwhile, taking this one for dead (and told the room).
    if (!(await store.completeRun(id, result))) return;
    emit({ kind: 'run', id, roomId: run.roomId, userId: run.userId, status: 'completed', verdict: result.verdict });
  };

  const executeSubmission = async (sandbox: Sandbox, id: string): Promise<void> => {
    const submission = await store.startSubmission(id);
    if (!submission) return;
    const toolchain = toolchains.get(submission.language);
    if (!toolchain) return fail('submission', id, { code: 'EXEC_UNAVAILABLE', message: `No ${submission.language} toolchain is available.` });
    const outcome = await withProgram(sandbox, toolchain, submission.code, async (program) => {
      if (program.compileError !== null) {
        const tests = submission.tests.map((): JudgedTest => ({ verdict: 'COMPILE_ERROR', timeMs: 0, memoryKb: 0, actualOutput: null, stderr: null }));
        return { verdict: 'COMPILE_ERROR' as const, compileOutput: program.compileError, tests };
      }
      // Every test runs, in order, even after a failure (the verdict is the first failing test's).
      const tests: JudgedTest[] = [];
      for (const test of submission.tests) {
        if (closing) break;
        const { result } = await executeProgram(sandbox, program, test.input, submission, test.expectedOutput);
        tests.push({ verdict: result.verdict, timeMs: result.timeMs, memoryKb: result.memoryKb, actualOutput: result.stdout, stderr: result.stderr });
      }
      return { verdict: tests.find((t) => t.verdict !== 'ACCEPTED')?.verdict ?? ('ACCEPTED' as const), compileOutput: null, tests };
    });
    if (closing) return;
    if (!(await store.completeSubmission(id, outcome))) return;
    emit({ kind: 'submission', id, roomId: submission.roomId, userId: submission.userId, status: 'completed', verdict: outcome.verdict });
  };

  /** Refuses a language that cannot run (or be analysed) before anything is stored, then stores the job and queues it. */
  const enqueue = async <T extends { id: string }>(
    kind: PlaneJob['kind'],
    req: { language: SupportedLanguage; userId: string },
    create: () => Promise<T>,
  ): Promise<T> => {
    if (kind === 'analysis') assertAnalysable(req.language);
    else toolchainFor(req.language);
    const job = await create();
    queue.push(req.userId, { kind, id: job.id, userId: req.userId });
    pump();
    return job;
  };

  const pump = (): void => {
    while (!closing && inFlight.size < workers && queue.size > 0) {
      const job = queue.shift()!;
      const running: Promise<void> = execute(job)
        // Only a database failure while recording the job's end gets here: the job stays `running` until this process restarts or dies.
        .catch((error: unknown) => log.error('could not record the end of an execution job', { kind: job.kind, id: job.id, ...errorFields(error) }))
        .finally(() => {
          inFlight.delete(running);
          pump();
        });
      inFlight.add(running);
    }
  };

  /**
   * Fails the running jobs of dead processes (telling listeners as any failure does: the room, the submit lock,
   * the outcomes) and queues their queued jobs here. At start this process's previous run counts as dead: nothing
   * is subscribed yet then, so only pollers see those failures.
   */
  const recover = async (atStart: boolean): Promise<void> => {
    const live = await liveness.liveNodes();
    const failed = await store.failAbandoned(INTERRUPTED, live, atStart);
    const failedAnalyses = await analyses.failAbandoned(INTERRUPTED, live, atStart);
    if (failed.length + failedAnalyses > 0) log.warn('execution jobs of a stopped server process were marked failed', { count: failed.length + failedAnalyses });
    for (const job of failed) emit({ ...job, status: 'failed', verdict: null });
    const taken: PlaneJob[] = [
      ...(await store.takeOverQueued(live, atStart)),
      ...(await analyses.takeOverQueued(live, atStart)).map((job) => ({ kind: 'analysis' as const, ...job })),
    ];
    if (taken.length > 0 && !atStart) log.info('queued execution jobs of a stopped server process taken over', { count: taken.length });
    for (const job of taken) queue.push(job.userId, job);
    pump();
  };
  await recover(true);
  const stopSweeping = sweepPeriodically(
    liveness,
    () => recover(false),
    (error) => log.error('could not recover the jobs of stopped server processes', errorFields(error)),
  );

  return {
    features: () => ({
      languages: unavailable ? [] : [...toolchains.keys()],
      missingLanguages: missing,
      sandbox: mode,
      analysisLanguages: unavailable ? [] : [...analyzers.keys()],
      missingAnalyzers,
    }),
    health: () => {
      if (unavailable) return { status: 'down', message: unavailable };
      if (toolchains.size === 0) return { status: 'degraded', message: 'no language toolchain found' };
      const notes = [`${toolchains.size} languages`, `${mode} sandbox`];
      if (policy === 'limited') notes.push('without isolation: SYNCODE_SANDBOX=limited');
      else if (isolationProblem) notes.push(`without isolation: ${isolationProblem}`);
      if (process.platform === 'linux') notes.push(sandbox!.cpuLimited ? 'one CPU core per execution' : 'no CPU limit: no writable cgroup v1 cpu hierarchy');
      return { status: 'ok', message: notes.join('; ') };
    },
    load: () => ({ queued: queue.size, running: inFlight.size }),
    assertRunnable: (language) => void toolchainFor(language),
    enqueueRun: (req) => enqueue('run', req, () => store.createRun(req)),
    getRun: (id) => store.getRun(id),
    listRuns: (roomId, page) => store.listRuns(roomId, page),
    enqueueSubmission: (req) => enqueue('submission', req, () => store.createSubmission(req)),
    getSubmission: (id) => store.getSubmission(id),
    listSubmissions: (roomId, page) => store.listSubmissions(roomId, page),
    enqueueAnalysis: (req) => enqueue('analysis', req, () => analyses.create(req)),
    getAnalysis: (id) => analyses.get(id),
    hasActiveSubmission: (roomId) => store.hasActiveSubmission(roomId),
    queueStats: (sinceMs) => store.queueStats(sinceMs),
    onDidFinish(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      if (closing) return;
      closing = true;
      await stopSweeping();
      await Promise.all([sandbox?.close(), analysis.close()]);
      await Promise.all(inFlight);
      listeners.clear();
      await rm(workRoot, { recursive: true, force: true });
    },
  };
}
