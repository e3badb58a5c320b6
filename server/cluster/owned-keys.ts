// Keys that one holder owns for a while: taken with SET NX PX, kept alive only by their holder
// (compare-and-pexpire) and released only by their holder (compare-and-delete), so a holder whose key
// expired and was taken by another can neither extend nor delete the new holder's key. Room leases, room
// locks and node registrations are built on these three operations.
import { defineScript, type RedisConnection, type RedisScript } from './redis-client.ts';

const RENEW = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
return 0`;

const RELEASE = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0`;

/** Takes the key when free; returns its holder either way (the key's TTL is extended when the holder is us). */
const ACQUIRE = `local holder = redis.call('GET', KEYS[1])
if not holder then
  redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
  return ARGV[1]
end
if holder == ARGV[1] then redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
return holder`;

export class OwnedKeys {
  readonly #conn: RedisConnection;
  readonly #acquire: RedisScript;
  readonly #renew: RedisScript;
  readonly #release: RedisScript;

  constructor(conn: RedisConnection) {
    this.#conn = conn;
    this.#acquire = defineScript(conn.redis, 'syncodeOwnedAcquire', 1, ACQUIRE);
    this.#renew = defineScript(conn.redis, 'syncodeOwnedRenew', 1, RENEW);
    this.#release = defineScript(conn.redis, 'syncodeOwnedRelease', 1, RELEASE);
  }

  /** SET NX PX: true when `holder` now holds the key. */
  async tryTake(key: string, holder: string, ttlMs: number): Promise<boolean> {
    return (await this.#conn.redis.set(key, holder, 'PX', ttlMs, 'NX')) === 'OK';
  }

  /** Takes the key when free; resolves to whoever holds it afterwards (`holder` itself, or the current holder). */
  async acquire(key: string, holder: string, ttlMs: number): Promise<string> {
    return String(await this.#acquire([key], [holder, ttlMs]));
  }

  /** Extends the key's TTL; false when `holder` no longer holds it (expired, or taken by another). */
  async renew(key: string, holder: string, ttlMs: number): Promise<boolean> {
    return Number(await this.#renew([key], [holder, ttlMs])) === 1;
  }

  /** Deletes the key if `holder` still holds it; false otherwise. */
  async release(key: string, holder: string): Promise<boolean> {
    return Number(await this.#release([key], [holder])) === 1;
  }

  async holderOf(key: string): Promise<string | null> {
    return this.#conn.redis.get(key);
  }
}
