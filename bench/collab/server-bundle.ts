import { build } from 'esbuild';
import { basename, join } from 'node:path';
import { REPO_ROOT } from '../../server/paths.ts';
import { SERVER_BUNDLE_OPTIONS } from '../../scripts/server-bundle-options.ts';

/**
 * Bundles a server entry (relative to the repository) for the benchmarks as the desktop build bundles the
 * embedded server (SERVER_BUNDLE_OPTIONS), so a benchmark measures what ships rather than Node's type
 * stripping of a hundred source files (which alone adds tens of MiB of RSS). Every server a benchmark
 * compares is bundled this way. Resolves with the bundle's path.
 */
export async function bundleServer(entry: string): Promise<string> {
  const outfile = join(REPO_ROOT, 'dist', 'bench', `${basename(entry, '.ts')}.mjs`);
  await build({ ...SERVER_BUNDLE_OPTIONS, entryPoints: [join(REPO_ROOT, entry)], outfile });
  return outfile;
}

/** The standalone collab server (server/collab/cli.ts), bundled. */
export const bundleCollabServer = (): Promise<string> => bundleServer('server/collab/cli.ts');
