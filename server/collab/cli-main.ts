// The standalone collab process of a split deployment (entry: server/collab/cli.ts):
//   node server/collab/cli.ts [--host 127.0.0.1] [--port 3001] [--data-dir ./data]
// Environment: SYNCODE_JWT_SECRET, SYNCODE_INTERNAL_SECRET (generated in the data dir when absent),
// SYNCODE_CONTROL_URL (the control plane's internal base URL for callbacks), SYNCODE_RATE_LIMITS (on|off),
// SYNCODE_DATABASE_URL (a postgres:// URL: the documents and their log in PostgreSQL instead of collab.sqlite).
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parsePort } from '../cli-options.ts';
import { loadOrCreateSecret, requireStrongSecret } from '../config/secrets.ts';
import { secureDataDir } from '../config/data-dir.ts';
import { exitOnStartFailure } from '../config/startup-error.ts';
import { consoleLogger } from '../logger.ts';
import { closeOnSignals } from '../close-on-signals.ts';
import { exitOnUncaughtErrors } from '../fatal-errors.ts';
import { releaseMemoryWhenIdle } from '../idle-memory.ts';
import { DOCUMENT_IDLE_TTL_MS, SNAPSHOT_INTERVAL_MS } from '../protocol/index.ts';
import { acknowledgingCallbacks } from './acknowledging-callbacks.ts';
import { startCollabServer, type RunningCollabServer } from './collab-server.ts';

const USAGE = `Usage: node server/collab/cli.ts [--host 127.0.0.1] [--port 3001] [--data-dir ./data]
  [--snapshot-interval-ms ${SNAPSHOT_INTERVAL_MS}] [--idle-ttl-ms ${DOCUMENT_IDLE_TTL_MS}]
The collab process of a split deployment: the /collab WebSocket and the internal API the server calls.
Environment: HOST, PORT, SYNCODE_DATA_DIR,
  SYNCODE_JWT_SECRET, SYNCODE_INTERNAL_SECRET (the server's own; generated in the data directory when absent),
  SYNCODE_CONTROL_URL (the server's internal base URL for callbacks), SYNCODE_RATE_LIMITS (on|off),
  SYNCODE_DATABASE_URL (postgres://... : the documents and their log in PostgreSQL instead of collab.sqlite).
  Flags override environment variables.
`;

const env = process.env;
let values: ReturnType<typeof parseCollabArgs>;
let port: number;
let snapshotIntervalMs: number | undefined;
let documentIdleTtlMs: number | undefined;
try {
  values = parseCollabArgs();
  if (values.help) {
    process.stdout.write(USAGE);
    process.exit(0);
  }
  port = parsePort(values.port ?? env.PORT ?? '3001');
  snapshotIntervalMs = optionalMs('snapshot-interval-ms', values['snapshot-interval-ms']);
  documentIdleTtlMs = optionalMs('idle-ttl-ms', values['idle-ttl-ms']);
  requireStrongSecret('SYNCODE_JWT_SECRET', env.SYNCODE_JWT_SECRET);
  requireStrongSecret('SYNCODE_INTERNAL_SECRET', env.SYNCODE_INTERNAL_SECRET);
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exit(2);
}
const dataDir = resolve(values['data-dir'] ?? env.SYNCODE_DATA_DIR ?? './data');
const controlUrl = env.SYNCODE_CONTROL_URL;
if (!controlUrl) consoleLogger.warn('SYNCODE_CONTROL_URL is not set: callbacks are only acknowledged, not delivered');

exitOnUncaughtErrors(consoleLogger);
let server: RunningCollabServer;
try {
  secureDataDir(dataDir, consoleLogger);
  server = await startCollabServer({
    host: values.host ?? env.HOST ?? '127.0.0.1',
    port,
    dataDir,
    ...(env.SYNCODE_DATABASE_URL ? { databaseUrl: env.SYNCODE_DATABASE_URL } : {}),
    jwtSecret: loadOrCreateSecret(dataDir, 'jwt-secret', env.SYNCODE_JWT_SECRET),
    internalSecret: loadOrCreateSecret(dataDir, 'internal-secret', env.SYNCODE_INTERNAL_SECRET),
    callbacks: controlUrl ? { baseUrl: controlUrl } : acknowledgingCallbacks,
    rateLimits: (env.SYNCODE_RATE_LIMITS ?? 'on') !== 'off',
    snapshotIntervalMs,
    documentIdleTtlMs,
    log: consoleLogger,
  });
} catch (error) {
  exitOnStartFailure('SynCode collab', error);
}
process.stdout.write(`SynCode collab listening on ${server.url}\n`);
closeOnSignals(server, consoleLogger);
releaseMemoryWhenIdle(consoleLogger);

function parseCollabArgs() {
  return parseArgs({
    options: {
      host: { type: 'string' },
      port: { type: 'string' },
      'data-dir': { type: 'string' },
      'snapshot-interval-ms': { type: 'string' },
      'idle-ttl-ms': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  }).values;
}

function optionalMs(name: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const ms = Number(text);
  if (!Number.isInteger(ms) || ms <= 0) throw new Error(`Invalid --${name}: ${text} (a positive number of milliseconds)`);
  return ms;
}
