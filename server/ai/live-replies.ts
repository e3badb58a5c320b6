// The text of message replies being generated, kept in memory from submission until the job ends, so that
// a stream reader (GET …/ai/messages/:jobId/stream) gets what was generated before it connected and then
// every token as it arrives. Readers only listen: one going away changes nothing for the job.

export type ReplyUpdate = { type: 'delta'; content: string } | { type: 'end' };

interface LiveReply {
  text: string;
  listeners: Set<(update: ReplyUpdate) => void>;
}

export class LiveReplies {
  readonly #replies = new Map<string, LiveReply>();

  open(jobId: string): void {
    this.#replies.set(jobId, { text: '', listeners: new Set() });
  }

  append(jobId: string, content: string): void {
    const reply = this.#replies.get(jobId);
    if (!reply) return;
    reply.text += content;
    for (const listener of reply.listeners) listener({ type: 'delta', content });
  }

  /** The text so far (what a cancel keeps). */
  text(jobId: string): string {
    return this.#replies.get(jobId)?.text ?? '';
  }

  end(jobId: string): void {
    const reply = this.#replies.get(jobId);
    if (!reply) return;
    this.#replies.delete(jobId);
    for (const listener of reply.listeners) listener({ type: 'end' });
  }

  /**
   * Updates of a live reply: first the text generated so far (one delta, if any), then each new token, then
   * `end`. Undefined when the reply is not live (never was, or already ended). Stops when `signal` aborts.
   */
  follow(jobId: string, signal: AbortSignal): AsyncGenerator<ReplyUpdate, void, undefined> | undefined {
    const reply = this.#replies.get(jobId);
    if (!reply) return undefined;
    const pending: ReplyUpdate[] = reply.text ? [{ type: 'delta', content: reply.text }] : [];
    let wake: (() => void) | undefined;
    const listener = (update: ReplyUpdate) => {
      pending.push(update);
      wake?.();
    };
    reply.listeners.add(listener);
    const onAbort = () => wake?.();
    signal.addEventListener('abort', onAbort, { once: true });
    return (async function* () {
      try {
        while (!signal.aborted) {
          const update = pending.shift();
          if (!update) {
            await new Promise<void>((resolve) => (wake = resolve));
            wake = undefined;
            continue;
          }
          yield update;
          if (update.type === 'end') return;
        }
      } finally {
        reply.listeners.delete(listener);
        signal.removeEventListener('abort', onAbort);
      }
    })();
  }
}
