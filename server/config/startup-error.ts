/**
 * The server refuses to start because of its configuration or data (a taken admin email, a too-short secret, an
 * address it cannot listen on): the CLI prints the message and exits with code 2, the code for bad configuration.
 */
export class StartupError extends Error {
  override name = 'StartupError';
}

/**
 * Ends a CLI whose server did not start, with one line on stderr: `<program> refused to start: …` and exit code 2
 * for a StartupError, `<program> failed to start: …` and 1 for anything else.
 */
export function exitOnStartFailure(program: string, error: unknown): never {
  const refused = error instanceof StartupError;
  process.stderr.write(`${program} ${refused ? 'refused' : 'failed'} to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(refused ? 2 : 1);
}
