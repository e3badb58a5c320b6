import { serverMallocEnv } from './protocol/malloc-arenas.ts';

/**
 * For the server CLIs, before anything else runs: when this process lacks the malloc arena limit
 * (server/protocol/malloc-arenas.ts), replaces it with the same command (same pid, stdio, flags and
 * arguments) with the limit set; glibc reads it only at exec. Nothing happens off Linux, when the variable is
 * already set, or in a process with an IPC channel to its parent (a channel does not survive an exec).
 */
export function limitMallocArenas(): void {
  const env = serverMallocEnv(process.env, process.platform);
  if (!env || process.channel || !process.execve) return;
  process.execve(process.execPath, [process.execPath, ...process.execArgv, ...process.argv.slice(1)], env);
}
