// Linux and macOS: every execution is started `detached`, i.e. as the leader of its own process group, so one
// signal to the group reaches the program and everything it forked (a child that calls setsid() leaves the
// group: only isolated mode's PID namespace and cgroup catch those).

export function killProcessTreePosix(pid: number): void {
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // The group is already gone.
  }
}
