/**
 * The server refuses to start because of its configuration or data (a taken admin email, a too-short
 * secret): the CLI prints the message and exits with code 2, the code for bad configuration.
 */
export class StartupError extends Error {
  override name = 'StartupError';
}
