// Bearer authentication for every non-public /v1 route; it runs before any other check of the handler.
import { AppError, type SupportedLanguage, type UserRole } from '../../protocol/index.ts';
import type { ApiContext } from '../../http/api-context.ts';
import { setRequestUser } from '../../http/request-scope.ts';
import type { UsersRepository } from '../../storage/control/users-repository.ts';
import type { AccessClaims, TokenSigner } from './tokens.ts';

/** The caller of an authenticated request, read fresh from the database on every request. */
export interface AuthUser {
  id: string;
  role: UserRole;
  displayName: string;
  email: string;
  avatarUrl: string | null;
  preferredLanguage: SupportedLanguage | null;
}

export interface Authenticator {
  /**
   * The authenticated caller, or throws: 401 AUTH_UNAUTHENTICATED (missing/malformed header, bad
   * signature, wrong `typ` — a collab token included — unknown or deleted user), 401 AUTH_TOKEN_EXPIRED,
   * 403 AUTH_ACCOUNT_BANNED (`details.reason`). Call it first in a handler: authentication comes before
   * not-found, permission and validation. Cached per request.
   */
  requireUser(ctx: ApiContext): Promise<AuthUser>;
  /** requireUser, then 403 ADMIN_FORBIDDEN unless `role === 'admin'`. */
  requireAdmin(ctx: ApiContext): Promise<AuthUser>;
  /** The user id a syntactically valid, correctly signed access token names, without other checks (rate-limit keys). */
  peekUserId(ctx: ApiContext): Promise<string | undefined>;
}

const BEARER = /^Bearer ([A-Za-z0-9._~+/-]+=*)$/;
const STATE_KEY = 'authUser';
/** Claims already verified by peekUserId (the rate limiter), so requireUser does not verify twice. */
const CLAIMS_KEY = 'accessClaims';

export function createAuthenticator(tokens: TokenSigner, users: UsersRepository): Authenticator {
  const bearer = (ctx: ApiContext): string | undefined => {
    const header = ctx.req.headers.authorization;
    return typeof header === 'string' ? BEARER.exec(header)?.[1] : undefined;
  };
  const requireUser = async (ctx: ApiContext): Promise<AuthUser> => {
    const cached = ctx.state[STATE_KEY] as AuthUser | undefined;
    if (cached) return cached;
    const token = bearer(ctx);
    if (!token) throw new AppError('AUTH_UNAUTHENTICATED', 'A bearer access token is required.');
    const claims = (ctx.state[CLAIMS_KEY] as AccessClaims | undefined) ?? (await tokens.verifyAccess(token));
    const user = await users.findById(claims.sub);
    if (!user || user.deletedAt !== null) throw new AppError('AUTH_UNAUTHENTICATED', 'A valid access token is required.');
    if (user.bannedAt !== null) {
      throw new AppError('AUTH_ACCOUNT_BANNED', 'This account is banned.', { reason: user.banReason ?? '' });
    }
    const authUser: AuthUser = {
      id: user.id,
      role: user.role,
      displayName: user.displayName,
      email: user.email,
      avatarUrl: user.avatarUrl,
      preferredLanguage: user.preferredLanguage,
    };
    ctx.state[STATE_KEY] = authUser;
    setRequestUser(user.id); // the access log line names the caller
    return authUser;
  };
  return {
    requireUser,
    async requireAdmin(ctx) {
      const user = await requireUser(ctx);
      if (user.role !== 'admin') throw new AppError('ADMIN_FORBIDDEN', 'This requires an administrator.');
      return user;
    },
    async peekUserId(ctx) {
      const token = bearer(ctx);
      if (!token) return undefined;
      try {
        const claims = await tokens.verifyAccess(token);
        ctx.state[CLAIMS_KEY] = claims;
        return claims.sub;
      } catch {
        return undefined;
      }
    },
  };
}
