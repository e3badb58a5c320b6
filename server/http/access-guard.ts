import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { LAUNCH_SECRET_HEADER } from '../protocol/index.ts';

export interface AccessPolicy {
  launchSecret?: string;
  /** `undefined`: any origin. */
  allowedOrigins?: string[];
}

const LOOPBACK_ORIGIN = /^https?:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?$/;

/** The embedded server's default: only loopback origins and the desktop app's own scheme. */
export function isLoopbackOrAppOrigin(origin: string): boolean {
  return LOOPBACK_ORIGIN.test(origin) || origin === 'app://syncode' || origin === 'null';
}

/**
 * Whether a request or upgrade may reach the server at all: the launch secret (embedded mode), compared
 * in constant time, and the Origin allow-list. Returns the refusal reason, or null when allowed.
 */
export function refuseAccess(req: IncomingMessage, policy: AccessPolicy): 'launch-secret' | 'origin' | null {
  if (policy.launchSecret !== undefined) {
    const given = req.headers[LAUNCH_SECRET_HEADER];
    if (typeof given !== 'string' || !constantTimeEqual(given, policy.launchSecret)) return 'launch-secret';
  }
  const origin = req.headers.origin;
  if (origin !== undefined && policy.allowedOrigins !== undefined) {
    const allowed = policy.allowedOrigins.some((o) => (o === 'loopback' ? isLoopbackOrAppOrigin(origin) : o === origin));
    if (!allowed) return 'origin';
  }
  return null;
}

export function constantTimeEqual(a: string, b: string): boolean {
  const ab = Buffer.from(a);
  const bb = Buffer.from(b);
  if (ab.length !== bb.length) {
    timingSafeEqual(ab, ab);
    return false;
  }
  return timingSafeEqual(ab, bb);
}
