import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../server/logger.ts';
import { OwnedKeys } from '../../server/cluster/owned-keys.ts';
import { connectRedis, type RedisConnection } from '../../server/cluster/redis-client.ts';
import { roomLeaseKey, RoomLeases, type LeasedRooms } from '../../server/cluster/room-leases.ts';
import { pollUntil } from '../support/poll.ts';
import { startRedisServer, type RedisServer } from '../support/redis-server.ts';

/** The collab plane's side of the leases: which rooms are loaded, and which were reported taken or lost. */
class LoadedRooms implements LeasedRooms {
  readonly loaded = new Set<string>();
  readonly lostRooms: string[] = [];
  readonly acquiredRooms: string[] = [];
  isLoaded(roomId: string): boolean {
    return this.loaded.has(roomId);
  }
  lost(roomId: string): void {
    this.loaded.delete(roomId);
    this.lostRooms.push(roomId);
  }
  acquired(roomId: string): void {
    this.acquiredRooms.push(roomId);
  }
}

describe('room leases on a real Redis', () => {
  let redis: RedisServer;
  const connections: RedisConnection[] = [];
  const leases: RoomLeases[] = [];
  beforeAll(async () => {
    redis = await startRedisServer();
  });
  afterAll(async () => {
    for (const l of leases) l.stop();
    for (const c of connections) await c.close();
    await redis.stop();
  });

  /** One process's leases; `ttlMs` short so that expiry can be waited for. */
  async function node(nodeId: string, timings = { ttlMs: 400, renewMs: 60_000, graceMs: 60_000 }): Promise<{ leases: RoomLeases; rooms: LoadedRooms }> {
    const conn = await connectRedis(redis.url, silentLogger, nodeId);
    connections.push(conn);
    const rooms = new LoadedRooms();
    const l = new RoomLeases(new OwnedKeys(conn), nodeId, silentLogger, timings);
    l.start(rooms);
    leases.push(l);
    return { leases: l, rooms };
  }

  it('the first to ask takes the lease; the other learns the owner; renewal keeps it past its TTL', async () => {
    const a = await node('node-a');
    const b = await node('node-b');
    const roomId = randomUUID();
    expect(await a.leases.acquire(roomId)).toBe('node-a');
    a.rooms.loaded.add(roomId);
    expect(a.leases.holds(roomId)).toBe(true);
    expect(await b.leases.acquire(roomId)).toBe('node-a');
    expect(b.leases.holds(roomId)).toBe(false);
    // Taking it is reported once (stale state from an earlier ownership goes then), holding it again is not.
    expect(await a.leases.acquire(roomId)).toBe('node-a');
    expect(a.rooms.acquiredRooms).toEqual([roomId]);
    expect(b.rooms.acquiredRooms).toEqual([]);
    const ttl = await redis.client().pttl(roomLeaseKey(roomId));
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(400);
    // Renewed while the TTL would have run out twice over.
    const until = Date.now() + 1000;
    while (Date.now() < until) {
      await a.leases.renewAll();
      expect(await b.leases.ownerOf(roomId)).toBe('node-a');
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(a.rooms.lostRooms).toEqual([]);
  });

  it('an owner that stops renewing loses the lease at its TTL; another takes it; the old owner learns it lost it and cannot release it', async () => {
    const a = await node('node-c');
    const b = await node('node-d');
    const roomId = randomUUID();
    await a.leases.acquire(roomId);
    a.rooms.loaded.add(roomId);
    await pollUntil(() => b.leases.ownerOf(roomId), (owner) => owner === null, { timeoutMs: 5000, what: 'the lease to expire' });
    expect(await b.leases.acquire(roomId)).toBe('node-d');
    await a.leases.renewAll();
    expect(a.rooms.lostRooms).toEqual([roomId]);
    expect(a.leases.holds(roomId)).toBe(false);
    await a.leases.releaseAll();
    expect(await b.leases.ownerOf(roomId)).toBe('node-d');
  });

  it('releases only its own leases, and a lease whose room is not loaded once the grace period is over', async () => {
    const a = await node('node-e', { ttlMs: 10_000, renewMs: 60_000, graceMs: 0 });
    const b = await node('node-f', { ttlMs: 10_000, renewMs: 60_000, graceMs: 0 });
    const kept = randomUUID();
    const unused = randomUUID();
    const other = randomUUID();
    await a.leases.acquire(kept);
    a.rooms.loaded.add(kept);
    await a.leases.acquire(unused);
    await b.leases.acquire(other);
    await a.leases.renewAll();
    expect(await a.leases.ownerOf(kept)).toBe('node-e');
    expect(await a.leases.ownerOf(unused)).toBeNull();
    await a.leases.releaseAll();
    expect(await a.leases.ownerOf(kept)).toBeNull();
    expect(await a.leases.ownerOf(other)).toBe('node-f');
  });

  it('a restarted process with the same node id takes its previous run\'s leases back', async () => {
    const first = await node('node-g', { ttlMs: 10_000, renewMs: 60_000, graceMs: 60_000 });
    const roomId = randomUUID();
    await first.leases.acquire(roomId);
    first.leases.stop();
    const second = await node('node-g', { ttlMs: 10_000, renewMs: 60_000, graceMs: 60_000 });
    expect(await second.leases.acquire(roomId)).toBe('node-g');
    expect(second.leases.holds(roomId)).toBe(true);
  });
});
