import { startServer } from '../../server/start-server.ts';
import { silentLogger } from '../../server/logger.ts';
import type { RunningServer, ServerOptions } from '../../server/server-options.ts';
import { makeTempDir } from './temp-dir.ts';
import { testDatabaseUrl } from './test-database.ts';

export interface TestServer extends RunningServer {
  dataDir: string;
  /** The PostgreSQL database on the PostgreSQL test run (pass it with dataDir to restart on the same data). */
  databaseUrl: string | undefined;
  /** Closes the server and removes its data directory. */
  stop(): Promise<void>;
}

/**
 * A real server on 127.0.0.1 port 0 with a fresh data directory, and a fresh PostgreSQL database when the
 * suite runs on PostgreSQL (test/support/test-database.ts). Always `await s.stop()` in afterEach/afterAll.
 */
export async function startTestServer(options: Partial<ServerOptions> = {}): Promise<TestServer> {
  const dir = options.dataDir ? undefined : makeTempDir('syncode-server-');
  const dataDir = options.dataDir ?? dir!.path;
  const databaseUrl = options.databaseUrl ?? (options.dataDir ? undefined : await testDatabaseUrl());
  let server: RunningServer;
  try {
    server = await startServer({ port: 0, log: silentLogger, ...options, dataDir, ...(databaseUrl ? { databaseUrl } : {}) });
  } catch (error) {
    dir?.remove();
    throw error;
  }
  return {
    ...server,
    dataDir,
    databaseUrl,
    async stop() {
      await server.close();
      dir?.remove();
    },
  };
}
