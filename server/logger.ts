import { hostname } from 'node:os';
import { pino } from 'pino';
import { currentRequest } from './http/request-scope.ts';
import type { Logger, LogLevel } from './server-options.ts';

/** SYNCODE_LOG_LEVEL's values, most verbose first. */
export const LOG_LEVELS: readonly LogLevel[] = ['debug', 'info', 'warn', 'error', 'silent'];

/**
 * One JSON line per entry on stderr (stdout carries only the ready line): `level` (its name), `time` (ISO
 * 8601), `nodeId`, `msg`, the entry's data, and `requestId` when logged while a request is handled (read from
 * the request scope, so no handler passes it along). Writes are synchronous, as stderr's were before: a line
 * logged just before the process exits is not lost.
 */
export function createLogger(options: { nodeId: string; level?: LogLevel }): Logger {
  const logger = pino(
    {
      level: options.level ?? 'info',
      base: { nodeId: options.nodeId },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      mixin: () => {
        const scope = currentRequest();
        return scope ? { requestId: scope.requestId } : {};
      },
    },
    pino.destination({ fd: 2, sync: true }),
  );
  return {
    info: (message, data) => logger.info(data ?? {}, message),
    warn: (message, data) => logger.warn(data ?? {}, message),
    error: (message, data) => logger.error(data ?? {}, message),
  };
}

/** For processes without a configured node id (the standalone collab process, the desktop's embedded server). */
export const consoleLogger: Logger = createLogger({ nodeId: hostname() });

/** For tests and benchmarks that want a quiet server. */
export const silentLogger: Logger = { info() {}, warn() {}, error() {} };
