import { randomUUID } from 'node:crypto';
import type { SqlDatabase } from '../sql/index.ts';

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
  readonly #db: SqlDatabase;

  constructor(db: SqlDatabase) {
    this.#db = db;
  }

  async createFamily(userId: string, now: number): Promise<string> {
    const id = randomUUID();
    await this.#db.run('INSERT INTO refresh_families (id, user_id, created_at) VALUES (?, ?, ?)', [id, userId, now]);
    return id;
  }

  async insertRefreshToken(familyId: string, tokenHash: string, now: number, expiresAt: number): Promise<void> {
    const sql = 'INSERT INTO refresh_tokens (id, family_id, token_hash, created_at, expires_at) VALUES (?, ?, ?, ?, ?)';
    await this.#db.run(sql, [randomUUID(), familyId, tokenHash, now, expiresAt]);
  }

  findRefreshToken(tokenHash: string): Promise<RefreshTokenRecord | undefined> {
    return this.#db.get(
      `SELECT t.id, t.family_id AS "familyId", f.user_id AS "userId", t.expires_at AS "expiresAt", t.used_at AS "usedAt",
              f.revoked_at AS "familyRevokedAt"
       FROM refresh_tokens t JOIN refresh_families f ON f.id = t.family_id WHERE t.token_hash = ?`,
      [tokenHash],
    );
  }

  /** Consumes a token; false when it was already consumed (a concurrent rotation lost the race). */
  async markRefreshTokenUsed(id: string, now: number): Promise<boolean> {
    return (await this.#db.run('UPDATE refresh_tokens SET used_at = ? WHERE id = ? AND used_at IS NULL', [now, id])).changes === 1;
  }

  async revokeFamily(familyId: string, reason: string, now: number): Promise<void> {
    await this.#db.run('UPDATE refresh_families SET revoked_at = ?, revoke_reason = ? WHERE id = ? AND revoked_at IS NULL', [now, reason, familyId]);
  }

  async revokeAllFamilies(userId: string, reason: string, now: number): Promise<void> {
    await this.#db.run('UPDATE refresh_families SET revoked_at = ?, revoke_reason = ? WHERE user_id = ? AND revoked_at IS NULL', [now, reason, userId]);
  }

  async insertPasswordReset(userId: string, tokenHash: string, now: number, expiresAt: number): Promise<void> {
    const sql = 'INSERT INTO password_resets (id, user_id, token_hash, created_at, expires_at) VALUES (?, ?, ?, ?, ?)';
    await this.#db.run(sql, [randomUUID(), userId, tokenHash, now, expiresAt]);
  }

  /** Reset tokens issued to the user since `since` (used or not). */
  async countPasswordResetsSince(userId: string, since: number): Promise<number> {
    const row = await this.#db.get<{ n: number }>('SELECT COUNT(*) AS n FROM password_resets WHERE user_id = ? AND created_at >= ?', [userId, since]);
    return Number(row?.n ?? 0);
  }

  findPasswordReset(tokenHash: string): Promise<PasswordResetRecord | undefined> {
    return this.#db.get('SELECT id, user_id AS "userId", expires_at AS "expiresAt", used_at AS "usedAt" FROM password_resets WHERE token_hash = ?', [
      tokenHash,
    ]);
  }

  /** Uses up every outstanding reset token of the user; true when `id` was still unused. */
  async consumePasswordResets(id: string, userId: string, now: number): Promise<boolean> {
    const won = (await this.#db.run('UPDATE password_resets SET used_at = ? WHERE id = ? AND used_at IS NULL', [now, id])).changes === 1;
    await this.#db.run('UPDATE password_resets SET used_at = ? WHERE user_id = ? AND used_at IS NULL', [now, userId]);
    return won;
  }
}
