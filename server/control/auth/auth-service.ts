// Account credentials: access/refresh token pairs, refresh rotation with reuse detection,
// password change and reset. Routes (auth-routes.ts) only validate input and call these.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { AppError } from '../../protocol/index.ts';
import type { AuthTokens } from '../../protocol/api/auth.ts';
import { CredentialsRepository } from '../../storage/control/credentials-repository.ts';
import type { UserRecord } from '../../storage/control/users-repository.ts';
import type { AuthServiceDeps } from '../context.ts';
import { toTimestamp } from '../../protocol/timestamps.ts';
import { toUserProfile } from '../users/user-views.ts';
import { createDecoyHash, hashPassword, verifyPassword } from './passwords.ts';

export const REFRESH_TOKEN_TTL_MS = 30 * 24 * 3600 * 1000;
export const RESET_TOKEN_TTL_MS = 3600 * 1000;
const HOUR_MS = 3600 * 1000;
/** Reset emails one account may be sent in an hour (each link works for that hour anyway). */
export const RESET_EMAILS_PER_HOUR = 3;

/** 256 random bits, base64url: refresh and reset tokens. */
function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('base64url');
}

const invalidRefresh = () => new AppError('AUTH_REFRESH_INVALID', 'The refresh token is not valid.');

function bannedError(user: UserRecord): AppError {
  return new AppError('AUTH_ACCOUNT_BANNED', 'This account is banned.', { reason: user.banReason ?? '' });
}

export class AuthService {
  readonly #ctx: AuthServiceDeps;
  readonly #credentials: CredentialsRepository;
  #decoy: Promise<string> | undefined;

  constructor(ctx: AuthServiceDeps) {
    this.#ctx = ctx;
    this.#credentials = new CredentialsRepository(ctx.sql);
  }

  /** A new access token and a refresh token in `familyId`, or in a new family (a new login). */
  async issueTokens(user: UserRecord, familyId?: string): Promise<AuthTokens> {
    const now = Date.now();
    const family = familyId ?? (await this.#credentials.createFamily(user.id, now));
    const refreshToken = newSecret();
    const refreshExpiresAt = now + REFRESH_TOKEN_TTL_MS;
    await this.#credentials.insertRefreshToken(family, hashSecret(refreshToken), now, refreshExpiresAt);
    const access = await this.#ctx.tokens.signAccess(user.id, user.role);
    return {
      accessToken: access.token,
      accessTokenExpiresAt: toTimestamp(access.expiresAt),
      refreshToken,
      refreshTokenExpiresAt: toTimestamp(refreshExpiresAt),
      user: toUserProfile(user),
    };
  }

  async register(input: { email: string; password: string; displayName: string }): Promise<AuthTokens> {
    if (await this.#ctx.users.findByEmail(input.email)) throw emailTaken();
    const passwordHash = await hashPassword(input.password);
    // Undefined when another registration raced past the check above: the UNIQUE constraint decided.
    const user = await this.#ctx.users.insert(
      { id: randomUUID(), email: input.email, passwordHash, displayName: input.displayName, role: 'user' },
      Date.now(),
    );
    if (!user) throw emailTaken();
    return this.issueTokens(user);
  }

  /** Unknown email, wrong password and deleted account are indistinguishable, in answer and in time. */
  async login(input: { email: string; password: string }, ip: string): Promise<AuthTokens> {
    const user = await this.#ctx.users.findByEmail(input.email);
    const usable = user && user.deletedAt === null ? user : undefined;
    this.#decoy ??= createDecoyHash();
    const ok = await verifyPassword(input.password, usable ? usable.passwordHash : await this.#decoy);
    if (!usable || !ok) {
      await this.#ctx.audit.record('auth.login-failed', {
        actorId: null,
        targetType: usable ? 'user' : null,
        targetId: usable?.id ?? null,
        ip,
        details: { email: input.email },
      });
      throw new AppError('AUTH_INVALID_CREDENTIALS', 'The email or password is wrong.');
    }
    if (usable.bannedAt !== null) throw bannedError(usable);
    const now = Date.now();
    await this.#ctx.users.setLastLogin(usable.id, now);
    await this.#ctx.audit.record('auth.login', { actorId: usable.id, targetType: 'user', targetId: usable.id, ip });
    return this.issueTokens({ ...usable, lastLoginAt: now });
  }

  /**
   * Rotation: the presented token is consumed and a new pair is issued in the same family. A token of
   * a revoked family, or an expired or unknown one → AUTH_REFRESH_INVALID; an already-rotated token of a
   * live family → the family is revoked, `auth.refresh-reuse` is audited, AUTH_REFRESH_REUSED.
   */
  async refresh(refreshToken: string, ip: string): Promise<AuthTokens> {
    const record = await this.#credentials.findRefreshToken(hashSecret(refreshToken));
    const now = Date.now();
    if (!record || record.familyRevokedAt !== null || record.expiresAt <= now) throw invalidRefresh();
    if (record.usedAt !== null || !(await this.#credentials.markRefreshTokenUsed(record.id, now))) {
      await this.#credentials.revokeFamily(record.familyId, 'reuse', now);
      await this.#ctx.audit.record('auth.refresh-reuse', {
        actorId: null,
        targetType: 'user',
        targetId: record.userId,
        ip,
        details: { familyId: record.familyId },
      });
      throw new AppError('AUTH_REFRESH_REUSED', 'This refresh token was already used; sign in again.');
    }
    const user = await this.#ctx.users.findById(record.userId);
    if (!user || user.deletedAt !== null) throw invalidRefresh();
    if (user.bannedAt !== null) throw bannedError(user);
    return this.issueTokens(user, record.familyId);
  }

  /** Revokes the token's family; unknown or revoked tokens are fine (204 either way). */
  async logout(refreshToken: string): Promise<void> {
    const record = await this.#credentials.findRefreshToken(hashSecret(refreshToken));
    if (record) await this.#credentials.revokeFamily(record.familyId, 'logout', Date.now());
  }

  /** Every refresh family of the user (password change/reset, ban, deletion). */
  async revokeAllSessions(userId: string, reason: string): Promise<void> {
    await this.#credentials.revokeAllFamilies(userId, reason, Date.now());
  }

  /** Throws AUTH_WRONG_PASSWORD unless `password` is the user's current password. */
  async checkPassword(userId: string, password: string): Promise<UserRecord> {
    const user = await this.#ctx.users.findById(userId);
    if (!user || !(await verifyPassword(password, user.passwordHash))) {
      throw new AppError('AUTH_WRONG_PASSWORD', 'The password is wrong.');
    }
    return user;
  }

  async changePassword(userId: string, currentPassword: string, newPassword: string, ip: string): Promise<AuthTokens> {
    const user = await this.checkPassword(userId, currentPassword);
    const now = Date.now();
    await this.#ctx.users.setPasswordHash(user.id, await hashPassword(newPassword), now);
    await this.revokeAllSessions(user.id, 'password-changed');
    await this.#ctx.audit.record('auth.password-changed', { actorId: user.id, targetType: 'user', targetId: user.id, ip });
    return this.issueTokens((await this.#ctx.users.findById(user.id))!);
  }

  /**
   * Creates a 1-hour single-use reset token and mails it when a mailer (SMTP) is configured. Without one
   * nothing is sent. The caller answers the same in every case, so nobody learns which emails have accounts.
   * At most RESET_EMAILS_PER_HOUR go to one account in an hour: the per-IP rate limit alone would let anyone
   * with a few IP addresses flood someone's inbox (and the sender's reputation) with reset emails.
   */
  async requestPasswordReset(email: string): Promise<void> {
    const mailer = this.#ctx.mailer;
    const user = await this.#ctx.users.findByEmail(email);
    if (!mailer || !user || user.deletedAt !== null) return;
    const now = Date.now();
    if ((await this.#credentials.countPasswordResetsSince(user.id, now - HOUR_MS)) >= RESET_EMAILS_PER_HOUR) {
      this.#ctx.log.info('password reset email not sent: the hourly allowance of this account is used', { userId: user.id });
      return;
    }
    const token = newSecret();
    await this.#credentials.insertPasswordReset(user.id, hashSecret(token), now, now + RESET_TOKEN_TTL_MS);
    mailer
      .sendPasswordReset({ to: user.email, token, expiresAt: toTimestamp(now + RESET_TOKEN_TTL_MS) })
      .catch((error: unknown) => this.#ctx.log.warn('password reset email failed', { error: String(error) }));
  }

  async resetPassword(token: string, newPassword: string, ip: string): Promise<void> {
    const record = await this.#credentials.findPasswordReset(hashSecret(token));
    const now = Date.now();
    const user = record && (await this.#ctx.users.findById(record.userId));
    const invalid = () => new AppError('AUTH_RESET_TOKEN_INVALID', 'The reset token is invalid, expired or used.');
    if (!record || !user || user.deletedAt !== null || record.usedAt !== null || record.expiresAt <= now) throw invalid();
    const passwordHash = await hashPassword(newPassword);
    if (!(await this.#credentials.consumePasswordResets(record.id, user.id, Date.now()))) throw invalid();
    await this.#ctx.users.setPasswordHash(user.id, passwordHash, Date.now());
    await this.revokeAllSessions(user.id, 'password-reset');
    await this.#ctx.audit.record('auth.password-reset', { actorId: user.id, targetType: 'user', targetId: user.id, ip });
  }
}

function emailTaken(): AppError {
  return new AppError('AUTH_EMAIL_TAKEN', 'An account with this email already exists.');
}
