// Bundles the Electron layer: main (ESM), the sandboxed preload (CommonJS, as Electron requires) and the
// embedded server's entry that main forks in a utilityProcess. Native modules stay external: one N-API
// binary serves Node and Electron.
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
// dist/embedded-entry.js sits one level below the repository root on purpose: server modules resolve
// files relative to their own URL (server/version.ts reads `../package.json`), and from here that is the
// root package.json, in the repository and inside app.asar alike.
await build({
  entryPoints: [join(REPO_ROOT, 'server/embedded/embedded-entry.ts')],
  outfile: join(REPO_ROOT, 'dist/embedded-entry.js'),
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node22',
  external,
  // Bundled CommonJS dependencies may call require(): give the ESM bundle one.
  banner: { js: "import { createRequire as __syncodeCreateRequire } from 'node:module'; const require = __syncodeCreateRequire(import.meta.url);" },
  logLevel: 'warning',
});
process.stdout.write('built dist/main/main.js, dist/preload/preload.cjs and dist/embedded-entry.js\n');
