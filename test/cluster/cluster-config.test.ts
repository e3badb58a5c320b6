import { hostname } from 'node:os';
import { describe, expect, it } from 'vitest';
import { optionsFromCli } from '../../server/cli-options.ts';
import { defaultInternalUrl } from '../../server/cluster/index.ts';
import { defaultNodeId } from '../../server/config/node-id.ts';
import { closeActionFor, CloseCode } from '../../server/protocol/index.ts';

const DATA = ['--data-dir', '/tmp/syncode-cluster-options'];
const SECRETS = { SYNCODE_JWT_SECRET: 'j'.repeat(40), SYNCODE_INTERNAL_SECRET: 'i'.repeat(40) };
const CLUSTER = { ...SECRETS, SYNCODE_DATABASE_URL: 'postgres://db.example/syncode', SYNCODE_REDIS_URL: 'redis://redis.example:6379' };

describe('configuring a cluster member', () => {
  it('takes Redis with PostgreSQL and both secrets, and an internal URL', () => {
    const options = optionsFromCli(DATA, { ...CLUSTER, SYNCODE_NODE_ID: 'eu-1', SYNCODE_INTERNAL_URL: 'http://10.0.0.5:3000/' });
    expect(options).toMatchObject({ redisUrl: CLUSTER.SYNCODE_REDIS_URL, databaseUrl: CLUSTER.SYNCODE_DATABASE_URL, nodeId: 'eu-1', internalUrl: 'http://10.0.0.5:3000' });
  });

  it('refuses what would let the processes disagree', () => {
    const cases: [Record<string, string>, string][] = [
      [{ ...SECRETS, SYNCODE_REDIS_URL: 'redis://r:6379' }, 'SYNCODE_REDIS_URL needs SYNCODE_DATABASE_URL'],
      [{ SYNCODE_DATABASE_URL: 'postgres://db/x', SYNCODE_REDIS_URL: 'redis://r:6379' }, 'needs SYNCODE_JWT_SECRET and SYNCODE_INTERNAL_SECRET'],
      [{ ...CLUSTER, SYNCODE_COLLAB_URL: 'http://collab:4000' }, 'cannot be combined with SYNCODE_COLLAB_URL'],
      [{ ...SECRETS, SYNCODE_INTERNAL_URL: 'http://10.0.0.5:3000' }, 'SYNCODE_INTERNAL_URL needs SYNCODE_REDIS_URL'],
      [{ ...CLUSTER, SYNCODE_INTERNAL_URL: 'http://10.0.0.5:3000/app' }, 'SYNCODE_INTERNAL_URL must be an origin'],
      [{ ...CLUSTER, SYNCODE_INTERNAL_URL: 'ws://10.0.0.5:3000' }, 'SYNCODE_INTERNAL_URL must be a http: or https: URL'],
    ];
    for (const [env, message] of cases) expect(() => optionsFromCli(DATA, env), message).toThrow(message);
  });

  it('names a process by host name and port (the process id for port 0), and gives peers a reachable address for a wildcard bind', () => {
    expect(defaultNodeId(3000)).toBe(`${hostname()}-3000`);
    expect(defaultNodeId(0)).toBe(`${hostname()}-pid${process.pid}`);
    expect(defaultInternalUrl('http://127.0.0.1:41234')).toBe('http://127.0.0.1:41234');
    expect(defaultInternalUrl('http://0.0.0.0:3000')).toBe(`http://${hostname()}:3000`);
    expect(defaultInternalUrl('http://[::]:3000')).toBe(`http://${hostname()}:3000`);
  });

  it('tells product clients to reconnect at once after 1012 and soon after 1013', () => {
    expect(closeActionFor(CloseCode.SERVICE_RESTART.code)).toBe('reconnect-now');
    expect(closeActionFor(CloseCode.TRY_AGAIN_LATER.code)).toBe('reconnect-soon');
    expect(closeActionFor(CloseCode.GOING_AWAY.code)).toBe('reconnect-backoff');
  });
});
