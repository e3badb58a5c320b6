// What a server process does with an exception nothing caught (or a rejection nothing handled): one `error` log
// line with its stack, then exit 1 for the supervisor to restart it. Node's own report would print the source
// line it was thrown on, and a server runs as its bundle, whose lines are up to 200k characters long.
import type { Logger } from './server-options.ts';
import { errorFields } from './error-fields.ts';

export function exitOnUncaughtErrors(log: Logger): void {
  process.on('uncaughtException', (error, origin) => {
    log.error('uncaught exception: the process stops', { origin, ...errorFields(error) });
    process.exit(1);
  });
}
