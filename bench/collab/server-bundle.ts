import { build } from 'esbuild';
import { basename, join } from 'node:path';
import { REPO_ROOT } from '../../server/paths.ts';
import { SERVER_BUNDLE_OPTIONS } from '../../server/bundle-options.ts';

/**
 * Bundles a server of the benchmark's own (relative to the repository; the reference relay) with the options
 * SynCode's CLIs are bundled with when they start (server/cli-launch.ts, SERVER_BUNDLE_OPTIONS), so both
 * sides of a comparison run as one bundled file rather than one through Node's type stripping (which alone
 * adds tens of MiB of RSS). Resolves with the bundle's path.
 */
export async function bundleServer(entry: string): Promise<string> {
  const outfile = join(REPO_ROOT, 'dist', 'bench', `${basename(entry, '.ts')}.mjs`);
  await build({ ...SERVER_BUNDLE_OPTIONS, entryPoints: [join(REPO_ROOT, entry)], outfile });
  return outfile;
}
