// A server process with an exception nothing caught, or a rejection nothing handled, logs one JSON error line
// with the stack and exits 1 (server/fatal-errors.ts), instead of Node's report with the source line it was thrown
// on (a bundle line of up to 200k characters). Real Node processes with the real logger.
import { describe, expect, it } from 'vitest';
import { runNodeScript } from '../support/node-script.ts';

const PRELUDE = `
  import { createLogger } from './server/logger.ts';
  import { exitOnUncaughtErrors } from './server/fatal-errors.ts';
  exitOnUncaughtErrors(createLogger({ nodeId: 'fatal-test' }));
`;

describe('exitOnUncaughtErrors', () => {
  it.each([
    ['an exception nothing caught', "setTimeout(() => { throw new TypeError('boom from a timer'); }, 0);", 'uncaughtException', 'TypeError: boom from a timer'],
    ['a rejection nothing handled', "void Promise.reject(new RangeError('boom from a promise'));", 'unhandledRejection', 'RangeError: boom from a promise'],
  ])('%s: one JSON error line with the stack, exit 1', async (_case, fault, origin, first) => {
    const run = await runNodeScript(`${PRELUDE}\n${fault}\nsetTimeout(() => process.stdout.write('still running'), 2000);`);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    const lines = run.stderr.trim().split('\n');
    expect(lines, run.stderr).toHaveLength(1);
    const entry = JSON.parse(lines[0]!) as Record<string, string>;
    expect(entry).toMatchObject({ level: 'error', nodeId: 'fatal-test', msg: 'uncaught exception: the process stops', origin, error: first });
    expect(entry.stack!.startsWith(`${first}\n    at `)).toBe(true);
  });
});
