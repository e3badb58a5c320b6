// The one Redis connection of a clustered server process (SYNCODE_REDIS_URL). Commands fail fast while Redis
// is unreachable (no offline queue, one retry, a 2 s timeout) so that a Redis outage never stalls a socket or
// a request: callers decide what to do without it (keep serving owned rooms, let a request through, ...).
import { Redis } from 'ioredis';
import type { Logger } from '../server-options.ts';

/** Every key and channel the cluster uses starts with this. */
export const KEY_PREFIX = 'syncode:';

export interface RedisConnection {
  redis: Redis;
  /** Whether the last connection attempt succeeded and the connection is up. */
  available(): boolean;
  /** Why Redis is unavailable (null while it is available). */
  problem(): string | null;
  /** A second connection with the same settings, for subscriptions (a subscribed connection runs no commands). */
  duplicate(): Redis;
  close(): Promise<void>;
}

/** A Lua script called by keys and arguments; ioredis runs it by its SHA and loads it when Redis lacks it. */
export type RedisScript = (keys: string[], args: (string | number)[]) => Promise<unknown>;

const CONNECTION_OPTIONS = {
  lazyConnect: true,
  enableOfflineQueue: false,
  maxRetriesPerRequest: 1,
  commandTimeout: 2000,
  connectTimeout: 3000,
  // Concurrent commands of one event-loop turn (lease renewals, rate-limit hits) go out as one pipeline.
  enableAutoPipelining: true,
  retryStrategy: (attempt: number) => Math.min(attempt * 200, 2000),
} as const;

/**
 * Connects, or rejects when Redis cannot be reached at start-up (the server refuses to start rather than
 * run a cluster member that shares nothing). Later outages are logged once each and reported by `problem()`.
 */
export async function connectRedis(url: string, log: Logger, name: string): Promise<RedisConnection> {
  const redis = new Redis(url, { ...CONNECTION_OPTIONS, connectionName: name });
  let problem: string | null = null;
  redis.on('error', (error: Error) => {
    if (problem === null) log.error('Redis unreachable; serving the rooms this process owns', { error: error.message });
    problem = error.message;
  });
  redis.on('ready', () => {
    if (problem !== null) log.info('Redis reachable again');
    problem = null;
  });
  try {
    await redis.connect();
  } catch (error) {
    redis.disconnect();
    throw new Error(`Redis is unreachable at ${hostOf(url)}: ${(error as Error).message}`);
  }
  return {
    redis,
    available: () => problem === null && redis.status === 'ready',
    problem: () => problem ?? (redis.status === 'ready' ? null : `connection ${redis.status}`),
    duplicate: () => {
      const copy = redis.duplicate({ enableOfflineQueue: true, connectionName: `${name}-sub` });
      copy.on('error', () => {}); // the main connection reports outages
      return copy;
    },
    async close() {
      try {
        await redis.quit();
      } catch {
        redis.disconnect();
      }
    },
  };
}

export function defineScript(redis: Redis, name: string, keyCount: number, lua: string): RedisScript {
  redis.defineCommand(name, { numberOfKeys: keyCount, lua });
  const command = (redis as unknown as Record<string, (...args: (string | number)[]) => Promise<unknown>>)[name]!;
  return (keys, args) => command.call(redis, ...keys, ...args);
}

/** Where the URL points (host and port only: the URL may hold a password). */
function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return 'the configured URL';
  }
}
