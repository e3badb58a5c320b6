// The AI plane's ReplyRelay in a cluster. A process generating a reply publishes each token, with its offset
// in the reply's text, on the job's channel, and `end` once the job's final state is stored; a process whose
// client follows the reply subscribes to that channel. Cancel requests go to every process on one channel;
// the one running the job aborts it. Publishing is best effort (nothing is queued while Redis is unreachable):
// the AI plane re-reads jobs from the database to cover what is lost.
import type { RelayedReply, ReplyRelay } from '../ai/index.ts';
import type { Logger } from '../server-options.ts';
import { KEY_PREFIX, type RedisConnection } from './redis-client.ts';
import { RedisSubscriptions } from './redis-subscriptions.ts';

const REPLY_CHANNEL = `${KEY_PREFIX}ai-reply:`;
const CANCEL_CHANNEL = `${KEY_PREFIX}ai-cancel`;

/** On the wire: a token `{ o: offset, c: content }`, or `{ end: true }`. */
type ReplyMessage = { o: number; c: string } | { end: true };

export class RedisReplyRelay implements ReplyRelay {
  readonly shared = true;
  readonly #conn: RedisConnection;
  readonly #log: Logger;
  readonly #subscriptions: RedisSubscriptions;
  readonly #cancelListeners = new Set<(jobId: string) => void>();
  #stopCancels: (() => void) | undefined;

  constructor(conn: RedisConnection, log: Logger) {
    this.#conn = conn;
    this.#log = log;
    this.#subscriptions = new RedisSubscriptions(conn);
  }

  async start(): Promise<void> {
    this.#stopCancels = await this.#subscriptions.subscribe(CANCEL_CHANNEL, (jobId) => {
      for (const listener of this.#cancelListeners) listener(jobId);
    });
  }

  publish(jobId: string, offset: number, content: string): void {
    this.#send(`${REPLY_CHANNEL}${jobId}`, JSON.stringify({ o: offset, c: content } satisfies ReplyMessage));
  }

  end(jobId: string): void {
    this.#send(`${REPLY_CHANNEL}${jobId}`, JSON.stringify({ end: true } satisfies ReplyMessage));
  }

  follow(jobId: string, listener: (update: RelayedReply) => void): Promise<() => void> {
    return this.#subscriptions.subscribe(`${REPLY_CHANNEL}${jobId}`, (text) => {
      const message = JSON.parse(text) as ReplyMessage;
      listener('end' in message ? { type: 'end' } : { type: 'chunk', offset: message.o, content: message.c });
    });
  }

  requestCancel(jobId: string): void {
    this.#send(CANCEL_CHANNEL, jobId);
  }

  onCancelRequest(listener: (jobId: string) => void): () => void {
    this.#cancelListeners.add(listener);
    return () => this.#cancelListeners.delete(listener);
  }

  close(): void {
    this.#stopCancels?.();
    this.#cancelListeners.clear();
    this.#subscriptions.close();
  }

  #send(channel: string, message: string): void {
    if (!this.#conn.available()) return;
    this.#conn.redis.publish(channel, message).catch((error: unknown) => {
      this.#log.warn('AI relay message not published', { channel, error: String(error) });
    });
  }
}
