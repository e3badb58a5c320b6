// A real Secret Service for the keychain tests: the session's when it answers (CI runs the suite inside
// dbus-run-session with an unlocked gnome-keyring: .ci/run); on Linux otherwise a private D-Bus session bus
// and an unlocked gnome-keyring with a throwaway keyring directory, for this test process only.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadKeytar, openCredentialStore } from '../../main/credentials/credential-store.ts';
import { makeTempDir } from '../support/temp-dir.ts';
import { REPO_ROOT } from '../../server/paths.ts';
import { pollUntil } from '../support/poll.ts';

export type SecretService = { available: true; close: () => void } | { available: false; reason: string };

async function keychainWorks(): Promise<boolean> {
  const { store } = await openCredentialStore({ loadKeychain: loadKeytar, service: 'dev.syncode.test-probe' });
  return store.persistent;
}

function readLine(child: ChildProcess, pattern: RegExp, timeoutMs: number): Promise<string | null> {
  return new Promise((resolve) => {
    let out = '';
    const timer = setTimeout(() => resolve(null), timeoutMs);
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = pattern.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(null);
    });
  });
}

const installed = (cmd: string): boolean => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;

/**
 * Whether the session's Secret Service answers, asked from a child process: libsecret binds to a bus when
 * it first connects, so this process must not connect before it knows which bus to use.
 */
function sessionKeychainWorks(): boolean {
  const probe = `const k = require('keytar'); const s = 'dev.syncode.test-probe';
    k.setPassword(s, 'probe', 'x').then(() => k.getPassword(s, 'probe'))
      .then((v) => k.deletePassword(s, 'probe').then(() => process.exit(v === 'x' ? 0 : 1)), () => process.exit(1));`;
  return spawnSync(process.execPath, ['-e', probe], { cwd: REPO_ROOT, timeout: 5000, stdio: 'ignore' }).status === 0;
}

export async function useSecretService(): Promise<SecretService> {
  if (process.platform !== 'linux') {
    return (await keychainWorks()) ? { available: true, close: () => {} } : { available: false, reason: 'the OS keychain does not answer' };
  }
  if (sessionKeychainWorks()) return { available: true, close: () => {} };
  if (!installed('dbus-daemon') || !installed('gnome-keyring-daemon')) {
    return {
      available: false,
      reason: 'no Secret Service answers and dbus-daemon/gnome-keyring-daemon are not installed (Debian: dbus, gnome-keyring; see scripts/install-system-deps.sh)',
    };
  }
  const bus = spawn('dbus-daemon', ['--session', '--nofork', '--print-address=1'], { stdio: ['ignore', 'pipe', 'ignore'] });
  const address = await readLine(bus, /^(.+)\n/, 5000);
  if (!address) {
    bus.kill();
    return { available: false, reason: 'dbus-daemon --session did not start' };
  }
  // A throwaway keyring directory: never touches (or depends on the password of) a real login keyring.
  const keyringHome = makeTempDir('syncode-keyring-');
  // Its own runtime directory too: another gnome-keyring of this user (a locked one) must not be reused.
  const runtimeDir = join(keyringHome.path, 'run');
  mkdirSync(runtimeDir, { mode: 0o700 });
  const env: NodeJS.ProcessEnv = { ...process.env, DBUS_SESSION_BUS_ADDRESS: address, XDG_DATA_HOME: keyringHome.path, XDG_RUNTIME_DIR: runtimeDir };
  delete env.GNOME_KEYRING_CONTROL;
  const keyring = spawn('gnome-keyring-daemon', ['--foreground', '--unlock', '--components=secrets'], {
    env,
    stdio: ['pipe', 'ignore', 'ignore'],
  });
  keyring.stdin!.end('test'); // the login keyring's password: created on first use, unlocked after
  const close = (): void => {
    keyring.kill();
    bus.kill();
    keyringHome.remove();
  };
  // Ready once it owns the Secret Service name on our bus (asking libsecret earlier could make D-Bus
  // activate a second, locked daemon instead).
  const owned = await pollUntil(
    () => spawnSync('dbus-send', ['--session', '--print-reply', '--dest=org.freedesktop.DBus', '/org/freedesktop/DBus', 'org.freedesktop.DBus.NameHasOwner', 'string:org.freedesktop.secrets'], { env, encoding: 'utf8' }).stdout,
    (out) => /boolean true/.test(out),
    { timeoutMs: 5000, intervalMs: 50, what: 'gnome-keyring on the private bus' },
  ).then(() => true, () => false);
  if (!owned) {
    close();
    return { available: false, reason: 'gnome-keyring-daemon did not start on a private session bus' };
  }
  // libsecret reads the bus address when it first connects, which has not happened in this process.
  process.env.DBUS_SESSION_BUS_ADDRESS = address;
  if (!(await keychainWorks())) {
    close();
    return { available: false, reason: 'gnome-keyring started but the Secret Service did not answer' };
  }
  return { available: true, close };
}
