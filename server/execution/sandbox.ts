// Runs one untrusted command with the limits of §9.12. Two modes:
// - `isolated`: bubblewrap (fresh user/pid/net/ipc/uts/cgroup/mount namespaces, read-only toolchain binds, a
//   size-limited tmpfs as the only writable place) plus a per-execution cgroup when one is writable;
// - `limited`: no namespaces, only rlimits, a wall-clock kill, a clean environment and a temp dir.
// docs/sandbox.md explains what each limit is for and what `limited` gives up.

import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { cgroupRootName, createCgroupRoot, type ExecutionCgroup } from './cgroup.ts';
import { startMemorySampler, type MemorySampler } from './memory-sampler.ts';
import { OutputCollector } from './output.ts';
import { buildBwrapArgs, SANDBOX_BOX, SANDBOX_WORK } from './bwrap-args.ts';

export type SandboxMode = 'isolated' | 'limited';

/** Where the program sees its files: `/box` and `/work` inside bubblewrap, host temp dirs in limited mode. */
export interface SandboxPaths {
  /** The job's files (source, compiled artifacts). Read-only while tests run. */
  box: string;
  /** The writable scratch dir, also HOME and TMPDIR. */
  work: string;
}

export interface ExecutionSpec {
  command: (paths: SandboxPaths) => string[];
  env?: (paths: SandboxPaths) => Record<string, string>;
  /** Extra read-only host paths the toolchain needs. */
  binds: readonly string[];
  boxDir: string;
  boxWritable: boolean;
  stdin: string;
  wallTimeMs: number;
  /** Peak memory above this is MEMORY_LIMIT. */
  memoryLimitKb: number;
  /** The hard cap (cgroup) is the limit plus this slack for the sandbox's own helper processes. */
  memorySlackKb: number;
  /** RLIMIT_AS used only without a memory cgroup; null for runtimes that reserve huge address spaces. */
  addressSpaceKb: number | null;
  maxProcesses: number;
  /** Size of the writable scratch (tmpfs) and RLIMIT_FSIZE. */
  writeLimitBytes: number;
  /** Combined stdout+stderr cap; crossing it kills the program. */
  outputLimitBytes: number;
  /**
   * Open fd 3 as a pipe to the plane. Only trusted bootstrap code that runs before the program writes to it and
   * then closes it, so the program cannot forge what it says (used to report a syntax error from the same process).
   */
  controlChannel?: boolean;
}

export interface ExecutionOutcome {
  /** `null` when the program was killed by a signal (bubblewrap reports those as 128+n) or never exited. */
  exitCode: number | null;
  timedOut: boolean;
  outputExceeded: boolean;
  memoryExceeded: boolean;
  stdout: Buffer;
  stderr: Buffer;
  timeMs: number;
  memoryKb: number;
  /** What was written to the control channel (fd 3), at most a few bytes. */
  control: string;
}

export interface Sandbox {
  readonly mode: SandboxMode;
  /** `cgroup` when memory and process counts are enforced by a cgroup, `rlimit` otherwise. */
  readonly limits: 'cgroup' | 'rlimit';
  run(spec: ExecutionSpec): Promise<ExecutionOutcome>;
  /** Kills every running execution and removes the plane's cgroups. */
  close(): Promise<void>;
}

export interface SandboxOptions {
  /** `limited` forces limited mode (desktop platforms without namespaces, and tests). */
  mode: 'auto' | 'limited';
  bwrapPath: string;
  /** Host directory for per-execution scratch dirs in limited mode. */
  scratchRoot: string;
}

// The launcher: join the cgroups, set rlimits, then exec the sandbox. The CPU limit is a backstop for the wall
// clock: its soft limit sends SIGXCPU (reported as TIME_LIMIT), the hard one a second later SIGKILL. Values come as arguments,
// never spliced into the script. `ulimit -f` counts 512-byte blocks in POSIX shells (dash, bash --posix).
const LAUNCHER = `n=$1; shift
while [ "$n" -gt 0 ]; do echo $$ > "$1" || exit 126; n=$((n-1)); shift; done
ulimit -c 0; ulimit -S -t "$1"; ulimit -H -t $(($1 + 1)); ulimit -f "$2"; ulimit -n "$3" || exit 126
if [ "$4" != none ]; then ulimit -v "$4" || exit 126; fi
shift 4
exec "$@"`;

const OPEN_FILES = 256;
/** bubblewrap reports a child killed by signal n as exit status 128+n; SIGXCPU is 24 on Linux. */
const SIGXCPU_STATUS = 128 + 24;
const BASE_PATH = '/usr/local/bin:/usr/bin:/bin';

export async function createSandbox(options: SandboxOptions): Promise<Sandbox> {
  const isolated = options.mode === 'auto' && (await bwrapWorks(options.bwrapPath));
  // Forced limited mode stands for a platform without namespaces or cgroups, so it uses rlimits only.
  const cgroups =
    options.mode === 'auto' && process.platform === 'linux'
      ? await createCgroupRoot(cgroupRootName(randomUUID().slice(0, 8)))
      : null;
  const running = new Set<() => void>();
  let closed = false;

  const run = async (spec: ExecutionSpec): Promise<ExecutionOutcome> => {
    if (closed) throw new Error('sandbox closed');
    const scratch = isolated ? null : await mkdtemp(join(options.scratchRoot, 'work-'));
    const paths: SandboxPaths = isolated ? { box: SANDBOX_BOX, work: SANDBOX_WORK } : { box: spec.boxDir, work: scratch! };
    const env = { PATH: BASE_PATH, HOME: paths.work, TMPDIR: paths.work, LANG: 'C.UTF-8', ...spec.env?.(paths) };
    const cgroup = cgroups?.create(randomUUID(), {
      memoryBytes: (spec.memoryLimitKb + spec.memorySlackKb) * 1024,
      pids: spec.maxProcesses,
    });
    try {
      const inner = spec.command(paths);
      const argv = isolated ? [options.bwrapPath, ...buildBwrapArgs(spec, env), '--', ...inner] : inner;
      return await launch(spec, argv, isolated ? { PATH: BASE_PATH } : env, paths.work, cgroup, running, isolated);
    } finally {
      await cgroup?.destroy();
      if (scratch) await rm(scratch, { recursive: true, force: true });
    }
  };

  return {
    mode: isolated ? 'isolated' : 'limited',
    limits: cgroups ? 'cgroup' : 'rlimit',
    run,
    async close() {
      closed = true;
      for (const kill of running) kill();
      while (running.size > 0) await new Promise((r) => setTimeout(r, 5));
      cgroups?.close();
    },
  };
}

function launch(
  spec: ExecutionSpec,
  argv: string[],
  env: Record<string, string>,
  cwd: string,
  cgroup: ExecutionCgroup | undefined,
  running: Set<() => void>,
  isolated: boolean,
): Promise<ExecutionOutcome> {
  const cpuSeconds = Math.ceil(spec.wallTimeMs / 1000) + 1;
  const fileBlocks = Math.ceil(spec.writeLimitBytes / 512);
  const addressSpace = cgroup || spec.addressSpaceKb === null ? 'none' : String(spec.addressSpaceKb);
  const procsFiles = cgroup?.procsFiles ?? [];
  const args = ['-c', LAUNCHER, 'syncode-sandbox', String(procsFiles.length), ...procsFiles];
  args.push(String(cpuSeconds), String(fileBlocks), String(OPEN_FILES), addressSpace, ...argv);

  return new Promise((resolve, reject) => {
    const started = performance.now();
    // detached: its own process group, so limited mode can kill everything the program forked.
    const stdio = spec.controlChannel ? (['pipe', 'pipe', 'pipe', 'pipe'] as const) : (['pipe', 'pipe', 'pipe'] as const);
    const child = spawn('/bin/sh', args, { cwd, env, detached: true, stdio: [...stdio] });
    let control = '';
    child.stdio[3]?.on('data', (chunk: Buffer) => {
      if (control.length < 64) control += chunk.toString('utf8');
    });
    let timedOut = false;
    let sampledPeakKb = 0;
    const kill = (): void => {
      try {
        if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
      } catch {
        // The group is already gone.
      }
    };
    const output = new OutputCollector(spec.outputLimitBytes, kill);
    let sampler: MemorySampler | undefined;
    if (!cgroup && child.pid !== undefined) {
      sampler = startMemorySampler(child.pid, (peak) => {
        sampledPeakKb = peak;
        if (peak > spec.memoryLimitKb + spec.memorySlackKb) kill();
      });
    }
    const timer = setTimeout(() => {
      timedOut = true;
      kill();
    }, spec.wallTimeMs);
    running.add(kill);

    child.stdout.on('data', (chunk: Buffer) => output.push('stdout', chunk));
    child.stderr.on('data', (chunk: Buffer) => output.push('stderr', chunk));
    // A program that never reads its stdin closes the pipe early: that is not an error.
    child.stdin.on('error', () => {});
    child.stdin.end(spec.stdin);

    child.on('error', (error) => {
      clearTimeout(timer);
      running.delete(kill);
      void sampler?.stop();
      reject(error);
    });
    child.on('exit', (code, signal) => {
      const timeMs = Math.round(performance.now() - started);
      clearTimeout(timer);
      // Whatever the program left behind in its process group dies with it.
      kill();
      void (async () => {
        const peakKb = sampler ? Math.max(sampledPeakKb, await sampler.stop()) : (cgroup?.peakKb() ?? 0);
        const oom = cgroup?.oomKilled() ?? false;
        await streamsClosed(...[child.stdout, child.stderr, child.stdio[3]].filter((x) => x !== undefined && x !== null));
        running.delete(kill);
        resolve({
          exitCode: signal !== null || code === null || (isolated && code > 128) ? null : code,
          timedOut: timedOut || timeMs > spec.wallTimeMs || signal === 'SIGXCPU' || (isolated && code === SIGXCPU_STATUS),
          outputExceeded: output.overflowed,
          // With a cgroup only the OOM kill counts: its peak also includes reclaimable page cache, which the
          // kernel drops before it kills, so the peak alone would flag programs that merely read big files.
          memoryExceeded: cgroup ? oom : peakKb > spec.memoryLimitKb,
          stdout: output.stdout(),
          stderr: output.stderr(),
          timeMs,
          memoryKb: peakKb,
          control,
        });
      })().catch((error: unknown) => {
        running.delete(kill);
        reject(error instanceof Error ? error : new Error(String(error)));
      });
    });
  });
}

/** Waits for the pipes to drain, but not for a stray process that kept them open (it has been killed). */
async function streamsClosed(...streams: (NodeJS.ReadableStream | NodeJS.WritableStream)[]): Promise<void> {
  await Promise.race([
    Promise.all(streams.map((s) => new Promise<void>((r) => (s as NodeJS.ReadableStream & { closed: boolean }).closed ? r() : s.once('close', () => r())))),
    new Promise<void>((r) => setTimeout(r, 500).unref()),
  ]);
  for (const s of streams) (s as unknown as { destroy(): void }).destroy();
}

async function bwrapWorks(bwrapPath: string): Promise<boolean> {
  return new Promise((resolve) => {
    const child = spawn(bwrapPath, ['--unshare-all', '--die-with-parent', '--ro-bind', '/', '/', 'true'], {
      stdio: 'ignore',
      env: { PATH: BASE_PATH },
    });
    child.on('error', () => resolve(false));
    child.on('exit', (code) => resolve(code === 0));
  });
}
