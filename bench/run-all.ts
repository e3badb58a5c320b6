// `npm run bench`: runs every benchmark script (bench/*.bench.ts) in turn; each prints its own table.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../server/paths.ts';

const dir = join(REPO_ROOT, 'bench');
const benches = readdirSync(dir).filter((f) => f.endsWith('.bench.ts')).sort();
if (benches.length === 0) process.stdout.write('No benchmarks yet.\n');
let failed = 0;
for (const file of benches) {
  process.stdout.write(`\n## ${file}\n`);
  const r = spawnSync(process.execPath, [join(dir, file)], { cwd: REPO_ROOT, stdio: 'inherit' });
  if (r.status !== 0) failed++;
}
process.exit(failed === 0 ? 0 : 1);
