import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

/** Finds a Chromium binary: CHROME_PATH first, then the usual Debian paths. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string {
  const candidates = env.CHROME_PATH ? [env.CHROME_PATH, ...CANDIDATES] : CANDIDATES;
  const found = candidates.find((p) => existsSync(p));
  if (!found) {
    throw new Error(
      `No Chromium found (looked at ${candidates.join(', ')}). Install the Debian package: apt-get install -y chromium, or set CHROME_PATH.`,
    );
  }
  return found;
}

/** Headless Chromium as this machine allows it: no sandbox (root), no GPU, no background network. */
export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: findChromium(),
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      '--no-first-run',
      '--use-fake-ui-for-media-stream',
      '--use-fake-device-for-media-stream',
    ],
  });
}
