// The seccomp filter every isolated execution runs under, as the classic-BPF program bubblewrap loads with
// `--seccomp FD` (a raw array of `struct sock_filter`, read from the fd until EOF). Built here, not by libseccomp,
// so the server needs no native addon.
//
// Denied with EPERM: creating or entering namespaces (unshare, setns, clone with a CLONE_NEW* flag), mounting,
// ptrace and cross-process memory access, kernel keyrings, BPF, perf events, userfaultfd, io_uring (its own
// syscall path bypasses filters like this one), module loading, kexec, reboot, swap, clocks, quotas and a few
// more that a program has no business calling. clone3 gets ENOSYS: its flags sit in memory a filter cannot read,
// and ENOSYS makes libc fall back to clone, whose flags are checked. Any syscall of a foreign ABI (i386 or x32
// entry points on x86_64, 32-bit ARM on aarch64) is denied, so a second syscall table cannot bypass the filter.

const AUDIT_ARCH_X86_64 = 0xc000003e;
const AUDIT_ARCH_AARCH64 = 0xc00000b7;
/** x86_64 marks x32-ABI syscall numbers with this bit. */
const X32_SYSCALL_BIT = 0x40000000;
const CLONE_NAMESPACE_FLAGS = 0x7e020000; // CLONE_NEWNS | NEWCGROUP | NEWUTS | NEWIPC | NEWUSER | NEWPID | NEWNET

const SECCOMP_RET_ALLOW = 0x7fff0000;
const SECCOMP_RET_ERRNO = 0x00050000;
const EPERM = 1;
const ENOSYS = 38;

// struct seccomp_data: int nr; u32 arch; u64 instruction_pointer; u64 args[6] (low word first on little-endian).
const OFFSET_NR = 0;
const OFFSET_ARCH = 4;
const OFFSET_ARG0_LOW = 16;

const BPF_LD_W_ABS = 0x20;
const BPF_JEQ_K = 0x15;
const BPF_JGE_K = 0x35;
const BPF_JSET_K = 0x45;
const BPF_RET_K = 0x06;

/** The denied syscalls and their numbers on x86_64 and aarch64 (asm-generic table); null where a call does not exist. */
export const DENIED_SYSCALLS: Readonly<Record<string, readonly [x86_64: number | null, aarch64: number | null]>> = {
  unshare: [272, 97],
  setns: [308, 268],
  mount: [165, 40],
  umount2: [166, 39],
  pivot_root: [155, 41],
  chroot: [161, 51],
  open_tree: [428, 428],
  move_mount: [429, 429],
  fsopen: [430, 430],
  fsconfig: [431, 431],
  fsmount: [432, 432],
  fspick: [433, 433],
  mount_setattr: [442, 442],
  open_by_handle_at: [304, 265],
  name_to_handle_at: [303, 264],
  ptrace: [101, 117],
  process_vm_readv: [310, 270],
  process_vm_writev: [311, 271],
  pidfd_getfd: [438, 438],
  kcmp: [312, 272],
  bpf: [321, 280],
  keyctl: [250, 219],
  add_key: [248, 217],
  request_key: [249, 218],
  perf_event_open: [298, 241],
  fanotify_init: [300, 262],
  userfaultfd: [323, 282],
  io_uring_setup: [425, 425],
  io_uring_enter: [426, 426],
  io_uring_register: [427, 427],
  kexec_load: [246, 104],
  kexec_file_load: [320, 294],
  reboot: [169, 142],
  init_module: [175, 105],
  finit_module: [313, 273],
  delete_module: [176, 106],
  swapon: [167, 224],
  swapoff: [168, 225],
  acct: [163, 89],
  settimeofday: [164, 170],
  clock_settime: [227, 112],
  clock_adjtime: [305, 266],
  adjtimex: [159, 171],
  syslog: [103, 116],
  quotactl: [179, 60],
  vhangup: [153, 58],
  lookup_dcookie: [212, 18],
  iopl: [172, null],
  ioperm: [173, null],
};

const CLONE = [56, 220] as const;
const CLONE3 = [435, 435] as const;

type Label = 'allow' | 'deny' | 'enosys' | 'x86_64' | 'aarch64' | `clone-${number}`;
interface Instruction {
  code: number;
  k: number;
  jt?: Label;
  jf?: Label;
  label?: Label;
}

function archBlock(arch: 0 | 1, label: Label): Instruction[] {
  const cloneLabel: Label = `clone-${arch}`;
  const block: Instruction[] = [{ code: BPF_LD_W_ABS, k: OFFSET_NR, label }];
  if (arch === 0) block.push({ code: BPF_JGE_K, k: X32_SYSCALL_BIT, jt: 'deny' });
  for (const numbers of Object.values(DENIED_SYSCALLS)) {
    const nr = numbers[arch];
    if (nr !== null) block.push({ code: BPF_JEQ_K, k: nr, jt: 'deny' });
  }
  block.push({ code: BPF_JEQ_K, k: CLONE3[arch], jt: 'enosys' });
  block.push({ code: BPF_JEQ_K, k: CLONE[arch], jt: cloneLabel, jf: 'allow' });
  block.push({ code: BPF_LD_W_ABS, k: OFFSET_ARG0_LOW, label: cloneLabel });
  block.push({ code: BPF_JSET_K, k: CLONE_NAMESPACE_FLAGS, jt: 'deny', jf: 'allow' });
  return block;
}

/** The filter as bytes, ready to be written to the fd given to `bwrap --seccomp`. */
export function buildSeccompFilter(): Buffer {
  const program: Instruction[] = [
    { code: BPF_LD_W_ABS, k: OFFSET_ARCH },
    { code: BPF_JEQ_K, k: AUDIT_ARCH_X86_64, jt: 'x86_64' },
    { code: BPF_JEQ_K, k: AUDIT_ARCH_AARCH64, jt: 'aarch64', jf: 'deny' },
    ...archBlock(0, 'x86_64'),
    ...archBlock(1, 'aarch64'),
    { code: BPF_RET_K, k: SECCOMP_RET_ALLOW, label: 'allow' },
    { code: BPF_RET_K, k: SECCOMP_RET_ERRNO | EPERM, label: 'deny' },
    { code: BPF_RET_K, k: SECCOMP_RET_ERRNO | ENOSYS, label: 'enosys' },
  ];
  const at = new Map<Label, number>();
  program.forEach((instruction, index) => instruction.label && at.set(instruction.label, index));
  // A conditional jump is an unsigned 8-bit offset from the next instruction: forward only, at most 255.
  const offset = (from: number, label: Label | undefined): number => {
    if (label === undefined) return 0;
    const distance = at.get(label)! - from - 1;
    if (distance < 0 || distance > 255) throw new Error(`seccomp jump to ${label} out of range`);
    return distance;
  };
  const bytes = Buffer.alloc(program.length * 8);
  program.forEach((instruction, index) => {
    bytes.writeUInt16LE(instruction.code, index * 8);
    bytes.writeUInt8(offset(index, instruction.jt), index * 8 + 2);
    bytes.writeUInt8(offset(index, instruction.jf), index * 8 + 3);
    bytes.writeUInt32LE(instruction.k >>> 0, index * 8 + 4);
  });
  return bytes;
}
