// Per-execution control groups (cgroup v1 `memory` + `pids` hierarchies) for exact memory and process limits,
// plus the `cpu` hierarchy when it is writable: each execution gets at most one core (CFS quota 100 ms per 100 ms,
// what cgroup v2 writes as `cpu.max` "100000 100000"), so one CPU-bound run cannot starve the rooms' edits.
//
// Why cgroups and not rlimits: RLIMIT_AS counts reserved address space (the JVM, Go and V8 reserve gigabytes they
// never touch), and RLIMIT_NPROC is per host uid, which is root here and therefore exempt. A memory cgroup
// counts what is really resident and records the peak; `pids.max` counts tasks (threads included) of one
// execution only. cgroup v2 with delegated `memory`+`pids` controllers would do the same job; this host only
// offers them through v1, so only v1 is implemented (docs/sandbox.md).

import { existsSync, mkdirSync, readdirSync, readFileSync, rmdirSync, writeFileSync } from 'node:fs';
import { readFile, rmdir } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { isAlive } from './work-root.ts';

export interface ExecutionCgroup {
  /** The `cgroup.procs` files the launcher writes its own pid into before exec'ing the sandbox. */
  procsFiles: string[];
  /** Peak memory charged to the group (resident + page cache it created), in KiB. */
  peakKb(): number;
  /** Whether the kernel OOM killer fired inside the group. */
  oomKilled(): boolean;
  /** SIGKILLs every task still in the group, waits until it is empty, and removes it. */
  destroy(): Promise<void>;
}

export interface CgroupLimits {
  memoryBytes: number;
  pids: number;
}

export interface CgroupRoot {
  create(id: string, limits: CgroupLimits): ExecutionCgroup;
  /** Whether executions are held to one core (the `cpu` hierarchy was found and writable). */
  cpuLimited: boolean;
  /** Removes the plane's parent groups (children must be destroyed first). */
  close(): void;
}

export interface Hierarchy {
  memory: string;
  pids: string;
  cpu: string | null;
}

const CPU_PERIOD_US = 100_000;
/** One core per execution. */
const CPU_QUOTA_US = 100_000;
/**
 * cgroup v1 weighs the executions' parent group as ONE task against each of the server's own tasks: without this,
 * all executions together would get a single task's share on a loaded host (compilations then time out). Weigh it
 * like one task per core (the default worker count).
 */
const EXECUTIONS_CPU_SHARES = 1024 * availableParallelism();

/**
 * Creates `<our cgroup>/<name>` in the memory and pids hierarchies, or returns null when they are missing or not
 * writable (then the sandbox falls back to rlimits).
 */
export async function createCgroupRoot(name: string): Promise<CgroupRoot | null> {
  const found = findV1Hierarchies();
  if (!found) return null;
  await sweepStale(found);
  const root: Hierarchy = { memory: join(found.memory, name), pids: join(found.pids, name), cpu: found.cpu && join(found.cpu, name) };
  try {
    mkdirSync(root.memory, { recursive: true });
    mkdirSync(root.pids, { recursive: true });
    // Probe: a child group must accept limits, otherwise we are not really allowed to use it.
    const probe = join(root.pids, 'probe');
    mkdirSync(probe);
    writeFileSync(join(probe, 'pids.max'), '1');
    rmdirSync(probe);
  } catch {
    tryRmdir(root.memory);
    tryRmdir(root.pids);
    return null;
  }
  if (root.cpu && !createCpuParent(root.cpu)) root.cpu = null;
  return {
    create: (id, limits) => createGroup(root, id, limits),
    cpuLimited: root.cpu !== null,
    close() {
      for (const dir of [root.memory, root.pids, root.cpu]) if (dir) tryRmdir(dir);
    },
  };
}

/** The executions' parent in the `cpu` hierarchy, or false when it cannot be created (then there is no CPU limit). */
function createCpuParent(dir: string): boolean {
  try {
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'cpu.shares'), String(EXECUTIONS_CPU_SHARES));
    return true;
  } catch {
    tryRmdir(dir);
    return false;
  }
}

function createGroup(root: Hierarchy, id: string, limits: CgroupLimits): ExecutionCgroup {
  const memory = join(root.memory, id);
  const pids = join(root.pids, id);
  mkdirSync(memory);
  mkdirSync(pids);
  writeFileSync(join(memory, 'memory.limit_in_bytes'), String(limits.memoryBytes));
  // Without swap accounting this file is absent; with it, swap must not extend the limit.
  const memsw = join(memory, 'memory.memsw.limit_in_bytes');
  if (existsSync(memsw)) writeFileSync(memsw, String(limits.memoryBytes));
  writeFileSync(join(pids, 'pids.max'), String(limits.pids));
  const cpu = root.cpu && join(root.cpu, id);
  if (cpu) {
    mkdirSync(cpu);
    writeFileSync(join(cpu, 'cpu.cfs_period_us'), String(CPU_PERIOD_US));
    writeFileSync(join(cpu, 'cpu.cfs_quota_us'), String(CPU_QUOTA_US));
  }
  return {
    procsFiles: [join(memory, 'cgroup.procs'), join(pids, 'cgroup.procs'), ...(cpu ? [join(cpu, 'cgroup.procs')] : [])],
    peakKb: () => Math.ceil(Number(readFileSync(join(memory, 'memory.max_usage_in_bytes'), 'utf8')) / 1024),
    oomKilled() {
      const m = /^oom_kill (\d+)$/m.exec(readFileSync(join(memory, 'memory.oom_control'), 'utf8'));
      if (m) return Number(m[1]) > 0;
      return Number(readFileSync(join(memory, 'memory.failcnt'), 'utf8')) > 0;
    },
    async destroy() {
      for (const dir of [pids, memory, cpu]) if (dir) await emptyAndRemove(dir);
    },
  };
}

async function emptyAndRemove(dir: string): Promise<void> {
  const deadline = Date.now() + 5000;
  for (;;) {
    const procs = (await readFile(join(dir, 'cgroup.procs'), 'utf8')).split('\n').filter(Boolean);
    for (const pid of procs) {
      try {
        process.kill(Number(pid), 'SIGKILL');
      } catch {
        // Already gone.
      }
    }
    if (procs.length === 0) {
      try {
        await rmdir(dir);
        return;
      } catch (error) {
        // EBUSY while the last task is being reaped: retry below.
        if (Date.now() > deadline) throw error;
      }
    }
    if (Date.now() > deadline) throw new Error(`cgroup ${dir} did not empty`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

const ROOT_NAME = /^syncode-exec-(\d+)-[0-9a-f]+$/;

/** The name of a plane's parent group: the pid lets a later start recognise groups of a dead server. */
export function cgroupRootName(id: string): string {
  return `syncode-exec-${process.pid}-${id}`;
}

/**
 * A server that died without close() (SIGKILL, power loss) leaves its groups behind. Its programs normally died
 * with it (bubblewrap's --die-with-parent), but kill anything still listed before removing the groups.
 */
async function sweepStale(hierarchy: Hierarchy): Promise<void> {
  for (const parent of [hierarchy.pids, hierarchy.memory, hierarchy.cpu]) {
    if (!parent) continue;
    for (const entry of readdirSync(parent, { withFileTypes: true })) {
      const owner = ROOT_NAME.exec(entry.name)?.[1];
      if (!entry.isDirectory() || !owner || isAlive(Number(owner))) continue;
      const dir = join(parent, entry.name);
      try {
        for (const child of readdirSync(dir, { withFileTypes: true })) {
          if (child.isDirectory()) await emptyAndRemove(join(dir, child.name));
        }
        rmdirSync(dir);
      } catch {
        // Another server sweeping at the same time, or a group the kernel still holds: try again next start.
      }
    }
  }
}

/** The plane's cgroup v1 parents (`memory` and `pids`, and `cpu` when mounted), or null when this host has none. */
export function findV1Hierarchies(): Hierarchy | null {
  let mountinfo: string;
  let membership: string;
  try {
    mountinfo = readFileSync('/proc/self/mountinfo', 'utf8');
    membership = readFileSync('/proc/self/cgroup', 'utf8');
  } catch {
    return null;
  }
  const locate = (controller: string): string | null => {
    const own = membership
      .split('\n')
      .map((l) => l.split(':'))
      .find((f) => f.length >= 3 && f[1]!.split(',').includes(controller));
    if (!own) return null;
    for (const line of mountinfo.split('\n')) {
      const [left, right] = line.split(' - ');
      if (!left || !right) continue;
      const [fstype, , superOptions] = right.split(' ');
      if (fstype !== 'cgroup' || !superOptions?.split(',').includes(controller)) continue;
      const fields = left.split(' ');
      const mountRoot = fields[3]!;
      const mountPoint = fields[4]!;
      const path = own.slice(2).join(':');
      if (!path.startsWith(mountRoot)) return null;
      const dir = join(mountPoint, path.slice(mountRoot.length));
      return existsSync(join(dir, 'cgroup.procs')) ? dir : null;
    }
    return null;
  };
  const memory = locate('memory');
  const pids = locate('pids');
  return memory && pids ? { memory, pids, cpu: locate('cpu') } : null;
}

function tryRmdir(dir: string): void {
  try {
    rmdirSync(dir);
  } catch {
    // Busy or absent: nothing more to do at shutdown.
  }
}
