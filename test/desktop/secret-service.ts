// A real Secret Service (gnome-keyring) for the keychain tests. Uses the session's when it answers
// (CI runs `npm test` inside dbus-run-session with an unlocked keyring: .ci/run); otherwise starts a
// private D-Bus session bus and an unlocked gnome-keyring for this test process only.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { loadKeytar, openCredentialStore } from '../../main/credentials/credential-store.ts';
import { makeTempDir } from '../support/temp-dir.ts';

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

export async function useSecretService(): Promise<SecretService> {
  if (process.env.DBUS_SESSION_BUS_ADDRESS && (await keychainWorks())) return { available: true, close: () => {} };
  for (const cmd of ['dbus-daemon', 'gnome-keyring-daemon']) {
    if (spawnSync('sh', ['-c', `command -v ${cmd}`]).status !== 0) {
      return { available: false, reason: `${cmd} is not installed (Debian: dbus, gnome-keyring; see scripts/install-system-deps.sh)` };
    }
  }
  const bus = spawn('dbus-daemon', ['--session', '--nofork', '--print-address=1'], { stdio: ['ignore', 'pipe', 'ignore'] });
  const address = await readLine(bus, /^(.+)\n/, 5000);
  if (!address) {
    bus.kill();
    return { available: false, reason: 'dbus-daemon --session did not start' };
  }
  // A throwaway keyring directory: never touches (or depends on the password of) a real login keyring.
  const keyringHome = makeTempDir('syncode-keyring-');
  const env = { ...process.env, DBUS_SESSION_BUS_ADDRESS: address, XDG_DATA_HOME: keyringHome.path };
  const keyring = spawn('gnome-keyring-daemon', ['--foreground', '--unlock', '--components=secrets'], {
    env,
    stdio: ['pipe', 'pipe', 'ignore'],
  });
  keyring.stdin!.end('test'); // the login keyring's password: created on first use, unlocked after
  const ready = await readLine(keyring, /GNOME_KEYRING_CONTROL=(.+)\n/, 5000);
  const close = (): void => {
    keyring.kill();
    bus.kill();
    keyringHome.remove();
  };
  if (!ready) {
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
