// JWTs: access tokens for /v1 and collab tokens for /collab, both HS256 with the
// server's JWT secret. The `typ` claim keeps them apart: each verifier refuses the other's tokens.
import { randomUUID } from 'node:crypto';
import { SignJWT, jwtVerify, errors } from 'jose';
import { AppError, COLLAB_TOKEN_LIFETIME_MS, COLLAB_TOKEN_TYP, type RoomRole, type UserRole } from '../../protocol/index.ts';

export const ACCESS_TOKEN_TTL_MS = 15 * 60 * 1000;

export interface SignedToken {
  token: string;
  /** Epoch ms. */
  expiresAt: number;
}

export interface AccessClaims {
  sub: string;
  role: UserRole;
  typ: 'access';
  jti: string;
  iat: number;
  exp: number;
}

export interface CollabTokenInput {
  userId: string;
  roomId: string;
  role: RoomRole;
  /** Display name shown in awareness. */
  name: string;
  /** `#rrggbb`. */
  color: string;
  ttlMs?: number;
}

export interface TokenSigner {
  signAccess(userId: string, role: UserRole): Promise<SignedToken>;
  /**
   * Verifies an access token. Throws AUTH_TOKEN_EXPIRED past `exp`, AUTH_UNAUTHENTICATED for anything
   * else that is wrong (bad signature, wrong `typ` such as a collab token, missing claims).
   */
  verifyAccess(token: string): Promise<AccessClaims>;
  /** The collab token, issued by `POST /v1/rooms/:roomId/join` (default lifetime 10 min). */
  signCollab(input: CollabTokenInput): Promise<SignedToken>;
}

export function createTokenSigner(jwtSecret: string): TokenSigner {
  const key = new TextEncoder().encode(jwtSecret);
  const sign = async (claims: Record<string, unknown>, subject: string, ttlMs: number): Promise<SignedToken> => {
    const nowSec = Math.floor(Date.now() / 1000);
    const expSec = nowSec + Math.ceil(ttlMs / 1000);
    const token = await new SignJWT(claims)
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(subject)
      .setIssuedAt(nowSec)
      .setExpirationTime(expSec)
      .sign(key);
    return { token, expiresAt: expSec * 1000 };
  };
  return {
    signAccess: (userId, role) => sign({ role, typ: 'access', jti: randomUUID() }, userId, ACCESS_TOKEN_TTL_MS),
    async verifyAccess(token) {
      let payload;
      try {
        ({ payload } = await jwtVerify(token, key, { algorithms: ['HS256'] }));
      } catch (error) {
        if (error instanceof errors.JWTExpired) throw new AppError('AUTH_TOKEN_EXPIRED', 'The access token has expired.');
        throw unauthenticated();
      }
      if (payload.typ !== 'access' || typeof payload.sub !== 'string' || typeof payload.exp !== 'number') {
        throw unauthenticated();
      }
      return payload as unknown as AccessClaims;
    },
    signCollab: (input) =>
      sign(
        { roomId: input.roomId, role: input.role, name: input.name, color: input.color, typ: COLLAB_TOKEN_TYP },
        input.userId,
        input.ttlMs ?? COLLAB_TOKEN_LIFETIME_MS,
      ),
  };
}

function unauthenticated(): AppError {
  return new AppError('AUTH_UNAUTHENTICATED', 'A valid access token is required.');
}
