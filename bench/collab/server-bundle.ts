import { build } from 'esbuild';
import { join } from 'node:path';
import { REPO_ROOT } from '../../server/paths.ts';

/**
 * Bundles the standalone collab server the way the desktop build bundles the embedded server (esbuild,
 * ESM, native modules external), so the benchmark measures what ships rather than Node's type stripping
 * of a hundred source files (which alone adds tens of MiB of RSS).
 */
export async function bundleCollabServer(): Promise<string> {
  const outfile = join(REPO_ROOT, 'dist', 'bench', 'collab-cli.mjs');
  await build({
    entryPoints: [join(REPO_ROOT, 'server/collab/cli.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    external: ['better-sqlite3'],
    banner: { js: "import { createRequire as __syncodeCreateRequire } from 'node:module'; const require = __syncodeCreateRequire(import.meta.url);" },
    logLevel: 'warning',
  });
  return outfile;
}
