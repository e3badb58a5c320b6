import { jwtVerify } from 'jose';
import { CloseCode, COLLAB_DOCS, COLLAB_TOKEN_TYP, ROOM_ROLES, type CollabDoc, type CollabTokenClaims } from '../protocol/index.ts';
import type { ConnectionAttempts } from './collab-cluster.ts';
import type { PlaneCore } from './plane-core.ts';
import type { Room } from './room.ts';

type CloseCodeEntry = (typeof CloseCode)[keyof typeof CloseCode];

/**
 * The checks a `/collab` connection passes after the upgrade, in order; the first failure is the close code,
 * sent before any message: (1) path well-formed → 1008; (2) token valid (HS256, `typ: "collab"`, not
 * expired) and (3) for this room → 4001; (4) a document exists → 4004; (5) the room is not finished or
 * destroyed → 4003; (6) the user is not kicked → 4002; (6b) a user who left presents a token issued at or
 * after the leave → 4001; (7) connection attempts per user and room within the limit → 4029. (Step 8, the
 * older connection of the same user being replaced, happens when the connection opens.)
 */
export async function checkHandshake(
  core: PlaneCore,
  key: Uint8Array,
  attempts: ConnectionAttempts | null,
  target: { roomId: string; doc: CollabDoc } | null,
  token: string | null,
): Promise<{ claims: CollabTokenClaims; room: Room; doc: CollabDoc } | { refuse: CloseCodeEntry }> {
  if (!target) return { refuse: CloseCode.POLICY_VIOLATION };
  const claims = await verifyCollabToken(token, key);
  if (!claims || claims.roomId !== target.roomId) return { refuse: CloseCode.UNAUTHORIZED };
  const room = await core.room(target.roomId);
  if (!room) return { refuse: CloseCode.ROOM_NOT_FOUND };
  const refusal = roomRefusal(room, claims);
  if (refusal) return { refuse: refusal };
  if (attempts && !(await attempts.attempt(`${claims.sub}:${room.id}`, Date.now()))) return { refuse: CloseCode.RATE_LIMITED };
  return { claims, room, doc: target.doc };
}

/**
 * Steps 5, 6 and 6b on the room's state in memory. Checked again when the connection opens, after its document
 * loaded: the room may have closed, or the user been kicked or left, meanwhile.
 */
export function roomRefusal(room: Room, claims: CollabTokenClaims): CloseCodeEntry | null {
  if (room.closed) return CloseCode.ROOM_CLOSED;
  const participant = room.participants.get(claims.sub);
  if (participant?.kicked) return CloseCode.KICKED;
  if (participant?.leftAt != null && claims.iat < Math.floor(participant.leftAt / 1000)) return CloseCode.UNAUTHORIZED;
  return null;
}

export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const PATH = /^\/collab\/([^/]+)\/([^/]+)$/;

/** Step 1 of the handshake: `/collab/<lowercase uuid>/<code|whiteboard>`; null when malformed. */
export function parseCollabPath(pathname: string): { roomId: string; doc: CollabDoc } | null {
  const m = PATH.exec(pathname);
  if (!m) return null;
  const [, roomId, doc] = m as unknown as [string, string, string];
  if (!UUID_PATTERN.test(roomId) || !(COLLAB_DOCS as readonly string[]).includes(doc)) return null;
  return { roomId, doc: doc as CollabDoc };
}

/** Step 2: HS256 signature, `typ: "collab"`, not expired, well-formed claims; null otherwise. */
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

/** Handshake step 7: connection attempts per user and room in a sliding window (one process's memory). */
export class AttemptLimiter implements ConnectionAttempts {
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
