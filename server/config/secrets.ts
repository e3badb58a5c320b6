import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Returns `given` when set; otherwise a random secret generated once and kept in `<dataDir>/secrets/<name>`
 * (mode 0600), so tokens survive restarts (spec README, "Running the server").
 */
export function loadOrCreateSecret(dataDir: string, name: string, given?: string): string {
  if (given) return given;
  const dir = join(dataDir, 'secrets');
  const file = join(dir, name);
  try {
    const existing = readFileSync(file, 'utf8').trim();
    if (existing.length >= 32) return existing;
  } catch {
    // not created yet
  }
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, secret + '\n', { mode: 0o600 });
  return secret;
}
