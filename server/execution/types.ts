// The execution plane's public contract, used by the control plane's run/submit routes.
// Implemented by `createExecutionPlane` in ./index.ts (async: it probes the toolchains and the sandbox first).

import type {
  AnalysisJob,
  MissingLanguage,
  RunResult,
  SubmissionResult,
  SubmissionSummary,
  SupportedLanguage,
  JobStatus,
  Verdict,
} from '../protocol/index.ts';
import type { Page } from '../protocol/api/common.ts';

export interface ExecutionFeatures {
  /** Languages that can run here: their toolchain was found, and code may run at all (empty when it may not). */
  languages: SupportedLanguage[];
  /** Languages whose toolchain was not found on this machine, with how to install it. */
  missingLanguages: MissingLanguage[];
  /** `isolated`: namespaces (bubblewrap); `limited`: resource limits only. */
  sandbox: 'isolated' | 'limited';
  /** Languages whose static analyzer can run here (empty when code may not run at all). */
  analysisLanguages: SupportedLanguage[];
  /** Languages without a static analyzer on this machine, with how to get one. */
  missingAnalyzers: MissingLanguage[];
}

/**
 * How the operator wants code isolated: `isolated` (bubblewrap or no execution at all), `limited` (never isolated,
 * on purpose), `auto` (isolated when the host allows it, else limited: embedded mode, where the code is the user's).
 */
export type SandboxPolicy = 'isolated' | 'limited' | 'auto';

/** The execution check of GET /v1/health: `down` says why code cannot run, `ok` how it runs. */
export interface ExecutionHealth {
  status: 'ok' | 'degraded' | 'down';
  message: string;
}

export interface RunRequest {
  roomId: string;
  userId: string;
  language: SupportedLanguage;
  code: string;
  stdin: string;
  /** The room problem's limits, or 5000 ms / 262144 KiB without a problem. */
  timeLimitMs: number;
  memoryLimitKb: number;
}

export interface JudgeTestCase {
  id: string;
  input: string;
  expectedOutput: string;
  hidden: boolean;
}

export interface SubmissionRequest {
  roomId: string;
  userId: string;
  problemId: string;
  language: SupportedLanguage;
  /** The exact text of the `submit` snapshot. */
  code: string;
  snapshotId: string;
  tests: JudgeTestCase[];
  timeLimitMs: number;
  memoryLimitKb: number;
}

export interface AnalysisRequest {
  roomId: string;
  userId: string;
  language: SupportedLanguage;
  code: string;
  /** Whether to ask the complexity estimator (AI on for the room), with the problem statement as context; null: no estimate. */
  complexity: { problemStatement?: string } | null;
}

export interface PageRequest {
  limit: number;
  /** Opaque cursor from a previous page; a malformed one throws AppError VALIDATION_FAILED. */
  cursor?: string;
}

export interface ExecutionFinished {
  kind: 'run' | 'submission';
  id: string;
  roomId: string;
  userId: string;
  status: JobStatus;
  verdict: Verdict | null;
}

export interface ExecutionPlane {
  features(): ExecutionFeatures;
  health(): ExecutionHealth;
  /** Jobs waiting for a worker and jobs executing now (metrics). */
  load(): { queued: number; running: number };
  /** Throws AppError EXEC_UNAVAILABLE (with the reason) when this language cannot run here. */
  assertRunnable(language: SupportedLanguage): void;
  /** Queues a run; rejects with AppError EXEC_UNAVAILABLE for a language this machine cannot run. */
  enqueueRun(req: RunRequest): Promise<RunResult>;
  getRun(id: string): Promise<RunResult | undefined>;
  /** Newest first. */
  listRuns(roomId: string, page: PageRequest): Promise<Page<RunResult>>;
  enqueueSubmission(req: SubmissionRequest): Promise<SubmissionSummary>;
  /** Full results, hidden tests included: the caller filters for non-admins. */
  getSubmission(id: string): Promise<SubmissionResult | undefined>;
  /** Newest first. */
  listSubmissions(roomId: string, page: PageRequest): Promise<Page<SubmissionSummary>>;
  /** Queues a static analysis; rejects with AppError EXEC_UNAVAILABLE when this language has no analyzer that may run here. */
  enqueueAnalysis(req: AnalysisRequest): Promise<AnalysisJob>;
  /** The job and the room it belongs to. */
  getAnalysis(id: string): Promise<{ roomId: string; job: AnalysisJob } | undefined>;
  /** Whether a submission of the room is queued or running (EXEC_SUBMISSION_IN_PROGRESS). */
  hasActiveSubmission(roomId: string): Promise<boolean>;
  /**
   * Average wait from `createdAt` to the job starting, in whole milliseconds (0 when none), over the runs and
   * submissions that started at `sinceMs` (epoch ms) or later. For the admin dashboard's `averageQueueMs`.
   */
  queueStats(sinceMs: number): Promise<{ averageQueueMs: number }>;
  /** Called once per job when it reaches `completed` or `failed`. Returns an unsubscribe function. */
  onDidFinish(listener: (event: ExecutionFinished) => void): () => void;
  /**
   * Stops the workers and kills running executions; their jobs stay `running` and queued ones `queued`, held by this
   * process (ExecutionPlaneOptions.liveness). This process's next start marks the running ones `failed` (INTERNAL,
   * "interrupted by a server restart") before anyone can subscribe, so no `onDidFinish` event is emitted for them
   * (pollers see `failed`), and queues the queued ones again. With several processes, a live one does so first
   * once this one has left the live nodes: "interrupted: the server process running it stopped", with an
   * `onDidFinish` event like any failure, and the queued ones run there.
   */
  close(): Promise<void>;
}
