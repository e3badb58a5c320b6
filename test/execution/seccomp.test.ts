// Inside the isolated sandbox a program can neither build namespaces of its own nor reach the kernel interfaces
// the seccomp filter denies: each denied syscall, called from a C program compiled by the plane (gcc), fails with
// EPERM whatever its arguments (all zero here, which would make unshare, settimeofday or ptrace succeed). The C
// side looks the numbers up by name in the system headers, so it also checks the filter's own syscall table.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DENIED_SYSCALLS } from '../../server/execution/seccomp-filter.ts';
import { runRequest, runToEnd, startPlane, submissionRequest, submitToEnd, type PlaneFixture } from './plane-fixture.ts';

const ARCH = process.arch === 'arm64' ? 1 : 0;
const NAMES = Object.entries(DENIED_SYSCALLS).filter(([, numbers]) => numbers[ARCH] !== null).map(([name]) => name);

/** Reads a case name, makes that call, prints EPERM, ENOSYS, `ok` (it succeeded) or the errno's number. */
const CALLER = `#define _GNU_SOURCE
#include <errno.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/ptrace.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

struct entry { const char *name; long nr; };
static const struct entry table[] = {
${NAMES.map((n) => `#ifdef SYS_${n}\n  { "${n}", SYS_${n} },\n#endif`).join('\n')}
  { 0, 0 }
};

static long call(const char *name) {
  if (strcmp(name, "unshare-namespaces") == 0) return syscall(SYS_unshare, CLONE_NEWUSER | CLONE_NEWNET | CLONE_NEWNS);
  if (strcmp(name, "ptrace-traceme") == 0) return syscall(SYS_ptrace, PTRACE_TRACEME, 0, 0, 0);
  if (strcmp(name, "clone3") == 0) return syscall(SYS_clone3, 0, 0);
  if (strcmp(name, "clone-newuser") == 0 || strcmp(name, "clone-newnet") == 0) {
    long flags = (name[6] == 'u' ? CLONE_NEWUSER : CLONE_NEWNET) | SIGCHLD;
    long pid = syscall(SYS_clone, flags, 0, 0, 0, 0);
    if (pid == 0) _exit(0);
    if (pid > 0) waitpid((pid_t) pid, 0, 0);
    return pid;
  }
  for (const struct entry *e = table; e->name; e++) {
    if (strcmp(name, e->name) == 0) return syscall(e->nr, 0, 0, 0, 0, 0, 0);
  }
  printf("no such case: %s\\n", name);
  _exit(3);
}

int main(void) {
  char name[64];
  if (scanf("%63s", name) != 1) return 2;
  errno = 0;
  long r = call(name);
  if (r != -1) puts("ok");
  else if (errno == EPERM) puts("EPERM");
  else if (errno == ENOSYS) puts("ENOSYS");
  else printf("errno %d\\n", errno);
  return 0;
}
`;

let fx: PlaneFixture;
beforeAll(async () => {
  fx = await startPlane({ workers: 2 });
});
afterAll(async () => {
  await fx.close();
});

describe('seccomp and user namespaces inside the isolated sandbox', () => {
  it('every denied syscall fails with EPERM, clone with a namespace flag too, and clone3 with ENOSYS (libc falls back to clone)', async () => {
    expect(fx.plane.features().sandbox).toBe('isolated');
    const cases: [string, string][] = [
      ...NAMES.map((name): [string, string] => [name, 'EPERM']),
      ['unshare-namespaces', 'EPERM'],
      ['ptrace-traceme', 'EPERM'],
      ['clone-newuser', 'EPERM'],
      ['clone-newnet', 'EPERM'],
      ['clone3', 'ENOSYS'],
    ];
    const submission = await submitToEnd(
      fx.plane,
      submissionRequest('c', CALLER, cases.map(([name, expected]) => ({ input: `${name}\n`, expectedOutput: `${expected}\n` }))),
    );
    expect(submission.compileOutput).toBeNull();
    const got = Object.fromEntries(submission.tests.map((t, i) => [cases[i]![0], t.actualOutput?.trim()]));
    expect(got).toEqual(Object.fromEntries(cases));
    expect(submission.verdict).toBe('ACCEPTED');
  });

  it('the filter is in place for every program, and the judge keeps working after the attempts', async () => {
    const status = await runToEnd(fx.plane, runRequest('python', "import re\nprint(' '.join(re.findall(r'^(?:Seccomp|NoNewPrivs):\\s*(\\d+)$', open('/proc/self/status').read(), re.M)))\n"));
    // NoNewPrivs 1, Seccomp 2 (filter mode).
    expect(status.result?.stdout).toBe('1 2\n');
    expect(fx.plane.health().status).toBe('ok');
    const threads = await runToEnd(fx.plane, runRequest('python', 'import threading\nt = threading.Thread(target=lambda: print("thread"))\nt.start(); t.join()\n'));
    expect(threads.result).toMatchObject({ verdict: 'ACCEPTED', stdout: 'thread\n' });
  });
});
