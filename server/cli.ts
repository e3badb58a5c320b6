// `npm run server`: the standalone (hosted) server (server/cli-main.ts), run as its bundle dist/server-cli.mjs
// (server/cli-launch.ts), which is built on the first start and whenever the server's sources change.
import { launchCli } from './cli-launch.ts';

await launchCli({ source: 'server/cli-main.ts', bundle: 'dist/server-cli.mjs' });
await import('./cli-main.ts');
