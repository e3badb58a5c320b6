// `npm run dev`: the server on :3000 and Vite with HMR on :5173 (which proxies /v1 and /collab to it).
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { REPO_ROOT } from '../server/paths.ts';

const children: ChildProcess[] = [
  // Vite on :5173 serves the renderer here, so the server need not build its own copy of the web client.
  spawn(process.execPath, ['server/cli.ts', '--port', '3000', '--data-dir', join(REPO_ROOT, 'data')], {
    cwd: REPO_ROOT,
    env: { ...process.env, SYNCODE_WEB_BUILD: 'off' },
    stdio: 'inherit',
  }),
  spawn(process.execPath, [join(REPO_ROOT, 'node_modules/vite/bin/vite.js'), '--port', '5173'], {
    cwd: REPO_ROOT,
    stdio: 'inherit',
  }),
];
const stop = (): void => {
  for (const c of children) c.kill('SIGTERM');
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
for (const c of children) c.on('exit', stop);
