// Room-change fan-out: every process keeps the room clocks (phase timer, auto-finish, role-swap expiry) of
// every open room, so that a clock still fires when the process that last changed the room is gone. A
// process that changes a room publishes its id; the others re-read the room and re-arm its clocks. After a
// lost subscription (Redis outage) the listener is told to re-arm everything, since messages were missed.
// Firing twice is harmless: a firing takes the room lock and re-reads the room (see RoomScheduler).
import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { Logger } from '../server-options.ts';
import { KEY_PREFIX, type RedisConnection } from './redis-client.ts';

const CHANNEL = `${KEY_PREFIX}room-changed`;

/** `roomId` changed elsewhere; null: messages may have been missed, re-arm every room. */
export type RoomChangeListener = (roomId: string | null) => void;

export class RoomChangeFanOut {
  readonly #conn: RedisConnection;
  readonly #log: Logger;
  /** Our own messages come back to us; this tells them apart. */
  readonly #instance = randomUUID();
  readonly #listeners = new Set<RoomChangeListener>();
  #subscriber: Redis | undefined;

  constructor(conn: RedisConnection, log: Logger) {
    this.#conn = conn;
    this.#log = log;
  }

  async start(): Promise<void> {
    const subscriber = this.#conn.duplicate();
    this.#subscriber = subscriber;
    subscriber.on('message', (_channel: string, message: string) => {
      const separator = message.indexOf('|');
      if (message.slice(0, separator) === this.#instance) return;
      this.#notify(message.slice(separator + 1));
    });
    await subscriber.subscribe(CHANNEL);
    // Every later `ready` is a reconnection (ioredis subscribes again by itself).
    subscriber.on('ready', () => this.#notify(null));
  }

  announce(roomId: string): void {
    this.#conn.redis.publish(CHANNEL, `${this.#instance}|${roomId}`).catch((error: unknown) => {
      this.#log.warn('room change not announced to the other processes', { roomId, error: String(error) });
    });
  }

  onChange(listener: RoomChangeListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  async close(): Promise<void> {
    this.#listeners.clear();
    const subscriber = this.#subscriber;
    this.#subscriber = undefined;
    if (subscriber) await subscriber.quit().catch(() => subscriber.disconnect());
  }

  #notify(roomId: string | null): void {
    for (const listener of this.#listeners) listener(roomId);
  }
}
