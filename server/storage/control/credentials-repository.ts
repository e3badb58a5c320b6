import { randomUUID } from 'node:crypto';
import type { SqliteDatabase } from '../database.ts';

/** A refresh token looked up by its hash, with what rotation and reuse detection need. */
export interface RefreshTokenRecord {
  id: string;
  familyId: string;
  userId: string;
  expiresAt: number;
  usedAt: number | null;
  familyRevokedAt: number | null;
}

export interface PasswordResetRecord {
  id: string;
  userId: string;
  expiresAt: number;
  usedAt: number | null;
}

/**
 * Refresh-token families (rotation with reuse detection) and password-reset tokens. Secrets are never stored:
 * callers pass the SHA-256 of the token, so a database leak yields no usable token.
 */
export class CredentialsRepository {
  readonly #db: SqliteDatabase;

  constructor(db: SqliteDatabase) {
    this.#db = db;
  }

  createFamily(userId: string, now: number): string {
    const id = randomUUID();
    this.#db.prepare('INSERT INTO refresh_families (id, user_id, created_at) VALUES (?, ?, ?)').run(id, userId, now);
    return id;
  }

  insertRefreshToken(familyId: string, tokenHash: string, now: number, expiresAt: number): void {
    this.#db
      .prepare('INSERT INTO refresh_tokens (id, family_id, token_hash, created_at, expires_at) VALUES (?, ?, ?, ?, ?)')
      .run(randomUUID(), familyId, tokenHash, now, expiresAt);
  }

  findRefreshToken(tokenHash: string): RefreshTokenRecord | undefined {
    return this.#db
      .prepare(
        `SELECT t.id, t.family_id AS familyId, f.user_id AS userId, t.expires_at AS expiresAt, t.used_at AS usedAt,
                f.revoked_at AS familyRevokedAt
         FROM refresh_tokens t JOIN refresh_families f ON f.id = t.family_id WHERE t.token_hash = ?`,
      )
      .get(tokenHash) as RefreshTokenRecord | undefined;
  }

  /** Consumes a token; false when it was already consumed (a concurrent rotation lost the race). */
  markRefreshTokenUsed(id: string, now: number): boolean {
    return this.#db.prepare('UPDATE refresh_tokens SET used_at = ? WHERE id = ? AND used_at IS NULL').run(now, id).changes === 1;
  }

  revokeFamily(familyId: string, reason: string, now: number): void {
    this.#db
      .prepare('UPDATE refresh_families SET revoked_at = ?, revoke_reason = ? WHERE id = ? AND revoked_at IS NULL')
      .run(now, reason, familyId);
  }

  revokeAllFamilies(userId: string, reason: string, now: number): void {
    this.#db
      .prepare('UPDATE refresh_families SET revoked_at = ?, revoke_reason = ? WHERE user_id = ? AND revoked_at IS NULL')
      .run(now, reason, userId);
  }

  insertPasswordReset(userId: string, tokenHash: string, now: number, expiresAt: number): void {
    this.#db
      .prepare('INSERT INTO password_resets (id, user_id, token_hash, created_at, expires_at) VALUES (?, ?, ?, ?, ?)')
      .run(randomUUID(), userId, tokenHash, now, expiresAt);
  }

  findPasswordReset(tokenHash: string): PasswordResetRecord | undefined {
    return this.#db
      .prepare('SELECT id, user_id AS userId, expires_at AS expiresAt, used_at AS usedAt FROM password_resets WHERE token_hash = ?')
      .get(tokenHash) as PasswordResetRecord | undefined;
  }

  /** Uses up every outstanding reset token of the user; true when `id` was still unused. */
  consumePasswordResets(id: string, userId: string, now: number): boolean {
    const won = this.#db.prepare('UPDATE password_resets SET used_at = ? WHERE id = ? AND used_at IS NULL').run(now, id).changes === 1;
    this.#db.prepare('UPDATE password_resets SET used_at = ? WHERE user_id = ? AND used_at IS NULL').run(now, userId);
    return won;
  }
}
