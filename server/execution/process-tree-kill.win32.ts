// Windows has no process groups to signal: `taskkill /T /F` walks the parent-child tree from the execution's
// root process and terminates every process in it.

import { spawn } from 'node:child_process';

export function killProcessTreeWin32(pid: number): void {
  const taskkill = spawn('taskkill', ['/PID', String(pid), '/T', '/F'], { stdio: 'ignore', windowsHide: true });
  // The tree may already be gone (taskkill then exits non-zero); nothing else to do.
  taskkill.on('error', () => {});
}
