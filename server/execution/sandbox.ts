// Runs one untrusted command under the per-execution limits (problem time and memory, 64 processes/threads,
// 16 MiB written, 1 MiB output). Two modes:
// - `isolated`: bubblewrap (fresh user/pid/net/ipc/uts/cgroup/mount namespaces, none creatable inside, a seccomp
//   filter, read-only toolchain binds, a size-limited tmpfs as the only writable place) plus a per-execution
//   cgroup when one is writable;
// - `limited`: no namespaces, only rlimits (where a POSIX shell can set them), a wall-clock kill, a clean
//   environment, a temp dir and a kill of the whole process tree.
// docs/sandbox.md explains what each limit is for and what `limited` gives up.

import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { closeSync, openSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { cgroupRootName, createCgroupRoot, type ExecutionCgroup } from './cgroup.ts';
import { canSetRlimits, launchCommand } from './launcher.ts';
import { startMemorySampler, type MemorySampler } from './memory-sampler.ts';
import { OutputCollector } from './output.ts';
import { buildBwrapArgs, SANDBOX_BOX, SANDBOX_WORK } from './bwrap-args.ts';
import { killProcessTree, SPAWN_DETACHED } from './process-tree-kill.ts';
import { buildSeccompFilter } from './seccomp-filter.ts';

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
  /** Whether each execution is held to one CPU core (a writable `cpu` cgroup). */
  readonly cpuLimited: boolean;
  run(spec: ExecutionSpec): Promise<ExecutionOutcome>;
  /** Kills every running execution and removes the plane's cgroups. */
  close(): Promise<void>;
}

export interface SandboxOptions {
  /** Decided by the plane: `isolated` only after probeIsolation() succeeded. */
  mode: SandboxMode;
  /** Per-execution cgroups when the host lets us create them (false: rlimits only, as on desktops). */
  cgroups: boolean;
  bwrapPath: string;
  /** Host directory for per-execution scratch dirs in limited mode, and for the seccomp filter. */
  scratchRoot: string;
}

const OPEN_FILES = 256;
/** bubblewrap reports a child killed by signal n as exit status 128+n; SIGXCPU is 24 on Linux. */
const SIGXCPU_STATUS = 128 + 24;
const BASE_PATH = '/usr/local/bin:/usr/bin:/bin';
/** The fd number bubblewrap reads the seccomp filter from (fd 3 is the optional control channel). */
const SECCOMP_FD = 4;

export async function createSandbox(options: SandboxOptions): Promise<Sandbox> {
  const isolated = options.mode === 'isolated';
  const cgroups = options.cgroups && process.platform === 'linux' && canSetRlimits()
    ? await createCgroupRoot(cgroupRootName(randomUUID().slice(0, 8)))
    : null;
  const seccompFile = join(options.scratchRoot, 'seccomp.bpf');
  if (isolated) writeFileSync(seccompFile, buildSeccompFilter());
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
      const argv = isolated ? [options.bwrapPath, ...buildBwrapArgs(spec, env, SECCOMP_FD), '--', ...inner] : inner;
      const seccomp = isolated ? openSync(seccompFile, 'r') : undefined;
      return await launch(spec, argv, isolated ? { PATH: BASE_PATH } : env, paths.work, cgroup, running, isolated, seccomp);
    } finally {
      await cgroup?.destroy();
      if (scratch) await rm(scratch, { recursive: true, force: true });
    }
  };

  return {
    mode: options.mode,
    limits: cgroups ? 'cgroup' : 'rlimit',
    cpuLimited: cgroups?.cpuLimited ?? false,
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
  seccompFd: number | undefined,
): Promise<ExecutionOutcome> {
  const command = launchCommand(argv, {
    cpuSeconds: Math.ceil(spec.wallTimeMs / 1000) + 1,
    writeLimitBytes: spec.writeLimitBytes,
    openFiles: OPEN_FILES,
    addressSpaceKb: cgroup ? null : spec.addressSpaceKb,
    procsFiles: cgroup?.procsFiles ?? [],
  });

  return new Promise((resolve, reject) => {
    const started = performance.now();
    const stdio: ('pipe' | 'ignore' | number)[] = ['pipe', 'pipe', 'pipe'];
    if (spec.controlChannel || seccompFd !== undefined) stdio.push(spec.controlChannel ? 'pipe' : 'ignore');
    if (seccompFd !== undefined) stdio.push(seccompFd);
    let child: ChildProcess;
    try {
      // detached (Linux, macOS): its own process group, so the tree kill reaches everything the program forked.
      child = spawn(command.file, command.args, { cwd, env, detached: SPAWN_DETACHED, windowsHide: true, stdio });
    } finally {
      // The child holds its own copy of the filter's fd; bubblewrap reads it to the end.
      if (seccompFd !== undefined) closeSync(seccompFd);
    }
    let control = '';
    child.stdio[3]?.on('data', (chunk: Buffer) => {
      if (control.length < 64) control += chunk.toString('utf8');
    });
    let timedOut = false;
    let sampledPeakKb = 0;
    const kill = (): void => {
      if (child.pid !== undefined) killProcessTree(child.pid);
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

    child.stdout!.on('data', (chunk: Buffer) => output.push('stdout', chunk));
    child.stderr!.on('data', (chunk: Buffer) => output.push('stderr', chunk));
    // A program that never reads its stdin closes the pipe early: that is not an error.
    child.stdin!.on('error', () => {});
    child.stdin!.end(spec.stdin);

    child.on('error', (error) => {
      clearTimeout(timer);
      running.delete(kill);
      void sampler?.stop();
      reject(error);
    });
    child.on('exit', (code, signal) => {
      const timeMs = Math.round(performance.now() - started);
      clearTimeout(timer);
      // Whatever the program left behind in its process tree dies with it.
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
