// How one execution's command is started. The command is always an argv array, never a shell string.
// - Where a POSIX shell exists (Linux, macOS), a fixed /bin/sh shim runs first: it joins the execution's cgroups,
//   sets the rlimits and `exec`s the argv, which it receives as "$@" and never parses.
// - Elsewhere (Windows), the argv is spawned directly: no rlimits; the wall clock, the output cap, memory sampling
//   and the process-tree kill still apply.

import { existsSync } from 'node:fs';

export interface LaunchLimits {
  cpuSeconds: number;
  writeLimitBytes: number;
  openFiles: number;
  /** RLIMIT_AS in KiB, or null for none. */
  addressSpaceKb: number | null;
  /** `cgroup.procs` files to join before exec. */
  procsFiles: readonly string[];
}

const POSIX_SHELL = '/bin/sh';

// The CPU limit is a backstop for the wall clock: its soft limit sends SIGXCPU (reported as TIME_LIMIT), the hard
// one a second later SIGKILL. Values come as arguments, never spliced into the script. `ulimit -f` counts 512-byte
// blocks in POSIX shells (dash, bash --posix).
const SHIM = `n=$1; shift
while [ "$n" -gt 0 ]; do echo $$ > "$1" || exit 126; n=$((n-1)); shift; done
ulimit -c 0; ulimit -S -t "$1"; ulimit -H -t $(($1 + 1)); ulimit -f "$2"; ulimit -n "$3" || exit 126
if [ "$4" != none ]; then ulimit -v "$4" || exit 126; fi
shift 4
exec "$@"`;

let shellPresent: boolean | undefined;

/** Whether rlimits (and cgroup joining) are available: they need the POSIX shim. */
export function canSetRlimits(): boolean {
  shellPresent ??= process.platform !== 'win32' && existsSync(POSIX_SHELL);
  return shellPresent;
}

export function launchCommand(argv: readonly string[], limits: LaunchLimits): { file: string; args: string[] } {
  if (!canSetRlimits()) {
    if (limits.procsFiles.length > 0) throw new Error('cgroups need the POSIX launcher');
    return { file: argv[0]!, args: argv.slice(1) };
  }
  const fileBlocks = Math.ceil(limits.writeLimitBytes / 512);
  const addressSpace = limits.addressSpaceKb === null ? 'none' : String(limits.addressSpaceKb);
  return {
    file: POSIX_SHELL,
    args: ['-c', SHIM, 'syncode-sandbox', String(limits.procsFiles.length), ...limits.procsFiles,
      String(limits.cpuSeconds), String(fileBlocks), String(limits.openFiles), addressSpace, ...argv],
  };
}
