// Programs that try to break out, starve the host or outlive their execution, against the real sandbox.
import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runRequest, runToEnd, startPlane, type PlaneFixture } from './plane-fixture.ts';
import { processesWith } from './processes-with.ts';

const CANARY_NAME = 'SYNCODE_TEST_CANARY_SECRET';
const CANARY_VALUE = `canary-${randomUUID()}`;

let fx: PlaneFixture;
let listener: Server;
let connections = 0;
let listenerPort = 0;

beforeAll(async () => {
  // The server's environment holds secrets: the sandbox must not pass any of it on.
  process.env[CANARY_NAME] = CANARY_VALUE;
  fx = await startPlane({ workers: 2 });
  writeFileSync(join(fx.dataDir, 'jwt-secret'), 'server-secret');
  listener = createServer((socket) => {
    connections++;
    socket.destroy();
  });
  await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve));
  listenerPort = (listener.address() as { port: number }).port;
});

afterAll(async () => {
  delete process.env[CANARY_NAME];
  await new Promise<void>((resolve) => listener.close(() => resolve()));
  await fx.close();
});

/** Processes on this host whose command line contains `marker`, read straight from /proc. */
const python = (code: string, extra: Parameters<typeof runRequest>[2] = {}) => runRequest('python', code, extra);

describe.concurrent('hostile programs', () => {
  it('a fork bomb is capped, killed at the time limit, and leaves no process behind', async () => {
    const marker = `syncode-bomb-${randomUUID()}`;
    const bomb = 'import os, time\nwhile True:\n    try:\n        os.fork()\n    except OSError:\n        time.sleep(0.01)\n';
    // Re-exec with the marker in argv, so every forked copy carries it in /proc/<pid>/cmdline.
    const code = `import os, sys\nos.execv(sys.executable, [sys.executable, '-c', ${JSON.stringify(bomb)}, '${marker}'])\n`;
    const run = await runToEnd(fx.plane, python(code, { timeLimitMs: 1500 }));
    expect(run.result?.verdict).toBe('TIME_LIMIT');
    expect(processesWith(marker)).toEqual([]);
  });

  it('at most 64 processes/threads per execution', async () => {
    const code = `import threading, time
n = 0
try:
    for _ in range(200):
        threading.Thread(target=time.sleep, args=(5,), daemon=True).start()
        n += 1
except RuntimeError:
    pass
print(n, flush=True)
import os
os._exit(0)
`;
    const run = await runToEnd(fx.plane, python(code));
    expect(run.result?.verdict).toBe('ACCEPTED');
    // The interpreter and bubblewrap's two processes count too.
    expect(Number(run.result!.stdout)).toBeGreaterThan(50);
    expect(Number(run.result!.stdout)).toBeLessThan(64);
  });

  it('a memory bomb gets MEMORY_LIMIT', async () => {
    const run = await runToEnd(fx.plane, python(`x = b'x' * (8 << 30)\nprint(len(x))\n`, { memoryLimitKb: 64 * 1024 }));
    expect(run.result?.verdict).toBe('MEMORY_LIMIT');
  });

  it('an infinite loop and a sleep forever both end in TIME_LIMIT at the wall-clock limit', async () => {
    const [spin, sleep] = await Promise.all([
      runToEnd(fx.plane, python('while True:\n    pass\n', { timeLimitMs: 1000 })),
      runToEnd(fx.plane, python('import time\ntime.sleep(3600)\n', { timeLimitMs: 1000 })),
    ]);
    expect(spin.result).toMatchObject({ verdict: 'TIME_LIMIT', exitCode: null });
    expect(sleep.result).toMatchObject({ verdict: 'TIME_LIMIT', exitCode: null });
    expect(sleep.result!.timeMs).toBeGreaterThanOrEqual(1000);
  });

  it('has no network: a TCP connection to a loopback listener of the host never arrives', async () => {
    const code = `import socket
for host in ('127.0.0.1', '10.0.2.2'):
    try:
        socket.create_connection((host, ${listenerPort}), timeout=1).close()
        print('connected', host)
    except OSError as e:
        print('refused', host, type(e).__name__)
`;
    const run = await runToEnd(fx.plane, python(code));
    expect(run.result?.stdout).toMatch(/^refused 127\.0\.0\.1 .*\nrefused 10\.0\.2\.2 /);
    expect(connections).toBe(0);
  });

  it("cannot read the server's data dir, /etc/shadow, or /root beyond the bound toolchain", async () => {
    const code = `import os
for path in [${JSON.stringify(join(fx.dataDir, 'jwt-secret'))}, ${JSON.stringify(join(fx.dataDir, 'syncode.sqlite'))}, '/etc/shadow', '/etc/passwd']:
    try:
        open(path, 'rb').read()
        print('READ', path)
    except OSError as e:
        print('denied', type(e).__name__)
print('exists' if os.path.exists(${JSON.stringify(fx.dataDir)}) else 'absent')
print(sorted(os.listdir('/root')), sorted(os.listdir('/root/.pyenv')))
`;
    const run = await runToEnd(fx.plane, python(code));
    expect(run.result?.stdout).not.toContain('READ');
    // Only the path down to the interpreter's own installation exists: pyenv's other versions, shims and the
    // rest of the home directory are not there.
    expect(run.result?.stdout.trim().split('\n')).toEqual([
      'denied FileNotFoundError',
      'denied FileNotFoundError',
      'denied FileNotFoundError',
      'denied FileNotFoundError',
      'absent',
      "['.pyenv'] ['versions']",
    ]);
  });

  it('cannot write outside its scratch dir, and writes at most 16 MiB there', async () => {
    const code = `import os
for path in ['/box/x', '/usr/x', '/etc/x', '/x', ${JSON.stringify(join(fx.dataDir, 'x'))}]:
    try:
        open(path, 'w').write('x')
        print('WROTE', path)
    except OSError as e:
        print('denied')
written = 0
try:
    with open('/tmp/big', 'wb') as f:
        for _ in range(32):
            f.write(b'x' * (1 << 20))
            f.flush()
            written += 1 << 20
except OSError:
    pass
print(written)
`;
    const run = await runToEnd(fx.plane, python(code));
    const lines = run.result!.stdout.trim().split('\n');
    expect(lines.slice(0, 5)).toEqual(['denied', 'denied', 'denied', 'denied', 'denied']);
    expect(Number(lines[5])).toBeGreaterThan(0);
    expect(Number(lines[5])).toBeLessThanOrEqual(16 * 1024 * 1024);
  });

  it("sees none of the server's environment", async () => {
    const run = await runToEnd(fx.plane, python('import os, json\nprint(json.dumps(dict(os.environ)))\n'));
    const env = JSON.parse(run.result!.stdout) as Record<string, string>;
    expect(JSON.stringify(env)).not.toContain(CANARY_VALUE);
    // PWD is set by bubblewrap's --chdir.
    expect(Object.keys(env).sort()).toEqual(['HOME', 'LANG', 'PATH', 'PWD', 'TMPDIR']);
  });

  it('a 10 MiB output flood is killed with OUTPUT_LIMIT and returned truncated to 64 KiB', async () => {
    const code = `import sys\nchunk = 'y' * 1023 + '\\n'\nfor _ in range(10 * 1024):\n    sys.stdout.write(chunk)\n`;
    const run = await runToEnd(fx.plane, python(code));
    expect(run.result).toMatchObject({ verdict: 'OUTPUT_LIMIT', stdoutTruncated: true, stderrTruncated: false });
    expect(Buffer.byteLength(run.result!.stdout)).toBe(64 * 1024);
  });

  it('no process survives its execution: background children, daemons that setsid, after a kill or a clean exit', async () => {
    const spawnAll = (marker: string) => `import os, subprocess
subprocess.Popen(['/bin/sh', '-c', 'sleep 600; : ${marker}'])
if os.fork() == 0:
    os.setsid()
    if os.fork() == 0:
        os.execv('/bin/sh', ['/bin/sh', '-c', 'sleep 600; : ${marker}'])
    os._exit(0)
`;
    const killed = `syncode-orphan-${randomUUID()}`;
    const exited = `syncode-orphan-${randomUUID()}`;
    const [afterKill, afterExit] = await Promise.all([
      runToEnd(fx.plane, python(`${spawnAll(killed)}import time\ntime.sleep(600)\n`, { timeLimitMs: 1000 })),
      runToEnd(fx.plane, python(`${spawnAll(exited)}print('bye')\n`)),
    ]);
    expect(afterKill.result?.verdict).toBe('TIME_LIMIT');
    expect(afterExit.result).toMatchObject({ verdict: 'ACCEPTED', stdout: 'bye\n' });
    expect(processesWith(killed)).toEqual([]);
    expect(processesWith(exited)).toEqual([]);
  });
});
