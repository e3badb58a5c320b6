import type { SqlDatabase, SqlValue } from '../sql/index.ts';
import type { SupportedLanguage, UserRole } from '../../protocol/index.ts';

/** One account as stored. Instants are epoch ms. `deletedAt` set = soft-deleted (email stays reserved). */
export interface UserRecord {
  id: string;
  email: string;
  passwordHash: string;
  displayName: string;
  avatarUrl: string | null;
  bio: string | null;
  preferredLanguage: SupportedLanguage | null;
  role: UserRole;
  bannedAt: number | null;
  banReason: string | null;
  deletedAt: number | null;
  lastLoginAt: number | null;
  createdAt: number;
  updatedAt: number;
}

interface UserRow {
  id: string;
  email: string;
  password_hash: string;
  display_name: string;
  avatar_url: string | null;
  bio: string | null;
  preferred_language: SupportedLanguage | null;
  role: UserRole;
  banned_at: number | null;
  ban_reason: string | null;
  deleted_at: number | null;
  last_login_at: number | null;
  created_at: number;
  updated_at: number;
}

export function toUserRecord(row: UserRow): UserRecord {
  return {
    id: row.id,
    email: row.email,
    passwordHash: row.password_hash,
    displayName: row.display_name,
    avatarUrl: row.avatar_url,
    bio: row.bio,
    preferredLanguage: row.preferred_language,
    role: row.role,
    bannedAt: row.banned_at,
    banReason: row.ban_reason,
    deletedAt: row.deleted_at,
    lastLoginAt: row.last_login_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export interface ProfilePatch {
  displayName?: string;
  bio?: string | null;
  avatarUrl?: string | null;
  preferredLanguage?: SupportedLanguage | null;
}

/** The users table. Lookups by email expect the normalized (trimmed, lowercased) form. */
export class UsersRepository {
  readonly #db: SqlDatabase;

  constructor(db: SqlDatabase) {
    this.#db = db;
  }

  async findById(id: string): Promise<UserRecord | undefined> {
    const row = await this.#db.get<UserRow>('SELECT * FROM users WHERE id = ?', [id]);
    return row && toUserRecord(row);
  }

  async findByEmail(email: string): Promise<UserRecord | undefined> {
    const row = await this.#db.get<UserRow>('SELECT * FROM users WHERE email = ?', [email]);
    return row && toUserRecord(row);
  }

  /** The new account, or undefined when the email is already taken (the UNIQUE constraint decides races). */
  async insert(user: Pick<UserRecord, 'id' | 'email' | 'passwordHash' | 'displayName' | 'role'>, now: number): Promise<UserRecord | undefined> {
    const { changes } = await this.#db.run(
      `INSERT INTO users (id, email, password_hash, display_name, role, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
      [user.id, user.email, user.passwordHash, user.displayName, user.role, now, now],
    );
    return changes === 1 ? this.findById(user.id) : undefined;
  }

  async updateProfile(id: string, patch: ProfilePatch, now: number): Promise<void> {
    const sets: string[] = [];
    const params: SqlValue[] = [];
    const column = { displayName: 'display_name', bio: 'bio', avatarUrl: 'avatar_url', preferredLanguage: 'preferred_language' } as const;
    for (const key of Object.keys(column) as (keyof ProfilePatch)[]) {
      const value = patch[key];
      if (value === undefined) continue;
      sets.push(`${column[key]} = ?`);
      params.push(value);
    }
    sets.push('updated_at = ?');
    await this.#db.run(`UPDATE users SET ${sets.join(', ')} WHERE id = ?`, [...params, now, id]);
  }

  async setPasswordHash(id: string, passwordHash: string, now: number): Promise<void> {
    await this.#db.run('UPDATE users SET password_hash = ?, updated_at = ? WHERE id = ?', [passwordHash, now, id]);
  }

  async setLastLogin(id: string, now: number): Promise<void> {
    await this.#db.run('UPDATE users SET last_login_at = ? WHERE id = ?', [now, id]);
  }

  async setRole(id: string, role: UserRole, now: number): Promise<void> {
    await this.#db.run('UPDATE users SET role = ?, updated_at = ? WHERE id = ?', [role, now, id]);
  }

  /** `reason: null` lifts a ban. */
  async setBan(id: string, reason: string | null, now: number): Promise<void> {
    await this.#db.run('UPDATE users SET banned_at = ?, ban_reason = ?, updated_at = ? WHERE id = ?', [reason === null ? null : now, reason, now, id]);
  }

  async softDelete(id: string, now: number): Promise<void> {
    await this.#db.run('UPDATE users SET deleted_at = ?, updated_at = ? WHERE id = ?', [now, now, id]);
  }

  /**
   * AdminDashboard.users. "Active" = was issued a token pair (sign-in, registration or refresh) in the last
   * 24 h: access tokens live 15 minutes, so anyone using the app refreshes well within that.
   */
  async counts(now: number): Promise<{ total: number; banned: number; activeLast24h: number; newLast7d: number }> {
    const day = 24 * 3600 * 1000;
    const row = await this.#db.get<{ total: number; banned: number; activeLast24h: number; newLast7d: number }>(
      `SELECT COUNT(*) AS total,
              COALESCE(SUM(CASE WHEN banned_at IS NOT NULL THEN 1 ELSE 0 END), 0) AS banned,
              COALESCE(SUM(CASE WHEN id IN (SELECT f.user_id FROM refresh_tokens t JOIN refresh_families f ON f.id = t.family_id
                                            WHERE t.created_at >= ?) THEN 1 ELSE 0 END), 0) AS "activeLast24h",
              COALESCE(SUM(CASE WHEN created_at >= ? THEN 1 ELSE 0 END), 0) AS "newLast7d"
       FROM users WHERE deleted_at IS NULL`,
      [now - day, now - 7 * day],
    );
    return row!;
  }
}
