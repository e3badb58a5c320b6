// A reply generated here, made followable from the other processes of a cluster: each token is relayed at its
// offset in the reply's text, and the text so far is saved in the job's row every SAVE_EVERY_MS, so that a
// follower joining late starts from the saved text and fills what it missed before its first relayed token
// from a later save (relayed-reply.ts).
import type { Logger } from '../server-options.ts';
import type { AiStore } from '../storage/ai/index.ts';
import type { ReplyRelay } from './reply-relay.ts';

/** How stale the saved text may get: a late follower waits at most about this long for what it missed. */
export const SAVE_EVERY_MS = 500;

export class ReplyBroadcast {
  readonly #jobId: string;
  readonly #store: AiStore;
  readonly #relay: ReplyRelay;
  readonly #log: Logger;
  readonly #timer: NodeJS.Timeout;
  #text = '';
  #savedLength = 0;
  #saving: Promise<void> | undefined;

  constructor(jobId: string, deps: { store: AiStore; relay: ReplyRelay; log: Logger }) {
    this.#jobId = jobId;
    this.#store = deps.store;
    this.#relay = deps.relay;
    this.#log = deps.log;
    this.#timer = setInterval(() => this.#save(), SAVE_EVERY_MS);
    this.#timer.unref();
  }

  append(content: string): void {
    this.#relay.publish(this.#jobId, this.#text.length, content);
    this.#text += content;
  }

  /** Once the reply is generated (or cut short): stops saving, after the save in flight. */
  async close(): Promise<void> {
    clearInterval(this.#timer);
    await this.#saving;
  }

  #save(): void {
    // One save at a time, and only when there is something new (a slow database must not pile saves up).
    if (this.#saving || this.#text.length === this.#savedLength) return;
    const text = this.#text;
    this.#saving = this.#store.jobs
      .saveReplyText(this.#jobId, text)
      .then(() => void (this.#savedLength = text.length))
      // Followers then wait for the next save, or for the end of the job.
      .catch((error: unknown) => this.#log.warn('could not save the text of a reply being generated', { jobId: this.#jobId, error: String(error) }))
      .finally(() => (this.#saving = undefined));
  }
}
