// Bundles the Electron layer: main (ESM) and the sandboxed preload (CommonJS, as Electron requires).
// Native modules stay external: one N-API binary serves Node and Electron.
import { build } from 'esbuild';
import { join } from 'node:path';
import { REPO_ROOT } from '../server/paths.ts';

const external = ['electron', 'better-sqlite3', 'keytar'];

await build({
  entryPoints: [join(REPO_ROOT, 'main/main.ts')],
  outfile: join(REPO_ROOT, 'dist/main/main.js'),
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node22',
  external,
  logLevel: 'warning',
});
await build({
  entryPoints: [join(REPO_ROOT, 'preload/preload.ts')],
  outfile: join(REPO_ROOT, 'dist/preload/preload.cjs'),
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node22',
  external: ['electron'],
  logLevel: 'warning',
});
process.stdout.write('built dist/main/main.js and dist/preload/preload.cjs\n');
