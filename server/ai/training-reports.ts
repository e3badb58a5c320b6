// Training reports of finished sessions: one per subject, stored `pending` when the room finishes, generated
// through the same provider slots as every other AI request, then `ready` (with the session's weaknesses) or
// `failed`. The session's context is built when the report runs, so the session-end snapshot that arrives
// just after the finish is usually in it.
import type { Logger } from '../server-options.ts';
import type { AiStore, ReportRecord } from '../storage/ai/index.ts';
import type { TrainingReport } from '../protocol/api/sessions.ts';
import { toTimestampOrNull } from '../protocol/timestamps.ts';
import type { AiLimits } from './ai-options.ts';
import type { SessionContext } from './ai-context.ts';
import type { ChatClient } from './chat-client.ts';
import type { ConcurrencyLimiter } from './concurrency-limiter.ts';
import { requestStructured } from './structured-output.ts';
import { reportMessages, zModelReport, type ModelReport, type ModelWeakness } from './prompts/report-prompt.ts';
import { toEvidence } from './prompts/evidence-schema.ts';
import { errorFields } from '../error-fields.ts';

/** A stored weakness of one session (the model's, with where it was seen). */
export interface SessionWeakness extends ModelWeakness {
  snapshotId: string | null;
}

export interface ReportRequest {
  roomId: string;
  finishedAt: number;
  subjects: string[];
  /** Builds a subject's session context when its report runs. */
  context: (subjectUserId: string) => Promise<SessionContext>;
}

export class TrainingReports {
  readonly #store: AiStore;
  readonly #chat: ChatClient | undefined;
  readonly #limiter: ConcurrencyLimiter | undefined;
  readonly #limits: AiLimits;
  readonly #log: Logger;
  readonly #nodeId: string;
  readonly #runs = new Set<Promise<void>>();
  readonly #abort = new AbortController();

  constructor(deps: {
    store: AiStore;
    chat: ChatClient | undefined;
    limiter: ConcurrencyLimiter | undefined;
    limits: AiLimits;
    log: Logger;
    /** Recorded on each report this process generates (what a dead process left pending is failed). */
    nodeId: string;
  }) {
    this.#store = deps.store;
    this.#chat = deps.chat;
    this.#limiter = deps.limiter;
    this.#limits = deps.limits;
    this.#log = deps.log;
    this.#nodeId = deps.nodeId;
  }

  /** Queues one report per subject; `unavailable` (nothing stored) without a provider. */
  async queue(request: ReportRequest): Promise<'pending' | 'unavailable'> {
    const chat = this.#chat;
    const limiter = this.#limiter;
    if (!chat || !limiter) return 'unavailable';
    for (const subject of request.subjects) {
      if (!(await this.#store.reports.insertPending(request.roomId, subject, request.finishedAt, Date.now(), this.#nodeId))) continue;
      const run = this.#generate(chat, limiter, request, subject)
        // Only a database failure while recording the report's end gets here: the next start fails the report.
        .catch((error: unknown) => this.#log.error('could not record the end of a training report', { roomId: request.roomId, subject, ...errorFields(error) }))
        .finally(() => this.#runs.delete(run));
      this.#runs.add(run);
    }
    return 'pending';
  }

  get(roomId: string, subjectUserId: string): Promise<ReportRecord | undefined> {
    return this.#store.reports.get(roomId, subjectUserId);
  }

  /** The report as the API shows it; `unavailable` when none was queued (no provider at the finish). */
  async view(roomId: string, subjectUserId: string): Promise<TrainingReport> {
    const record = await this.#store.reports.get(roomId, subjectUserId);
    const report = record?.status === 'ready' ? (record.report as ModelReport) : null;
    return {
      sessionId: roomId,
      subjectUserId,
      status: record?.status ?? 'unavailable',
      overallScore: report?.overallScore ?? null,
      summary: report?.summary ?? null,
      dimensions: report
        ? report.dimensions.map((d) => ({ ...d, evidence: d.evidence.map((e) => toEvidence(e, roomId, snapshotOf(record))) }))
        : [],
      strengths: report?.strengths ?? [],
      improvements: report?.improvements ?? [],
      generatedAt: toTimestampOrNull(record?.generatedAt ?? null),
    };
  }

  /** Stops generating: pending reports end `failed`. */
  async close(): Promise<void> {
    this.#abort.abort();
    while (this.#runs.size > 0) await Promise.all([...this.#runs]);
  }

  async #generate(chat: ChatClient, limiter: ConcurrencyLimiter, request: ReportRequest, subject: string): Promise<void> {
    const signal = this.#abort.signal;
    let release: (() => void) | undefined;
    try {
      release = await limiter.acquire(subject, signal);
      const context = await request.context(subject);
      const conversation = (await this.#store.messages.tail(request.roomId, subject, this.#limits.historyMessages)).map((m) => ({
        role: m.role,
        content: m.content,
      }));
      const report = await requestStructured(chat, {
        name: 'training_report',
        schema: zModelReport,
        messages: reportMessages(context, conversation),
        maxTokens: this.#limits.maxStructuredTokens,
        signal,
      });
      const { weaknesses, ...rest } = report;
      const stored: SessionWeakness[] = weaknesses.map((w) => ({ ...w, snapshotId: context.snapshotId }));
      await this.#store.reports.markReady(request.roomId, subject, { ...rest, snapshotId: context.snapshotId }, stored, Date.now());
    } catch (error) {
      const message = signal.aborted ? 'The server shut down before the report was generated.' : error instanceof Error ? error.message : String(error);
      this.#log.warn('training report failed', { roomId: request.roomId, subject, error: message });
      await this.#store.reports.markFailed(request.roomId, subject, message);
    } finally {
      release?.();
    }
  }
}

function snapshotOf(record: ReportRecord | undefined): string | null {
  const report = record?.report as { snapshotId?: string | null } | null | undefined;
  return report?.snapshotId ?? null;
}
