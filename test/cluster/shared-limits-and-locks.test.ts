import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../server/logger.ts';
import { AppError } from '../../server/protocol/index.ts';
import { OwnedKeys } from '../../server/cluster/owned-keys.ts';
import { connectRedis, type RedisConnection } from '../../server/cluster/redis-client.ts';
import { RedisAttemptWindow, RedisRateCounter } from '../../server/cluster/redis-rate-limits.ts';
import { RedisRoomLock } from '../../server/cluster/room-lock.ts';
import { startRedisServer, type RedisServer } from '../support/redis-server.ts';

describe('rate-limit counters and room locks shared through a real Redis', () => {
  let redis: RedisServer;
  const connections: RedisConnection[] = [];
  beforeAll(async () => {
    redis = await startRedisServer();
  });
  afterAll(async () => {
    for (const c of connections) await c.close();
    await redis.stop();
  });
  /** One server process's connection. */
  async function member(): Promise<RedisConnection> {
    const conn = await connectRedis(redis.url, silentLogger, 'test');
    connections.push(conn);
    return conn;
  }

  it('two processes count REST hits in one window: the limit holds across them, with the wait left in the window', async () => {
    const a = new RedisRateCounter(await member(), silentLogger);
    const b = new RedisRateCounter(await member(), silentLogger);
    const key = `auth.login|ip:${randomUUID()}`;
    const answers: (number | undefined)[] = [];
    for (let i = 0; i < 10; i++) answers.push(await (i % 2 ? a : b).hit(key, 10, 60_000));
    expect(answers.every((a) => a === undefined)).toBe(true);
    const retryAfter = await a.hit(key, 10, 60_000);
    expect(retryAfter).toBeGreaterThanOrEqual(59);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(await b.hit(key, 10, 60_000)).toBeGreaterThan(0);
    expect(await b.hit(`auth.login|ip:${randomUUID()}`, 10, 60_000)).toBeUndefined(); // another key, another count
  });

  it('a fixed window starts over once it has passed', async () => {
    const a = new RedisRateCounter(await member(), silentLogger);
    const key = `run|user:${randomUUID()}`;
    expect(await a.hit(key, 1, 200)).toBeUndefined();
    expect(await a.hit(key, 1, 200)).toBe(1);
    await redis.client().pexpire(`syncode:rate:${key}`, 1); // the window runs out
    await expect.poll(() => redis.client().exists(`syncode:rate:${key}`)).toBe(0);
    expect(await a.hit(key, 1, 200)).toBeUndefined();
  });

  it('connection attempts per user and room: 20 per minute across two processes, the 21st refused', async () => {
    const a = new RedisAttemptWindow(await member(), silentLogger, 20, 60_000);
    const b = new RedisAttemptWindow(await member(), silentLogger, 20, 60_000);
    const key = `${randomUUID()}:${randomUUID()}`;
    for (let i = 0; i < 20; i++) expect(await (i % 2 ? a : b).attempt(key)).toBe(true);
    expect(await a.attempt(key)).toBe(false);
    expect(await b.attempt(key)).toBe(false);
  });

  it('a rate counter lets requests through while Redis is unreachable', async () => {
    const conn = await member();
    const counter = new RedisRateCounter(conn, silentLogger);
    conn.redis.disconnect();
    expect(await counter.hit(`x|ip:${randomUUID()}`, 0, 60_000)).toBeUndefined();
  });

  it('room locks exclude each other across processes; each room has its own; a released lock is taken at once', async () => {
    const a = new RedisRoomLock(new OwnedKeys(await member()), silentLogger);
    const b = new RedisRoomLock(new OwnedKeys(await member()), silentLogger);
    const roomId = randomUUID();
    const trace: string[] = [];
    let inside = 0;
    let maxInside = 0;
    const section = (lock: RedisRoomLock, name: string) =>
      lock.run(roomId, async () => {
        inside++;
        maxInside = Math.max(maxInside, inside);
        trace.push(`${name} in`);
        await new Promise((r) => setTimeout(r, 30));
        trace.push(`${name} out`);
        inside--;
        return name;
      });
    await Promise.all([section(a, 'a1'), section(b, 'b1'), section(a, 'a2'), section(b, 'b2')]);
    expect(trace).toHaveLength(8);
    expect(maxInside).toBe(1);
    for (let i = 0; i < trace.length; i += 2) expect(trace[i + 1]).toBe(trace[i]!.replace(' in', ' out'));
    // Another room is not held up by this one's lock.
    let otherRan = false;
    await a.run(roomId, () => b.run(randomUUID(), async () => void (otherRan = true)));
    expect(otherRan).toBe(true);
    expect(await redis.client().exists(`syncode:room-lock:${roomId}`)).toBe(0);
  });

  it('a lock waited for too long, or with Redis unreachable, fails with 503 ROOM_COLLAB_UNAVAILABLE and runs nothing', async () => {
    const holder = new RedisRoomLock(new OwnedKeys(await member()), silentLogger);
    const impatient = new RedisRoomLock(new OwnedKeys(await member()), silentLogger, 100);
    const roomId = randomUUID();
    let ran = false;
    let release!: () => void;
    const held = holder.run(roomId, () => new Promise<void>((r) => (release = r)));
    await expect.poll(() => redis.client().exists(`syncode:room-lock:${roomId}`)).toBe(1);
    const error = await impatient.run(roomId, async () => void (ran = true)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('ROOM_COLLAB_UNAVAILABLE');
    release();
    await held;
    const conn = await member();
    const offline = new RedisRoomLock(new OwnedKeys(conn), silentLogger);
    conn.redis.disconnect();
    await expect(offline.run(roomId, async () => void (ran = true))).rejects.toMatchObject({ code: 'ROOM_COLLAB_UNAVAILABLE' });
    expect(ran).toBe(false);
  });
});
