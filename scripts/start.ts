// `npm start`: build, then launch the desktop app in practice mode. Where the Electron binary cannot be
// fetched (no internet), say so in one sentence and point at the standalone server.
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { REPO_ROOT } from '../server/paths.ts';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const built = spawnSync(npm, ['run', 'build'], { cwd: REPO_ROOT, stdio: 'inherit' });
if (built.status !== 0) process.exit(built.status ?? 1);

let electronPath: string;
try {
  electronPath = createRequire(import.meta.url)('electron') as string;
} catch {
  process.stderr.write(
    'The Electron binary could not be downloaded on this machine, so the desktop app cannot open here; run `npm run server` and open http://127.0.0.1:3000 in a browser instead.\n',
  );
  process.exit(1);
}
const child = spawn(electronPath, [REPO_ROOT], { stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 0));
