// `syncode://join/<code>` links (the OS hands them to us on the command line or via open-url).

/** Room invite codes: six characters from upper-case letters and digits without the look-alikes 0/O and 1/I. */
const INVITE_CODE = /^[ABCDEFGHJKLMNPQRSTUVWXYZ23456789]{6}$/;

export const DEEP_LINK_SCHEME = 'syncode';

/**
 * Parses a deep link into the invite code it carries, upper-cased; null for anything else (other
 * schemes, other actions, extra path segments, query strings, malformed codes). Case-insensitive because
 * people retype codes and some OSes lowercase URL hosts.
 */
export function parseDeepLink(raw: unknown): { code: string } | null {
  if (typeof raw !== 'string' || raw.length > 64) return null;
  const m = /^syncode:\/\/join\/([^/?#]+)\/?$/i.exec(raw.trim());
  if (!m) return null;
  const code = m[1]!.toUpperCase();
  return INVITE_CODE.test(code) ? { code } : null;
}

/** The first deep link among command-line arguments (Windows/Linux pass the URL as an argument). */
export function findDeepLink(argv: readonly string[]): { code: string } | null {
  for (const arg of argv) {
    const link = parseDeepLink(arg);
    if (link) return link;
  }
  return null;
}
