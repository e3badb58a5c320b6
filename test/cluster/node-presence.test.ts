import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../server/logger.ts';
import { NodePresence } from '../../server/cluster/node-presence.ts';
import { OwnedKeys } from '../../server/cluster/owned-keys.ts';
import { connectRedis, type RedisConnection } from '../../server/cluster/redis-client.ts';
import { startRedisServer, type RedisServer } from '../support/redis-server.ts';

describe('node presence on a real Redis', () => {
  let redis: RedisServer;
  const connections: RedisConnection[] = [];
  const presences: NodePresence[] = [];
  beforeAll(async () => {
    redis = await startRedisServer();
  });
  afterAll(async () => {
    for (const p of presences) await p.deregister();
    for (const c of connections) await c.close();
    await redis.stop();
  });

  async function presence(nodeId: string): Promise<NodePresence> {
    const conn = await connectRedis(redis.url, silentLogger, nodeId);
    connections.push(conn);
    const p = new NodePresence(conn, new OwnedKeys(conn), silentLogger);
    presences.push(p);
    return p;
  }

  it('a starting process counts as alive from its announcement, before it has a URL: a peer never takes its first jobs for a dead node’s', async () => {
    const peer = await presence('node-a');
    await peer.register('node-a', 'http://127.0.0.1:1');
    const starting = await presence('node-b');
    expect([...((await peer.liveNodes()) ?? [])]).toEqual(['node-a']);
    await starting.announce('node-b');
    expect(new Set(await peer.liveNodes())).toEqual(new Set(['node-a', 'node-b']));
    expect(await peer.urlOf('node-b')).toBeNull(); // not proxied to before it listens
    await starting.register('node-b', 'http://127.0.0.1:2');
    expect(await peer.urlOf('node-b')).toBe('http://127.0.0.1:2');
    await starting.deregister();
    expect([...((await peer.liveNodes()) ?? [])]).toEqual(['node-a']);
  });
});
