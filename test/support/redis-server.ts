// A private, throwaway Redis for tests and benchmarks: Debian's `redis-server` on a free port of 127.0.0.1,
// nothing saved to disk. Stop it with `stop()`.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { Redis } from 'ioredis';
import { onFreePort } from './free-port.ts';
import { pollUntil } from './poll.ts';

export interface RedisServer {
  /** redis://127.0.0.1:PORT */
  url: string;
  port: number;
  /** A client of this server (closed by stop()). */
  client(): Redis;
  stop(): Promise<void>;
}

export function redisServerInstalled(): boolean {
  return spawnSync('sh', ['-c', 'command -v redis-server'], { encoding: 'utf8' }).status === 0;
}

/** `port`: a given one (to start Redis again where a stopped one was), else a free one. */
export async function startRedisServer(port?: number): Promise<RedisServer> {
  if (!redisServerInstalled()) throw new Error('redis-server is not installed: apt-get install redis-server');
  return port === undefined ? onFreePort(launch) : launch(port);
}

/** redis-server on `port`, ready for commands; stopped again when it does not get there. */
async function launch(port: number): Promise<RedisServer> {
  const server: ChildProcess = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  // Redis logs to stdout, a bind failure included.
  for (const stream of [server.stdout!, server.stderr!]) stream.on('data', (chunk: Buffer) => (log = (log + chunk.toString()).slice(-4000)));
  const url = `redis://127.0.0.1:${port}`;
  const clients: Redis[] = [];
  const stop = async (): Promise<void> => {
    for (const c of clients.splice(0)) c.disconnect();
    if (server.exitCode === null && server.signalCode === null) {
      const exited = once(server, 'exit');
      server.kill('SIGTERM');
      await exited;
    }
  };
  try {
    await pollUntil(
      async () => {
        if (server.exitCode !== null) throw new Error(`redis-server exited: ${log}`);
        const probe = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
        probe.on('error', () => {});
        try {
          await probe.connect();
          return (await probe.ping()) === 'PONG';
        } catch {
          return false;
        } finally {
          probe.disconnect();
        }
      },
      Boolean,
      { timeoutMs: 10_000, intervalMs: 50, what: 'redis-server to accept connections' },
    );
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    url,
    port,
    client() {
      const c = new Redis(url);
      c.on('error', () => {});
      clients.push(c);
      return c;
    },
    stop,
  };
}
