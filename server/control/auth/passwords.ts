// Password hashing: scrypt (N = 2^15, r = 8, p = 1) with a per-user 16-byte salt,
// compared in constant time. The stored form names its parameters, so they can be raised later without
// breaking existing hashes: `scrypt$<N>$<r>$<p>$<salt b64url>$<hash b64url>`.
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

const N = 2 ** 15;
const R = 8;
const P = 1;
const KEY_LENGTH = 64;
/** Node's default maxmem (32 MiB) is exactly 128·N·r: too tight for N = 2^15, so allow 64 MiB. */
const MAX_MEM = 64 * 1024 * 1024;

function derive(password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFKC'), salt, KEY_LENGTH, { ...options, maxmem: MAX_MEM }, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, { N, r: R, p: P });
  return ['scrypt', N, R, P, salt.toString('base64url'), key.toString('base64url')].join('$');
}

/** Constant-time check against a stored hash; a malformed hash never matches. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64url');
  const key = await derive(password, Buffer.from(salt, 'base64url'), { N: Number(n), r: Number(r), p: Number(p) });
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/**
 * A valid hash of a random password, verified against when a login names an unknown account so that
 * the response time does not reveal whether the email exists.
 */
export function createDecoyHash(): Promise<string> {
  return hashPassword(randomBytes(16).toString('base64url'));
}
