import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DATA_DIR_MODE, DATA_FILE_MODE, SECRETS_DIR } from './data-dir.ts';
import { StartupError } from './startup-error.ts';

/** HS256 keys and the internal shared secret: shorter ones are guessable offline from one signed token. */
export const MIN_SECRET_BYTES = 32;

/** Throws a StartupError when a configured secret (`name` is how the operator set it) is shorter than 32 bytes. */
export function requireStrongSecret(name: string, value: string | undefined): void {
  if (value && Buffer.byteLength(value, 'utf8') < MIN_SECRET_BYTES) {
    throw new StartupError(`${name} must be at least ${MIN_SECRET_BYTES} bytes long (e.g. openssl rand -base64 48)`);
  }
}

/**
 * Returns `given` when set; otherwise a random secret generated once and kept in `<dataDir>/secrets/<name>`
 * (folder 0700, file 0600), so tokens survive restarts.
 */
export function loadOrCreateSecret(dataDir: string, name: string, given?: string): string {
  if (given) return given;
  const dir = join(dataDir, SECRETS_DIR);
  const file = join(dir, name);
  try {
    const existing = readFileSync(file, 'utf8').trim();
    if (existing.length >= MIN_SECRET_BYTES) return existing;
  } catch {
    // not created yet
  }
  mkdirSync(dir, { recursive: true, mode: DATA_DIR_MODE });
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, secret + '\n', { mode: DATA_FILE_MODE });
  return secret;
}
