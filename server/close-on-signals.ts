// SIGINT/SIGTERM for the server and collab CLIs: stop accepting, close sockets with 1001, flush the stores,
// exit 0; exit 1 when closing fails or takes longer than the deadline.
import type { Logger } from './server-options.ts';
import { errorFields } from './error-fields.ts';

export const SHUTDOWN_DEADLINE_MS = 10_000;

export function closeOnSignals(server: { close(): Promise<void> }, log: Logger, deadlineMs = SHUTDOWN_DEADLINE_MS): void {
  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    log.info('shutting down', { signal });
    setTimeout(() => process.exit(1), deadlineMs).unref();
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        log.error('shutdown failed', errorFields(error));
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}
