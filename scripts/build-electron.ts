// Bundles the Electron layer: main (ESM), the sandboxed preload (CommonJS, as Electron requires), the
// embedded server's entry that main forks in a utilityProcess, and the static-analysis runner. Native modules stay
// external: one N-API binary serves Node and Electron.
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { REPO_ROOT } from '../server/paths.ts';
import { NATIVE_EXTERNALS, NODE_BUNDLE_OPTIONS, SERVER_BUNDLE_OPTIONS } from '../server/bundle-options.ts';

await build({
  entryPoints: [join(REPO_ROOT, 'main/main.ts')],
  outfile: join(REPO_ROOT, 'dist/main/main.js'),
  ...NODE_BUNDLE_OPTIONS,
  format: 'esm',
  external: NATIVE_EXTERNALS,
});
await build({
  entryPoints: [join(REPO_ROOT, 'preload/preload.ts')],
  outfile: join(REPO_ROOT, 'dist/preload/preload.cjs'),
  ...NODE_BUNDLE_OPTIONS,
  format: 'cjs',
  external: ['electron'],
});
// dist/embedded-entry.js sits one level below the repository root on purpose: server modules resolve
// files relative to their own URL (server/version.ts reads `../package.json`), and from here that is the
// root package.json, in the repository and inside app.asar alike.
await build({
  ...SERVER_BUNDLE_OPTIONS,
  entryPoints: [join(REPO_ROOT, 'server/embedded/embedded-entry.ts')],
  outfile: join(REPO_ROOT, 'dist/embedded-entry.js'),
});
// The TypeScript/ESLint analysis runner runs as its own Node process inside the execution sandbox, which cannot
// read app.asar: one self-contained CommonJS file (TypeScript itself uses __filename) with TypeScript's lib files
// next to it, both unpacked from the archive (electron-builder.yml asarUnpack).
await build({
  entryPoints: [join(REPO_ROOT, 'server/execution/analysis/script-analysis-runner.ts')],
  outfile: join(REPO_ROOT, 'dist/analysis/script-analysis-runner.cjs'),
  ...NODE_BUNDLE_OPTIONS,
  format: 'cjs',
});
const typescriptLib = dirname(createRequire(import.meta.url).resolve('typescript'));
const libOut = join(REPO_ROOT, 'dist/analysis/typescript-lib');
mkdirSync(libOut, { recursive: true });
for (const file of readdirSync(typescriptLib).filter((f) => /^lib\..*\.d\.ts$/.test(f))) copyFileSync(join(typescriptLib, file), join(libOut, file));
process.stdout.write('built dist/main/main.js, dist/preload/preload.cjs, dist/embedded-entry.js and dist/analysis/\n');
