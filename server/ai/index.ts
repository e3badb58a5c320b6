// The AI plane: its public face.
//
// createAiPlane({ sql, log, provider, liveness, relay }) migrates area `ai`, fails what a gone process left
// unfinished (at start, and in a cluster periodically: ai-recovery.ts), and (when a provider is configured)
// builds the one chat client, the provider slots (per server and per user, with a bounded queue), the job
// runner, the training reports and the complexity estimator. In a cluster the relay lets a reply be followed,
// and a job cancelled, through any process (reply-relay.ts). Without a provider everything still reads what
// is stored (history, reports), and every request for new work throws 503 AI_UNAVAILABLE. The control plane
// exposes it over REST (server/control/ai/) and builds the room and session contexts it is given; the AI
// plane never sees a hidden test.
import type { SqlDatabase } from '../storage/sql/index.ts';
import { AppError, type HealthCheck } from '../protocol/index.ts';
import type { WeaknessEntry } from '../protocol/api/ai.ts';
import { aloneLiveness, type NodeLiveness } from '../node-liveness.ts';
import type { Logger } from '../server-options.ts';
import { openAiStore, type AiJobRecord, type AiMessageRecord } from '../storage/ai/index.ts';
import { DEFAULT_AI_LIMITS, type AiLimits, type AiProviderOptions } from './ai-options.ts';
import type { RoomContext } from './ai-context.ts';
import { AiJobs, type ReplyEvent } from './ai-jobs.ts';
import { createChatClient, type ChatClient } from './chat-client.ts';
import { ConcurrencyLimiter } from './concurrency-limiter.ts';
import { failAbandoned, sweepAbandoned } from './ai-recovery.ts';
import { localReplyRelay, type ReplyRelay } from './reply-relay.ts';
import { createComplexityEstimator, type EstimateComplexity } from './complexity.ts';
import { TrainingReports } from './training-reports.ts';
import { aggregateWeaknesses } from './weaknesses.ts';
import type { HintLevel } from './prompts/hint-prompt.ts';

export type { AiProviderOptions, AiLimits } from './ai-options.ts';
export type { RoomContext, SessionContext, ProblemContext, RunContext, SubmissionContext } from './ai-context.ts';
export type { ReplyEvent } from './ai-jobs.ts';
export type { ReplyRelay, RelayedReply } from './reply-relay.ts';
export type { ReportRequest, TrainingReports } from './training-reports.ts';
export type { EstimateComplexity, ComplexityInput } from './complexity.ts';
export type { AiJobRecord, AiMessageRecord, AiJobKind } from '../storage/ai/index.ts';
export type { HintLevel } from './prompts/hint-prompt.ts';
export { jobView, messageView, type AiJobView } from './ai-views.ts';

export interface AiPlaneDeps {
  /** The server's database (SQLite file or PostgreSQL); the plane migrates its own area (`ai`). */
  sql: SqlDatabase;
  log: Logger;
  /** Absent: no provider, AI requests answer AI_UNAVAILABLE. */
  provider: AiProviderOptions | undefined;
  /** Which processes are alive (what a dead one left unfinished is failed). Default: this process alone. */
  liveness?: NodeLiveness;
  /** How replies and cancels reach other processes (a cluster's Redis). Default: this process alone. */
  relay?: ReplyRelay;
}

/** The AI plane as the control plane uses it. */
export interface AiService {
  /** A provider is configured. */
  readonly available: boolean;
  /** The configured per-user daily request allowance (hosted mode), null when unlimited. */
  readonly requestsPerDay: number | null;
  submitMessage(input: { roomId: string; userId: string; content: string; context: RoomContext }): Promise<AiJobRecord>;
  submitHint(input: { roomId: string; userId: string; level: HintLevel; context: RoomContext }): Promise<AiJobRecord>;
  submitReview(input: { roomId: string; userId: string; context: RoomContext }): Promise<AiJobRecord>;
  job(jobId: string): Promise<AiJobRecord | undefined>;
  message(messageId: string): Promise<AiMessageRecord | undefined>;
  /** Stops a job (see AiJobs.cancel); undefined for an unknown id. */
  cancel(jobId: string): Promise<AiJobRecord | undefined>;
  replyEvents(jobId: string, signal: AbortSignal): AsyncGenerator<ReplyEvent, void, undefined>;
  /** A conversation, oldest first, `limit + 1` rows after `afterSeq` (for toPage). */
  history(roomId: string, userId: string, limit: number, afterSeq?: number): Promise<AiMessageRecord[]>;
  /** AI requests a user made since `since` (epoch ms): the `aiRequestsPerDay` usage. */
  requestsSince(userId: string, since: number): Promise<number>;
  hintsUsed(roomId: string): Promise<number>;
  /** AdminDashboard.ai. */
  statsSince(since: number): Promise<{ requests: number; failures: number }>;
  reports: Pick<TrainingReports, 'queue' | 'view' | 'get'>;
  /** About one user, across their sessions, by severity descending. */
  weaknesses(userId: string): Promise<WeaknessEntry[]>;
  estimateComplexity: EstimateComplexity;
  /** The `ai` health check (undefined when no provider is configured: `disabled`). */
  health: (() => Promise<HealthCheck>) | undefined;
  /** Called for every stored conversation message (the session timeline's `ai-message`). */
  onDidStoreMessage(listener: (message: AiMessageRecord, jobId: string) => void): () => void;
}

export interface AiPlane extends AiService {
  /** Provider requests waiting for a slot and in flight (metrics); zeros without a provider. */
  load(): { queued: number; running: number };
  /** Aborts running jobs and reports (they end `failed`) and waits for them. */
  close(): Promise<void>;
}

const HEALTH_TTL_MS = 15_000;
const HEALTH_TIMEOUT_MS = 3_000;

export async function createAiPlane(deps: AiPlaneDeps): Promise<AiPlane> {
  const store = await openAiStore(deps.sql);
  const liveness = deps.liveness ?? aloneLiveness();
  const interrupted = await failAbandoned(store, liveness, true);
  if (interrupted.jobs + interrupted.reports > 0) deps.log.warn('AI work interrupted by a restart failed', interrupted);
  const stopSweeping = sweepAbandoned(store, liveness, deps.log);

  const limits: AiLimits = { ...DEFAULT_AI_LIMITS, ...deps.provider?.limits };
  const chat = deps.provider ? createChatClient(deps.provider, limits, deps.log) : undefined;
  const limiter = chat
    ? new ConcurrencyLimiter({ maxActive: limits.maxConcurrent, maxActivePerUser: limits.maxConcurrentPerUser, maxQueued: limits.maxQueued })
    : undefined;
  const listeners = new Set<(message: AiMessageRecord, jobId: string) => void>();
  const jobs =
    chat && limiter
      ? new AiJobs({
          store,
          chat,
          limiter,
          limits,
          log: deps.log,
          nodeId: liveness.nodeId,
          relay: deps.relay ?? localReplyRelay,
          events: { onDidStoreMessage: (m, jobId) => listeners.forEach((l) => l(m, jobId)) },
        })
      : undefined;
  const reports = new TrainingReports({ store, chat, limiter, limits, log: deps.log, nodeId: liveness.nodeId });
  const requireJobs = (): AiJobs => {
    if (!jobs) throw new AppError('AI_UNAVAILABLE', 'No AI provider is configured on this server.');
    return jobs;
  };

  return {
    available: jobs !== undefined,
    requestsPerDay: deps.provider?.requestsPerDay ?? null,
    submitMessage: (input) => requireJobs().submitMessage(input),
    submitHint: (input) => requireJobs().submitHint(input),
    submitReview: (input) => requireJobs().submitReview(input),
    job: (jobId) => store.jobs.get(jobId),
    message: (messageId) => store.messages.get(messageId),
    cancel: (jobId) => (jobs ? jobs.cancel(jobId) : store.jobs.get(jobId)),
    replyEvents: (jobId, signal) => requireJobs().replyEvents(jobId, signal),
    history: (roomId, userId, limit, afterSeq) => store.messages.list(roomId, userId, limit, afterSeq),
    requestsSince: (userId, since) => store.jobs.countByUserSince(userId, since),
    hintsUsed: (roomId) => store.jobs.countHints(roomId),
    statsSince: (since) => store.jobs.statsSince(since),
    reports,
    weaknesses: async (userId) => aggregateWeaknesses(await store.reports.readyOf(userId)),
    estimateComplexity: createComplexityEstimator({ chat, limiter, limits, log: deps.log }),
    health: chat ? cachedHealth(chat) : undefined,
    onDidStoreMessage(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    load: () => ({ queued: limiter?.queued ?? 0, running: limiter?.active ?? 0 }),
    async close() {
      await stopSweeping();
      await Promise.all([jobs?.close(), reports.close()]);
    },
  };
}

/** Lists the provider's models, at most every HEALTH_TTL_MS: a reachable provider is `ok`, else `degraded`. */
function cachedHealth(chat: ChatClient): () => Promise<HealthCheck> {
  let last: { at: number; check: Promise<HealthCheck> } | undefined;
  return () => {
    if (last && Date.now() - last.at < HEALTH_TTL_MS) return last.check;
    const started = performance.now();
    const check = chat.listModels(AbortSignal.timeout(HEALTH_TIMEOUT_MS)).then(
      (models): HealthCheck => ({ status: 'ok', latencyMs: Math.round(performance.now() - started), message: `${models.length} model(s) listed` }),
      (error: unknown): HealthCheck => ({
        status: 'degraded',
        latencyMs: Math.round(performance.now() - started),
        message: error instanceof Error ? error.message : 'the AI provider is not reachable',
      }),
    );
    last = { at: Date.now(), check };
    return check;
  };
}
