import type { Logger } from './server-options.ts';

/** One JSON line per entry on stderr (stdout carries only the ready line). */
export const consoleLogger: Logger = {
  info: (message, data) => write('info', message, data),
  warn: (message, data) => write('warn', message, data),
  error: (message, data) => write('error', message, data),
};

/** For tests and benchmarks that want a quiet server. */
export const silentLogger: Logger = { info() {}, warn() {}, error() {} };

function write(level: string, message: string, data?: Record<string, unknown>): void {
  process.stderr.write(JSON.stringify({ at: new Date().toISOString(), level, message, ...data }) + '\n');
}
