// Rate-limit counters shared by every process of a cluster, with the same limits and windows as the
// in-memory ones: a fixed window for the REST limits (INCR + PEXPIRE), a sliding window for the collab
// connection attempts (a sorted set of attempt times). Both read Redis's clock. While Redis is unreachable
// a request is let through rather than refused: a limit is a safeguard, not a reason for an outage.
import { randomUUID } from 'node:crypto';
import type { Logger } from '../server-options.ts';
import { defineScript, KEY_PREFIX, type RedisConnection, type RedisScript } from './redis-client.ts';

/** KEYS: counter. ARGV: window ms. Returns { count, ms left in the window }. */
const FIXED_WINDOW = `local count = redis.call('INCR', KEYS[1])
if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local left = redis.call('PTTL', KEYS[1])
if left < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  left = tonumber(ARGV[1])
end
return { count, left }`;

/** KEYS: attempt set. ARGV: window ms, limit, unique member. Returns 1 when within the limit. */
const SLIDING_WINDOW = `local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - tonumber(ARGV[1]))
redis.call('ZADD', KEYS[1], now, ARGV[3])
redis.call('PEXPIRE', KEYS[1], ARGV[1])
if redis.call('ZCARD', KEYS[1]) <= tonumber(ARGV[2]) then return 1 end
return 0`;

/** Logs a Redis failure of a limiter at most once a minute. */
function throttledWarning(log: Logger, message: string): (error: unknown) => void {
  let lastAt = -Infinity;
  return (error) => {
    if (Date.now() - lastAt < 60_000) return;
    lastAt = Date.now();
    log.warn(message, { error: String(error) });
  };
}

/** The REST limits' counter (server/control/ratelimit/rate-limits.ts RateCounter) in Redis. */
export class RedisRateCounter {
  readonly #script: RedisScript;
  readonly #warn: (error: unknown) => void;

  constructor(conn: RedisConnection, log: Logger) {
    this.#script = defineScript(conn.redis, 'syncodeRateFixedWindow', 1, FIXED_WINDOW);
    this.#warn = throttledWarning(log, 'REST rate limits not counted: Redis unreachable');
  }

  /** Counts one hit; returns the seconds to wait when the limit is exceeded, else undefined. */
  async hit(key: string, limit: number, windowMs: number): Promise<number | undefined> {
    let count: number;
    let leftMs: number;
    try {
      [count, leftMs] = (await this.#script([`${KEY_PREFIX}rate:${key}`], [windowMs])) as [number, number];
    } catch (error) {
      this.#warn(error);
      return undefined;
    }
    if (count <= limit) return undefined;
    return Math.max(1, Math.ceil(leftMs / 1000));
  }
}

/** The collab plane's connection-attempt limiter (per user and room) in Redis. */
export class RedisAttemptWindow {
  readonly #script: RedisScript;
  readonly #limit: number;
  readonly #windowMs: number;
  readonly #warn: (error: unknown) => void;

  constructor(conn: RedisConnection, log: Logger, limit: number, windowMs: number) {
    this.#script = defineScript(conn.redis, 'syncodeRateSlidingWindow', 1, SLIDING_WINDOW);
    this.#limit = limit;
    this.#windowMs = windowMs;
    this.#warn = throttledWarning(log, 'collab connection attempts not counted: Redis unreachable');
  }

  /** Records an attempt; false when it is over the limit. */
  async attempt(key: string): Promise<boolean> {
    try {
      return Number(await this.#script([`${KEY_PREFIX}attempts:${key}`], [this.#windowMs, this.#limit, randomUUID()])) === 1;
    } catch (error) {
      this.#warn(error);
      return true;
    }
  }
}
