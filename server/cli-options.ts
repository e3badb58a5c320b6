import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import type { ServerOptions } from './server-options.ts';

/**
 * Maps flags and environment variables to ServerOptions (spec README, "Running the server").
 * Flags override environment variables. Throws with a readable message on bad input.
 */
export function optionsFromCli(argv: string[], env: NodeJS.ProcessEnv): ServerOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      host: { type: 'string' },
      port: { type: 'string' },
      'data-dir': { type: 'string' },
      mode: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help) throw new CliHelp();
  const portText = values.port ?? env.PORT ?? '3000';
  const port = Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`Invalid port: ${portText}`);
  const mode = values.mode ?? 'hosted';
  if (mode !== 'hosted' && mode !== 'embedded') throw new Error(`Invalid mode: ${mode} (hosted or embedded)`);
  const rateLimits = env.SYNCODE_RATE_LIMITS ?? 'on';
  if (rateLimits !== 'on' && rateLimits !== 'off') throw new Error('SYNCODE_RATE_LIMITS must be "on" or "off"');
  const options: ServerOptions = {
    host: values.host ?? env.HOST ?? '127.0.0.1',
    port,
    dataDir: resolve(values['data-dir'] ?? env.SYNCODE_DATA_DIR ?? './data'),
    mode,
    rateLimits: rateLimits === 'on',
  };
  if (env.SYNCODE_JWT_SECRET) options.jwtSecret = env.SYNCODE_JWT_SECRET;
  if (env.SYNCODE_INTERNAL_SECRET) options.internalSecret = env.SYNCODE_INTERNAL_SECRET;
  if (env.SYNCODE_ADMIN_EMAIL && env.SYNCODE_ADMIN_PASSWORD) {
    options.adminEmail = env.SYNCODE_ADMIN_EMAIL;
    options.adminPassword = env.SYNCODE_ADMIN_PASSWORD;
  }
  if (env.LIVEKIT_URL && env.LIVEKIT_API_KEY && env.LIVEKIT_API_SECRET) {
    options.livekit = { url: env.LIVEKIT_URL, apiKey: env.LIVEKIT_API_KEY, apiSecret: env.LIVEKIT_API_SECRET };
  }
  return options;
}

export class CliHelp extends Error {
  constructor() {
    super(`Usage: npm run server -- [--host 127.0.0.1] [--port 3000] [--data-dir ./data] [--mode hosted|embedded]
Environment: HOST, PORT, SYNCODE_DATA_DIR, SYNCODE_JWT_SECRET, SYNCODE_INTERNAL_SECRET,
  SYNCODE_ADMIN_EMAIL + SYNCODE_ADMIN_PASSWORD, SYNCODE_RATE_LIMITS (on|off),
  LIVEKIT_URL + LIVEKIT_API_KEY + LIVEKIT_API_SECRET. Flags override environment variables.`);
  }
}
