// The cross-process half of RoomEngine.exclusive: a per-room lock in Redis (random token, SET NX PX,
// compare-and-delete release, renewed while a long operation runs), so that two processes never interleave
// one room's transitions. Waiters poll with jitter; room operations are short, contention is rare.
import { randomUUID } from 'node:crypto';
import { AppError } from '../protocol/index.ts';
import type { Logger } from '../server-options.ts';
import type { OwnedKeys } from './owned-keys.ts';
import { KEY_PREFIX } from './redis-client.ts';

export const ROOM_LOCK_TTL_MS = 10_000;
const RENEW_EVERY_MS = 3000;
/** Longer than any room operation; a waiter that gives up answers 503 and the client retries. */
const WAIT_LIMIT_MS = 30_000;
const POLL_MS = 15;

export const roomLockKey = (roomId: string): string => `${KEY_PREFIX}room-lock:${roomId}`;

export class RedisRoomLock {
  readonly #keys: OwnedKeys;
  readonly #log: Logger;
  readonly #waitLimitMs: number;

  constructor(keys: OwnedKeys, log: Logger, waitLimitMs = WAIT_LIMIT_MS) {
    this.#keys = keys;
    this.#log = log;
    this.#waitLimitMs = waitLimitMs;
  }

  /**
   * Runs `fn` holding the room's lock. Rejects with 503 ROOM_COLLAB_UNAVAILABLE when Redis is unreachable or
   * the lock stays taken past the wait limit (nothing of `fn` ran then).
   */
  async run<T>(roomId: string, fn: () => Promise<T>): Promise<T> {
    const key = roomLockKey(roomId);
    const token = randomUUID();
    await this.#take(key, token);
    const renewal = setInterval(() => {
      this.#keys.renew(key, token, ROOM_LOCK_TTL_MS).then(
        (kept) => {
          if (!kept) this.#log.error('room lock expired while an operation held it', { roomId });
        },
        () => {},
      );
    }, RENEW_EVERY_MS);
    renewal.unref();
    try {
      return await fn();
    } finally {
      clearInterval(renewal);
      // Unreleased (Redis unreachable), the lock expires within its TTL.
      await this.#keys.release(key, token).catch(() => false);
    }
  }

  async #take(key: string, token: string): Promise<void> {
    const deadline = Date.now() + this.#waitLimitMs;
    for (;;) {
      let taken: boolean;
      try {
        taken = await this.#keys.tryTake(key, token, ROOM_LOCK_TTL_MS);
      } catch {
        throw new AppError('ROOM_COLLAB_UNAVAILABLE', 'The room cannot be changed right now; try again.');
      }
      if (taken) return;
      if (Date.now() > deadline) throw new AppError('ROOM_COLLAB_UNAVAILABLE', 'The room is busy; try again.');
      await new Promise((r) => setTimeout(r, POLL_MS + Math.random() * POLL_MS));
    }
  }
}
