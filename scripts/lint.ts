// `npm run lint`: the layering rules of ARCHITECTURE.md and named exports only.
import { checkRepository } from './layering.ts';
import { REPO_ROOT } from '../server/paths.ts';

const violations = checkRepository(REPO_ROOT);
for (const v of violations) process.stderr.write(`${v.file}:${v.line}  ${v.message}\n`);
if (violations.length > 0) {
  process.stderr.write(`lint: ${violations.length} violation(s)\n`);
  process.exit(1);
}
process.stdout.write('lint: layering and exports OK\n');
