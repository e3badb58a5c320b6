// `npm run bench`: runs every benchmark (bench/<name>.bench.ts) through its `bench:<name>` script, which
// may build first (bench:ui builds the renderer). Each prints its own table.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../server/paths.ts';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const names = readdirSync(join(REPO_ROOT, 'bench'))
  .filter((f) => f.endsWith('.bench.ts'))
  .map((f) => f.slice(0, -'.bench.ts'.length))
  .sort();
let failed = 0;
for (const name of names) {
  process.stdout.write(`\n## bench:${name}\n`);
  const r = spawnSync(npm, ['run', '--silent', `bench:${name}`], { cwd: REPO_ROOT, stdio: 'inherit' });
  if (r.status !== 0) failed++;
}
process.exit(failed === 0 ? 0 : 1);
