// The standalone (hosted) server behind `npm run server` (server/cli.ts). Maps flags/env to options, prints the
// ready line, and shuts down cleanly on SIGINT/SIGTERM. Exit codes: 0 after a clean shutdown, 2 for bad
// configuration (flags, environment, or a start refused for what the data directory holds), 1 for anything else.
import { hostname } from 'node:os';
import { CliHelp, optionsFromCli } from './cli-options.ts';
import { createLogger } from './logger.ts';
import { startServer } from './start-server.ts';
import { closeOnSignals } from './close-on-signals.ts';
import { exitOnUncaughtErrors } from './fatal-errors.ts';
import { releaseMemoryWhenIdle } from './idle-memory.ts';
import { exitOnStartFailure } from './config/startup-error.ts';
import type { WebClientState } from './http/static-files.ts';
import { DEFAULT_WEB_ROOT } from './paths.ts';
import { buildWebClientIfNeeded, type WebClientBuild } from './web-client-build.ts';

async function main(): Promise<void> {
  let options;
  const webBuildSetting = process.env.SYNCODE_WEB_BUILD ?? 'on';
  try {
    options = optionsFromCli(process.argv.slice(2), process.env);
    if (webBuildSetting !== 'on' && webBuildSetting !== 'off') throw new Error('SYNCODE_WEB_BUILD must be "on" or "off"');
  } catch (error) {
    if (error instanceof CliHelp) {
      process.stdout.write(`${error.message}\n`);
      process.exit(0);
    }
    process.stderr.write(`${(error as Error).message}\n`);
    process.exit(2);
  }
  // The build starts only once the server started (a refused start leaves no build behind), in the same turn,
  // so no request is answered before the server knows whether the web client is being built.
  let webBuild: WebClientBuild | null = null;
  const webClientState = (): WebClientState => webBuild?.state() ?? 'ready';
  // The same logger as startServer's default, made here so that shutdown is logged alike.
  const log = createLogger({ nodeId: options.nodeId ?? hostname(), level: options.logLevel });
  exitOnUncaughtErrors(log);
  const server = await startServer({ ...options, log, webClientState });
  const webRoot = options.webRoot === undefined ? DEFAULT_WEB_ROOT : options.webRoot;
  if (webRoot && webBuildSetting === 'on') {
    webBuild = buildWebClientIfNeeded(webRoot, (line) => process.stdout.write(`${line}\n`));
  }
  process.once('exit', () => webBuild?.stop());
  process.stdout.write(`SynCode server listening on ${server.url}\n`);
  closeOnSignals(server, log);
  releaseMemoryWhenIdle(log);
}

main().catch((error: unknown) => exitOnStartFailure('SynCode server', error));
