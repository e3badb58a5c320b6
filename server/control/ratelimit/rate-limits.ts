// The /v1 rate limits, as one table keyed by route. One middleware applies them to
// every /v1 route right after the transport checks (before authentication), so route modules —
// the rooms routes' run/submit included — get their limit by being registered under the listed pattern.
import { AppError, type ServerMode } from '../../protocol/index.ts';
import type { ApiContext, ApiMiddleware, MatchedRoute } from '../../http/api-context.ts';

export interface RateLimitRule {
  /** Bucket name: routes sharing a name share a counter per key. */
  bucket: string;
  limit: number;
  windowMs: number;
  /** `ip`: client address. `user`: the access token's subject, falling back to the IP without a valid token. */
  key: 'ip' | 'user';
  /** Kept in `embedded` mode, where every other limit is off. */
  embedded?: boolean;
}

const MINUTE = 60_000;
const ipRule = (bucket: string, limit: number, embedded = false): RateLimitRule => ({ bucket, limit, windowMs: MINUTE, key: 'ip', embedded });
const userRule = (bucket: string, limit: number): RateLimitRule => ({ bucket, limit, windowMs: MINUTE, key: 'user' });

/** `METHOD pattern` → rule. Patterns are exactly as registered on the ApiRouter. */
export const RATE_LIMIT_RULES: Readonly<Record<string, RateLimitRule>> = {
  'POST /v1/auth/login': ipRule('auth.login', 10, true),
  'POST /v1/auth/register': ipRule('auth.register', 10),
  'POST /v1/auth/forgot-password': ipRule('auth.forgot-password', 10),
  'POST /v1/auth/reset-password': ipRule('auth.reset-password', 10),
  'POST /v1/auth/refresh': ipRule('auth.refresh', 60),
  'POST /v1/rooms/:roomId/run': userRule('run', 30),
  'POST /v1/rooms/:roomId/submit': userRule('submit', 10),
  'POST /v1/rooms/:roomId/ai/messages': userRule('ai', 20),
  'POST /v1/rooms/:roomId/ai/hints': userRule('ai', 20),
  'POST /v1/rooms/:roomId/ai/reviews': userRule('ai', 20),
  'POST /v1/rooms/:roomId/analysis': userRule('ai', 20),
};

/** Everything else: 600 per minute per user (IP if public or unauthenticated). */
export const DEFAULT_RATE_LIMIT: RateLimitRule = { bucket: 'default', limit: 600, windowMs: MINUTE, key: 'user' };

export function ruleFor(route: MatchedRoute): RateLimitRule {
  return RATE_LIMIT_RULES[`${route.method} ${route.pattern}`] ?? DEFAULT_RATE_LIMIT;
}

/** Where the hits are counted: this process's memory, or Redis when several processes share the limits. */
export interface RateCounter {
  /** Counts one hit; returns the seconds to wait when the limit is exceeded, else undefined. */
  hit(key: string, limit: number, windowMs: number): number | undefined | Promise<number | undefined>;
}

/** Fixed-window counters. Stale windows are pruned as new keys arrive, so memory stays bounded without a timer. */
export class RateLimiter implements RateCounter {
  readonly #windows = new Map<string, { start: number; count: number; windowMs: number }>();
  #sincePrune = 0;

  /** Counts one hit; returns the seconds to wait when the limit is exceeded, else undefined. */
  hit(key: string, limit: number, windowMs: number, now = Date.now()): number | undefined {
    let window = this.#windows.get(key);
    if (!window || now - window.start >= window.windowMs) {
      window = { start: now, count: 0, windowMs };
      this.#windows.set(key, window);
      if (++this.#sincePrune >= 1000) this.#prune(now);
    }
    window.count++;
    if (window.count <= limit) return undefined;
    return Math.max(1, Math.ceil((window.start + windowMs - now) / 1000));
  }

  #prune(now: number): void {
    this.#sincePrune = 0;
    for (const [key, w] of this.#windows) if (now - w.start >= w.windowMs) this.#windows.delete(key);
  }
}

export interface RateLimitOptions {
  /** `false` disables every limit (ServerOptions.rateLimits). */
  enabled: boolean;
  mode: ServerMode;
  /** Resolves the user a request's access token names (signature checked, nothing else), for `user` keys. */
  userIdOf: (ctx: ApiContext) => Promise<string | undefined>;
  /** Shared counters (several server processes); default: this process's memory. */
  counter?: RateCounter;
}

export function createRateLimitMiddleware(options: RateLimitOptions): ApiMiddleware {
  const limiter = options.counter ?? new RateLimiter();
  return async (ctx, route) => {
    if (!options.enabled) return;
    const rule = ruleFor(route);
    if (options.mode === 'embedded' && !rule.embedded) return;
    const userId = rule.key === 'user' ? await options.userIdOf(ctx) : undefined;
    const who = userId ? `user:${userId}` : `ip:${ctx.ip}`;
    const retryAfterSeconds = await limiter.hit(`${rule.bucket}|${who}`, rule.limit, rule.windowMs);
    if (retryAfterSeconds !== undefined) {
      throw new AppError('RATE_LIMITED', 'Too many requests; retry later.', {
        limit: rule.limit,
        windowMs: rule.windowMs,
        retryAfterSeconds,
      });
    }
  };
}
