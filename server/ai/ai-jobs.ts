// AI jobs: messages to the interviewer, hints and reviews. A job is stored `queued` when asked for (a
// message's user message with it, in one transaction), waits for a provider slot, runs, and ends exactly
// once: `completed` with its result, or `failed` with AI_UNAVAILABLE (provider failing or unusable output),
// AI_CANCELLED (its owner stopped it) or INTERNAL (a bug, logged). Nothing escapes as an exception and no
// job stays unfinished: on close, running work is aborted and ends `failed`; what a gone process left
// unfinished is failed by a live one (ai-recovery.ts). A job records the process running it (`nodeId`), and
// its end only changes a job that has not ended yet (a peer may have failed it as abandoned meanwhile).
import { randomUUID } from 'node:crypto';
import { AppError } from '../protocol/index.ts';
import type { Logger } from '../server-options.ts';
import type { AiJobError, AiJobRecord, AiMessageRecord, AiStore } from '../storage/ai/index.ts';
import type { AiLimits } from './ai-options.ts';
import type { RoomContext } from './ai-context.ts';
import { AiCancelledError, AiProviderError, type ChatClient, type ChatMessage } from './chat-client.ts';
import type { ConcurrencyLimiter } from './concurrency-limiter.ts';
import { LiveReplies, type ReplyUpdate } from './live-replies.ts';
import { ReplyBroadcast } from './reply-broadcast.ts';
import { followRelayedReply } from './relayed-reply.ts';
import type { ReplyRelay } from './reply-relay.ts';
import { AiOutputError, requestStructured } from './structured-output.ts';
import { interviewerMessages } from './prompts/interviewer-prompt.ts';
import { hintMessages, type HintLevel } from './prompts/hint-prompt.ts';
import { reviewMessages, toCodeReview, zModelReview } from './prompts/review-prompt.ts';
import { errorFields } from '../error-fields.ts';

/** How often a clustered process looks for cancel requests the relay may have lost. */
const CANCEL_POLL_MS = 5000;
/** How long a cancel that reached another process than the job's waits for the job to end. */
const CANCEL_WAIT_MS = 10_000;
const CANCEL_WAIT_POLL_MS = 100;

/** Why a job ends without its result. */
class JobCancelled extends Error {}

/** The job had ended before its run could record its end (failed as abandoned meanwhile). */
class JobAlreadyEnded extends Error {}

export type ReplyEvent = { type: 'delta'; content: string } | { type: 'end'; job: AiJobRecord };

export interface AiJobEvents {
  /** A conversation message was stored (the user's at submission, the assistant's when a reply ends). */
  onDidStoreMessage(message: AiMessageRecord, jobId: string): void;
}

export class AiJobs {
  readonly #store: AiStore;
  readonly #chat: ChatClient;
  readonly #limiter: ConcurrencyLimiter;
  readonly #limits: AiLimits;
  readonly #log: Logger;
  readonly #events: AiJobEvents;
  readonly #nodeId: string;
  readonly #relay: ReplyRelay;
  readonly #live = new LiveReplies();
  /** Abort controllers of jobs not yet ended: a cancel or close aborts the job's provider request. */
  readonly #controllers = new Map<string, AbortController>();
  /** Each unfinished job's run, settled once the job has ended. */
  readonly #runs = new Map<string, Promise<void>>();
  /** Stops hearing cancel requests made on other processes. */
  readonly #stopCancelRequests: () => void;

  constructor(deps: {
    store: AiStore;
    chat: ChatClient;
    limiter: ConcurrencyLimiter;
    limits: AiLimits;
    log: Logger;
    /** Recorded on each job this process runs. */
    nodeId: string;
    /** Replies followed, and jobs cancelled, from other processes. */
    relay: ReplyRelay;
    events: AiJobEvents;
  }) {
    this.#store = deps.store;
    this.#chat = deps.chat;
    this.#limiter = deps.limiter;
    this.#limits = deps.limits;
    this.#log = deps.log;
    this.#events = deps.events;
    this.#nodeId = deps.nodeId;
    this.#relay = deps.relay;
    this.#stopCancelRequests = this.#hearCancelRequests();
  }

  /** Stores the user message at once and queues the reply. */
  async submitMessage(input: { roomId: string; userId: string; content: string; context: RoomContext }): Promise<AiJobRecord> {
    this.#requireRoom();
    const now = Date.now();
    const { job, message } = await this.#store.transaction(async () => {
      const job = await this.#store.jobs.insert({ id: randomUUID(), roomId: input.roomId, userId: input.userId, kind: 'message', input: {}, createdAt: now, nodeId: this.#nodeId });
      const message = await this.#store.messages.insert({
        id: randomUUID(),
        roomId: input.roomId,
        userId: input.userId,
        role: 'user',
        content: input.content,
        createdAt: now,
      });
      return { job, message };
    });
    this.#events.onDidStoreMessage(message, job.id);
    this.#live.open(job.id);
    this.#start(job, (signal) => this.#reply(job, message, input.context, signal));
    return job;
  }

  async submitHint(input: { roomId: string; userId: string; level: HintLevel; context: RoomContext }): Promise<AiJobRecord> {
    this.#requireRoom();
    const job = await this.#store.jobs.insert({
      id: randomUUID(),
      roomId: input.roomId,
      userId: input.userId,
      kind: 'hint',
      input: { level: input.level },
      createdAt: Date.now(),
      nodeId: this.#nodeId,
    });
    this.#start(job, async (signal) => {
      let content = '';
      for await (const token of this.#chat.streamText({ messages: hintMessages(input.context, input.level), maxTokens: this.#limits.maxReplyTokens, signal })) {
        content += token;
      }
      if (content.trim() === '') throw new AiProviderError('The AI provider sent an empty hint.');
      await this.#finish(job.id, { result: { level: input.level, content } });
    });
    return job;
  }

  async submitReview(input: { roomId: string; userId: string; context: RoomContext }): Promise<AiJobRecord> {
    this.#requireRoom();
    const job = await this.#store.jobs.insert({
      id: randomUUID(),
      roomId: input.roomId,
      userId: input.userId,
      kind: 'review',
      input: { language: input.context.language },
      createdAt: Date.now(),
      nodeId: this.#nodeId,
    });
    this.#start(job, async (signal) => {
      const review = await requestStructured(this.#chat, {
        name: 'code_review',
        schema: zModelReview,
        messages: reviewMessages(input.context),
        maxTokens: this.#limits.maxStructuredTokens,
        signal,
      });
      await this.#finish(job.id, { result: toCodeReview(review, input.roomId) });
    });
    return job;
  }

  /**
   * Stops a job that has not ended: its provider request is aborted and it ends `failed` with AI_CANCELLED
   * (a reply keeps the text generated so far as its assistant message). An ended job is returned as it is.
   */
  async cancel(jobId: string): Promise<AiJobRecord | undefined> {
    const controller = this.#controllers.get(jobId);
    if (controller) {
      controller.abort(new JobCancelled());
      // The job's own run ends it; wait for that so the caller sees the final state.
      await this.#runs.get(jobId);
    } else if (this.#relay.shared) {
      await this.#cancelElsewhere(jobId);
    }
    return this.#store.jobs.get(jobId);
  }

  /**
   * The reply of a message job as it is generated: the text so far, each new token, then `end` with the
   * job as it ended. A job that already ended gives `end` at once. In a cluster a reply another process
   * generates is followed through the relay.
   */
  async *replyEvents(jobId: string, signal: AbortSignal): AsyncGenerator<ReplyEvent, void, undefined> {
    const updates: AsyncGenerator<ReplyUpdate, void, undefined> | undefined = this.#live.follow(jobId, signal);
    if (!updates && this.#relay.shared) {
      yield* followRelayedReply(jobId, { store: this.#store, relay: this.#relay }, signal);
      return;
    }
    if (updates) {
      for await (const update of updates) {
        if (update.type === 'delta') yield update;
      }
      if (signal.aborted) return;
    }
    const job = await this.#store.jobs.get(jobId);
    if (job) yield { type: 'end', job };
  }

  /** Aborts every job that has not ended and waits until each has ended (as `failed`). */
  async close(): Promise<void> {
    this.#stopCancelRequests();
    for (const controller of this.#controllers.values()) controller.abort(new AiProviderError('The server is shutting down.'));
    while (this.#runs.size > 0) await Promise.all([...this.#runs.values()]);
  }

  /**
   * A job another process runs (or ran): the request is recorded and relayed to that process, which aborts
   * it; waits (up to CANCEL_WAIT_MS) until the job has ended, so that the caller sees the final state.
   */
  async #cancelElsewhere(jobId: string): Promise<void> {
    if (!(await this.#store.jobs.requestCancel(jobId, Date.now()))) return;
    this.#relay.requestCancel(jobId);
    const deadline = Date.now() + CANCEL_WAIT_MS;
    while (Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, CANCEL_WAIT_POLL_MS));
      const job = await this.#store.jobs.get(jobId);
      if (!job || job.status === 'completed' || job.status === 'failed') return;
    }
  }

  /**
   * In a cluster: cancels made on other processes of jobs running here, as relayed, and (should a relayed
   * request be lost) as recorded, polled every CANCEL_POLL_MS while jobs run here. Returns how to stop.
   */
  #hearCancelRequests(): () => void {
    if (!this.#relay.shared) return () => {};
    const cancel = (jobId: string) => this.#controllers.get(jobId)?.abort(new JobCancelled());
    const stopListening = this.#relay.onCancelRequest(cancel);
    const timer = setInterval(() => {
      if (this.#controllers.size === 0) return;
      this.#store.jobs.cancelRequested(this.#nodeId).then(
        (ids) => ids.forEach(cancel),
        (error: unknown) => this.#log.warn('could not look for cancel requests of AI jobs', { error: String(error) }),
      );
    }, CANCEL_POLL_MS);
    timer.unref();
    return () => {
      stopListening();
      clearInterval(timer);
    };
  }

  /** Refuses new work when the wait queue is full, before anything is stored. */
  #requireRoom(): void {
    if (!this.#limiter.hasRoom()) {
      throw new AppError('AI_UNAVAILABLE', 'The AI provider is busy; try again shortly.', { reason: 'busy' });
    }
  }

  #start(job: AiJobRecord, work: (signal: AbortSignal) => Promise<void>): void {
    const controller = new AbortController();
    this.#controllers.set(job.id, controller);
    const run = this.#run(job, controller.signal, work)
      .catch((error: unknown) => {
        // A peer failed the job as abandoned (this process looked dead to it for a while).
        if (error instanceof JobAlreadyEnded) this.#log.warn('AI job had already ended; its outcome is dropped', { jobId: job.id });
        // Otherwise a database failure while recording the job's end: the job is failed as abandoned later.
        else this.#log.error('could not record the end of an AI job', { jobId: job.id, ...errorFields(error) });
      })
      .finally(() => {
        this.#controllers.delete(job.id);
        this.#live.end(job.id);
        if (job.kind === 'message') this.#relay.end(job.id);
        this.#runs.delete(job.id);
      });
    this.#runs.set(job.id, run);
  }

  async #run(job: AiJobRecord, signal: AbortSignal, work: (signal: AbortSignal) => Promise<void>): Promise<void> {
    let release: (() => void) | undefined;
    try {
      release = await this.#limiter.acquire(job.userId, signal);
      await this.#store.jobs.markRunning(job.id);
      await work(signal);
    } catch (error) {
      if (error instanceof JobAlreadyEnded) throw error;
      await this.#fail(job, signal, error);
    } finally {
      release?.();
    }
  }

  async #reply(job: AiJobRecord, userMessage: AiMessageRecord, context: RoomContext, signal: AbortSignal): Promise<void> {
    const conversation: ChatMessage[] = (
      await this.#store.messages.tail(userMessage.roomId, userMessage.userId, this.#limits.historyMessages, userMessage.seq)
    ).map((m) => ({ role: m.role, content: m.content }));
    const broadcast = this.#relay.shared ? new ReplyBroadcast(job.id, { store: this.#store, relay: this.#relay, log: this.#log }) : undefined;
    try {
      for await (const token of this.#chat.streamText({ messages: interviewerMessages(context, conversation), maxTokens: this.#limits.maxReplyTokens, signal })) {
        this.#live.append(job.id, token);
        broadcast?.append(token);
      }
    } finally {
      await broadcast?.close();
    }
    const content = this.#live.text(job.id);
    if (content.trim() === '') throw new AiProviderError('The AI provider sent an empty reply.');
    await this.#endWithReply(job, content, (replyMessageId, at) => this.#store.jobs.complete(job.id, at, { result: null, replyMessageId }));
  }

  /**
   * Stores a reply's assistant message and ends its job (`end`) in one transaction, so that a job ended
   * meanwhile (failed as abandoned) leaves no reply in the conversation: then JobAlreadyEnded.
   */
  async #endWithReply(job: AiJobRecord, content: string, end: (replyMessageId: string, at: number) => Promise<boolean>): Promise<void> {
    const message = await this.#store.transaction(async () => {
      const at = Date.now();
      const message = await this.#store.messages.insert({ id: randomUUID(), roomId: job.roomId, userId: job.userId, role: 'assistant', content, createdAt: at });
      if (!(await end(message.id, at))) throw new JobAlreadyEnded();
      return message;
    });
    this.#events.onDidStoreMessage(message, job.id);
  }

  async #finish(jobId: string, outcome: { result: unknown; replyMessageId?: string }): Promise<void> {
    if (!(await this.#store.jobs.complete(jobId, Date.now(), outcome))) throw new JobAlreadyEnded();
  }

  async #fail(job: AiJobRecord, signal: AbortSignal, error: unknown): Promise<void> {
    const reason: unknown = signal.aborted ? signal.reason : undefined;
    let failure: AiJobError;
    if (reason instanceof JobCancelled) {
      failure = { code: 'AI_CANCELLED', message: 'The generation was stopped.' };
      const partial = this.#live.text(job.id);
      if (job.kind === 'message' && partial.trim() !== '') {
        return this.#endWithReply(job, partial, (replyMessageId, at) => this.#store.jobs.fail(job.id, at, failure, replyMessageId));
      }
    } else if (reason instanceof AiProviderError) {
      failure = { code: 'AI_UNAVAILABLE', message: reason.message };
    } else if (error instanceof AiProviderError || error instanceof AiOutputError || error instanceof AiCancelledError) {
      failure = { code: 'AI_UNAVAILABLE', message: error.message };
    } else {
      this.#log.error('AI job failed unexpectedly', { jobId: job.id, kind: job.kind, ...errorFields(error) });
      failure = { code: 'INTERNAL', message: 'The AI job failed unexpectedly.' };
    }
    if (failure.code === 'AI_UNAVAILABLE') this.#log.warn('AI job failed', { jobId: job.id, kind: job.kind, error: failure.message });
    await this.#store.jobs.fail(job.id, Date.now(), failure);
  }
}
