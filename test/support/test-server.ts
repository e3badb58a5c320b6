import { startServer } from '../../server/start-server.ts';
import { silentLogger } from '../../server/logger.ts';
import type { RunningServer, ServerOptions } from '../../server/server-options.ts';
import { makeTempDir } from './temp-dir.ts';

export interface TestServer extends RunningServer {
  dataDir: string;
  /** Closes the server and removes its data directory. */
  stop(): Promise<void>;
}

/** A real server on 127.0.0.1 port 0 with a fresh data directory. Always `await s.stop()` in afterEach/afterAll. */
export async function startTestServer(options: Partial<ServerOptions> = {}): Promise<TestServer> {
  const dir = options.dataDir ? undefined : makeTempDir('syncode-server-');
  const dataDir = options.dataDir ?? dir!.path;
  const server = await startServer({ port: 0, log: silentLogger, ...options, dataDir });
  return {
    ...server,
    dataDir,
    async stop() {
      await server.close();
      dir?.remove();
    },
  };
}
