import { jwtVerify } from 'jose';
import { COLLAB_DOCS, COLLAB_TOKEN_TYP, ROOM_ROLES, type CollabDoc, type CollabTokenClaims } from '../protocol/index.ts';

export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const PATH = /^\/collab\/([^/]+)\/([^/]+)$/;

/** Step 1 of the handshake (§3): `/collab/<lowercase uuid>/<code|whiteboard>`; null when malformed. */
export function parseCollabPath(pathname: string): { roomId: string; doc: CollabDoc } | null {
  const m = PATH.exec(pathname);
  if (!m) return null;
  const [, roomId, doc] = m as unknown as [string, string, string];
  if (!UUID_PATTERN.test(roomId) || !(COLLAB_DOCS as readonly string[]).includes(doc)) return null;
  return { roomId, doc: doc as CollabDoc };
}

/** Step 2 (§3): HS256 signature, `typ: "collab"`, not expired, well-formed claims; null otherwise. */
export async function verifyCollabToken(token: string | null, key: Uint8Array): Promise<CollabTokenClaims | null> {
  if (!token) return null;
  try {
    const { payload } = await jwtVerify(token, key, { algorithms: ['HS256'] });
    const p = payload as Record<string, unknown>;
    const wellFormed =
      p.typ === COLLAB_TOKEN_TYP &&
      typeof p.sub === 'string' &&
      typeof p.roomId === 'string' &&
      typeof p.role === 'string' &&
      (ROOM_ROLES as readonly string[]).includes(p.role) &&
      typeof p.iat === 'number' &&
      typeof p.exp === 'number';
    if (!wellFormed) return null;
    return {
      sub: p.sub as string,
      roomId: p.roomId as string,
      role: p.role as CollabTokenClaims['role'],
      name: typeof p.name === 'string' ? p.name : '',
      color: typeof p.color === 'string' ? p.color : '#888888',
      typ: COLLAB_TOKEN_TYP,
      iat: p.iat as number,
      exp: p.exp as number,
    };
  } catch {
    return null;
  }
}

/** Handshake step 7 (§11): connection attempts per user and room in a sliding window. */
export class AttemptLimiter {
  readonly #limit: number;
  readonly #windowMs: number;
  readonly #attempts = new Map<string, number[]>();

  constructor(limit: number, windowMs: number) {
    this.#limit = limit;
    this.#windowMs = windowMs;
  }

  /** Records an attempt; false when it is over the limit. */
  attempt(key: string, now: number): boolean {
    const recent = (this.#attempts.get(key) ?? []).filter((t) => now - t < this.#windowMs);
    recent.push(now);
    this.#attempts.set(key, recent);
    return recent.length <= this.#limit;
  }

  prune(now: number): void {
    for (const [key, times] of this.#attempts) {
      if (times.every((t) => now - t >= this.#windowMs)) this.#attempts.delete(key);
    }
  }
}
