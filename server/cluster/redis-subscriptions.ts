// Many short-lived channel subscriptions (one per followed AI reply) on one subscriber connection: each channel
// is subscribed once whatever its number of listeners, and unsubscribed when its last listener leaves. After a
// reconnection ioredis subscribes the channels again by itself; what was published meanwhile is lost, so
// listeners must tolerate gaps (see the AI plane's relayed-reply.ts).
import type { Redis } from 'ioredis';
import type { RedisConnection } from './redis-client.ts';

/** How long subscribe() waits for Redis to confirm: without Redis the caller goes on, missing messages. */
const SUBSCRIBE_WAIT_MS = 2000;

type Listener = (message: string) => void;

interface Channel {
  listeners: Set<Listener>;
  subscribed: Promise<void>;
}

export class RedisSubscriptions {
  readonly #subscriber: Redis;
  readonly #channels = new Map<string, Channel>();

  constructor(conn: RedisConnection) {
    this.#subscriber = conn.duplicate();
    this.#subscriber.on('message', (channel: string, message: string) => {
      for (const listener of this.#channels.get(channel)?.listeners ?? []) listener(message);
    });
  }

  /**
   * Calls `listener` with each message on `channel` from when this resolves: once Redis confirmed the
   * subscription, or after SUBSCRIBE_WAIT_MS while Redis is unreachable. The returned function unsubscribes.
   */
  async subscribe(channel: string, listener: Listener): Promise<() => void> {
    let entry = this.#channels.get(channel);
    if (!entry) {
      const subscribed = this.#subscriber.subscribe(channel).then(
        () => {},
        () => {}, // the connection is closing or Redis is gone: the listener hears nothing more
      );
      entry = { listeners: new Set(), subscribed };
      this.#channels.set(channel, entry);
    }
    const { listeners } = entry;
    listeners.add(listener);
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([entry.subscribed, new Promise<void>((resolve) => (timer = setTimeout(resolve, SUBSCRIBE_WAIT_MS)))]);
    clearTimeout(timer);
    return () => {
      listeners.delete(listener);
      if (listeners.size > 0 || this.#channels.get(channel)?.listeners !== listeners) return;
      this.#channels.delete(channel);
      this.#subscriber.unsubscribe(channel).catch(() => {});
    };
  }

  /** Drops the connection at once: a subscriber has nothing to flush, and QUIT would wait out a Redis outage. */
  close(): void {
    this.#channels.clear();
    this.#subscriber.disconnect();
  }
}
