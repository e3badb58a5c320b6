// The bubblewrap command line for one execution. Nothing of the host is visible except what is listed here:
// /usr (and the merged-/usr symlinks), the dynamic-linker config, /etc/alternatives (compilers resolve `cc`
// through it), the toolchain paths of the language, the job's box dir and a fresh size-limited tmpfs at /tmp.
// Not /root, not the server's data dir, not /etc/shadow, not /sys. Inside, the program cannot create namespaces
// of its own (`--disable-userns`, plus the seccomp filter of ./seccomp-filter.ts on `seccompFd`).

import { existsSync, lstatSync, readlinkSync } from 'node:fs';

export const SANDBOX_BOX = '/box';
export const SANDBOX_WORK = '/tmp';

interface BwrapSpec {
  binds: readonly string[];
  boxDir: string;
  boxWritable: boolean;
  writeLimitBytes: number;
}

const ETC_FILES = ['/etc/ld.so.cache', '/etc/ld.so.conf', '/etc/ld.so.conf.d', '/etc/alternatives', '/etc/localtime'];
const ROOT_LINKS = ['/bin', '/sbin', '/lib', '/lib32', '/lib64', '/libx32'];

let baseArgs: string[] | undefined;

/** /usr read-only; /bin, /lib… as the same symlinks as on the host (merged /usr) or read-only binds. */
function systemBinds(): string[] {
  if (baseArgs) return baseArgs;
  const args = ['--ro-bind', '/usr', '/usr'];
  for (const path of ROOT_LINKS) {
    if (!existsSync(path)) continue;
    if (lstatSync(path).isSymbolicLink()) args.push('--symlink', readlinkSync(path), path);
    else args.push('--ro-bind', path, path);
  }
  for (const path of ETC_FILES) args.push('--ro-bind-try', path, path);
  baseArgs = args;
  return args;
}

/** Fresh namespaces of every kind, none creatable inside (the isolation probe asks bubblewrap for exactly these). */
export const NAMESPACE_ARGS: readonly string[] = ['--unshare-all', '--unshare-user', '--disable-userns', '--die-with-parent'];

export function buildBwrapArgs(spec: BwrapSpec, env: Record<string, string>, seccompFd: number): string[] {
  const args = [
    ...NAMESPACE_ARGS,
    '--seccomp',
    String(seccompFd),
    '--new-session',
    '--cap-drop',
    'ALL',
    '--uid',
    '1000',
    '--gid',
    '1000',
    '--hostname',
    'sandbox',
    ...systemBinds(),
    '--proc',
    '/proc',
    '--dev',
    '/dev',
    // The only writable place (cwd, HOME, TMPDIR): mounted before the toolchain binds so that a toolchain
    // installed under it stays visible.
    '--size',
    String(spec.writeLimitBytes),
    '--tmpfs',
    SANDBOX_WORK,
  ];
  for (const path of spec.binds) args.push('--ro-bind', path, path);
  args.push(spec.boxWritable ? '--bind' : '--ro-bind', spec.boxDir, SANDBOX_BOX);
  // bubblewrap's root is a writable tmpfs holding the mount points: freeze it so /tmp stays the only writable place.
  args.push('--remount-ro', '/', '--chdir', SANDBOX_WORK, '--clearenv');
  for (const [name, value] of Object.entries(env)) args.push('--setenv', name, value);
  return args;
}
