// Node presence: each server process of a cluster registers its id and internal URL under a key with a short
// TTL, renewed while it runs. Peers read the URL to proxy a room's sockets and calls to its owner; the
// sorted set of expiry times counts the live processes for /v1/health. A killed process drops out within
// the TTL; a drained one deregisters at once.
import { randomUUID } from 'node:crypto';
import type { Logger } from '../server-options.ts';
import type { OwnedKeys } from './owned-keys.ts';
import { defineScript, KEY_PREFIX, type RedisConnection, type RedisScript } from './redis-client.ts';

export const NODE_TTL_MS = 10_000;
const RENEW_EVERY_MS = 3000;
const NODES_KEY = `${KEY_PREFIX}nodes`;
const nodeKey = (nodeId: string): string => `${KEY_PREFIX}node:${nodeId}`;

// Redis's clock, not ours: processes on different machines agree on what has expired.
const NOW_MS = `local t = redis.call('TIME') local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)`;

/** KEYS: node key, nodes set. ARGV: node id, value, ttl. Returns the value it replaced (false if none). */
const REGISTER = `${NOW_MS}
local previous = redis.call('GET', KEYS[1])
redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3])
redis.call('ZADD', KEYS[2], now + tonumber(ARGV[3]), ARGV[1])
return previous`;

/** KEYS: nodes set. ARGV: node id, ttl. Counts a process among the live ones before its URL is known. */
const ANNOUNCE = `${NOW_MS}
redis.call('ZADD', KEYS[1], now + tonumber(ARGV[2]), ARGV[1])
return 1`;

/** KEYS: nodes set. Drops expired members, returns how many are left. */
const COUNT = `${NOW_MS}
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
return redis.call('ZCARD', KEYS[1])`;

/** KEYS: nodes set. Drops expired members, returns the ids left. */
const LIVE = `${NOW_MS}
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
return redis.call('ZRANGE', KEYS[1], 0, -1)`;

interface NodeRecord {
  url: string;
  instance: string;
}

export class NodePresence {
  readonly #conn: RedisConnection;
  readonly #log: Logger;
  readonly #register: RedisScript;
  readonly #count: RedisScript;
  readonly #live: RedisScript;
  readonly #announce: RedisScript;
  readonly #keys: OwnedKeys;
  /** Tells this process apart from another one started with the same node id (a restart, or a misconfiguration). */
  readonly #instance = randomUUID();
  #registered: { nodeId: string; value: string } | null = null;
  #timer: NodeJS.Timeout | undefined;
  #lastCount = 1;

  constructor(conn: RedisConnection, keys: OwnedKeys, log: Logger) {
    this.#conn = conn;
    this.#keys = keys;
    this.#log = log;
    this.#register = defineScript(conn.redis, 'syncodeNodeRegister', 2, REGISTER);
    this.#count = defineScript(conn.redis, 'syncodeNodeCount', 1, COUNT);
    this.#live = defineScript(conn.redis, 'syncodeNodeLive', 1, LIVE);
    this.#announce = defineScript(conn.redis, 'syncodeNodeAnnounce', 1, ANNOUNCE);
  }

  /**
   * Counts this process among the live ones from before it takes on any work (runs, AI jobs) until it registers
   * its URL: without it, a peer's sweep in between would take the work it has just started for a dead node's.
   */
  async announce(nodeId: string): Promise<void> {
    const write = () => this.#announce([NODES_KEY], [nodeId, NODE_TTL_MS]);
    this.#timer = setInterval(() => void write().catch(() => {}), RENEW_EVERY_MS);
    this.#timer.unref();
    try {
      await write();
    } catch (error) {
      this.#log.warn('node announcement failed; retried with the renewals', { error: String(error) });
    }
  }

  /** Registers this process (once listening) and keeps the registration alive until deregister(). */
  async register(nodeId: string, url: string): Promise<void> {
    const value = JSON.stringify({ url, instance: this.#instance } satisfies NodeRecord);
    this.#registered = { nodeId, value };
    clearInterval(this.#timer); // the announcement's renewal: registering renews the set entry too
    const previous = await this.#write();
    if (typeof previous === 'string' && parseRecord(previous)?.instance !== this.#instance) {
      this.#log.warn('node id was registered by another process (a restart within 10 s, or two processes sharing SYNCODE_NODE_ID)', { nodeId });
    }
    this.#timer = setInterval(() => {
      this.#write().then(
        (replaced) => {
          if (typeof replaced === 'string' && parseRecord(replaced)?.instance !== this.#instance) {
            this.#log.error('another live process uses this SYNCODE_NODE_ID; room ownership is ambiguous', { nodeId });
          }
        },
        () => {}, // an outage is logged by the connection; the registration is rewritten once Redis is back
      );
    }, RENEW_EVERY_MS);
    this.#timer.unref();
  }

  /** The internal URL of a live node; null when it is not registered (dead, or not started yet). */
  async urlOf(nodeId: string): Promise<string | null> {
    const value = await this.#conn.redis.get(nodeKey(nodeId));
    return value === null ? null : (parseRecord(value)?.url ?? null);
  }

  /** Live processes, at least 1 (this one); the last known count while Redis is unreachable. */
  async count(): Promise<number> {
    if (!this.#conn.available()) return this.#lastCount;
    try {
      this.#lastCount = Math.max(1, Number(await this.#count([NODES_KEY], [])));
    } catch {
      // keep the last known count
    }
    return this.#lastCount;
  }

  /** The ids of the live processes; null while Redis is unreachable (then nobody can be told dead). */
  async liveNodes(): Promise<ReadonlySet<string> | null> {
    if (!this.#conn.available()) return null;
    try {
      return new Set((await this.#live([NODES_KEY], [])) as string[]);
    } catch {
      return null;
    }
  }

  /** Drops the registration at once (drain), so peers stop proxying here. */
  async deregister(): Promise<void> {
    clearInterval(this.#timer);
    const registered = this.#registered;
    this.#registered = null;
    if (!registered || !this.#conn.available()) return;
    try {
      // Only our own registration: a process restarted under the same id may have replaced it already.
      if (await this.#keys.release(nodeKey(registered.nodeId), registered.value)) await this.#conn.redis.zrem(NODES_KEY, registered.nodeId);
    } catch (error) {
      this.#log.warn('node deregistration failed; it expires on its own', { error: String(error) });
    }
  }

  #write(): Promise<unknown> {
    const registered = this.#registered;
    if (!registered) return Promise.resolve(null);
    return this.#register([nodeKey(registered.nodeId), NODES_KEY], [registered.nodeId, registered.value, NODE_TTL_MS]);
  }
}

function parseRecord(value: string): NodeRecord | null {
  try {
    const parsed = JSON.parse(value) as Partial<NodeRecord>;
    return typeof parsed.url === 'string' && typeof parsed.instance === 'string' ? { url: parsed.url, instance: parsed.instance } : null;
  } catch {
    return null;
  }
}
