import type { BuildOptions } from 'esbuild';

/** Every Node-side bundle (scripts/build-electron.ts): for Node 22+, one file with its dependencies. */
export const NODE_BUNDLE_OPTIONS = { bundle: true, platform: 'node', target: 'node22', logLevel: 'warning' } as const satisfies BuildOptions;

/** Left outside the bundles: Electron, and the N-API modules (one binary serves Node and Electron). */
export const NATIVE_EXTERNALS = ['electron', 'better-sqlite3', 'keytar'];

/**
 * How a server process is bundled: the embedded server's entry (scripts/build-electron.ts), the server CLIs
 * (server/cli-launch.ts) and the servers the benchmarks measure (bench/collab/server-bundle.ts), so a
 * benchmark measures what ships. ESM for Node with the N-API modules (and Electron) external; bundled
 * CommonJS dependencies get a `require`.
 *
 * Whitespace and comments are left out, and legal comments go to `<bundle>.LEGAL.txt` beside it: V8 keeps a
 * script's source text for the life of the process, at one byte per character only if all of it is ASCII,
 * and comments (ours and our dependencies') are where the non-ASCII characters are. A 4 MB bundle with one
 * em dash in a comment costs 8 MB of every server process's memory. Names are kept, so stack traces read.
 *
 * A source map (without the sources' text) goes to `<bundle>.map` beside it. Node reads it only when started with
 * `--enable-source-maps` (e.g. NODE_OPTIONS), and stack traces then name the TypeScript sources' lines instead of
 * the bundle's; that costs 22 MiB of RSS in the collab CLI, so it is not the default.
 */
export const SERVER_BUNDLE_OPTIONS = {
  ...NODE_BUNDLE_OPTIONS,
  format: 'esm',
  external: NATIVE_EXTERNALS,
  minifyWhitespace: true,
  legalComments: 'external',
  charset: 'ascii',
  sourcemap: 'linked',
  sourcesContent: false,
  banner: { js: "import { createRequire as __syncodeCreateRequire } from 'node:module'; const require = __syncodeCreateRequire(import.meta.url);" },
} as const satisfies BuildOptions;
