// `node server/collab/cli.ts`: the standalone collab process of a split deployment (server/collab/cli-main.ts
// has its options), run as its bundle dist/collab-cli.mjs (server/cli-launch.ts), which is built on the first
// start and whenever the server's sources change.
import { launchCli } from '../cli-launch.ts';

await launchCli({ source: 'server/collab/cli-main.ts', bundle: 'dist/collab-cli.mjs' });
await import('./cli-main.ts');
