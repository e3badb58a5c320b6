// Kills an execution's whole process tree, not only its root process: limited mode has no PID namespace whose
// end would take the program's children along.

import { killProcessTreePosix } from './process-tree-kill.posix.ts';
import { killProcessTreeWin32 } from './process-tree-kill.win32.ts';

/** Whether executions must be spawned `detached` (their own process group) for `killProcessTree` to reach them. */
export const SPAWN_DETACHED = process.platform !== 'win32';

export function killProcessTree(pid: number): void {
  if (process.platform === 'win32') killProcessTreeWin32(pid);
  else killProcessTreePosix(pid);
}
