import type { SqliteDatabase } from '../database.ts';
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
  readonly #db: SqliteDatabase;

  constructor(db: SqliteDatabase) {
    this.#db = db;
  }

  findById(id: string): UserRecord | undefined {
    const row = this.#db.prepare('SELECT * FROM users WHERE id = ?').get(id) as UserRow | undefined;
    return row && toUserRecord(row);
  }

  findByEmail(email: string): UserRecord | undefined {
    const row = this.#db.prepare('SELECT * FROM users WHERE email = ?').get(email) as UserRow | undefined;
    return row && toUserRecord(row);
  }

  insert(user: Pick<UserRecord, 'id' | 'email' | 'passwordHash' | 'displayName' | 'role'>, now: number): UserRecord {
    this.#db
      .prepare(
        `INSERT INTO users (id, email, password_hash, display_name, role, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(user.id, user.email, user.passwordHash, user.displayName, user.role, now, now);
    return this.findById(user.id)!;
  }

  updateProfile(id: string, patch: ProfilePatch, now: number): void {
    const sets: string[] = [];
    const params: unknown[] = [];
    const column = { displayName: 'display_name', bio: 'bio', avatarUrl: 'avatar_url', preferredLanguage: 'preferred_language' } as const;
    for (const key of Object.keys(column) as (keyof ProfilePatch)[]) {
      if (patch[key] === undefined) continue;
      sets.push(`${column[key]} = ?`);
      params.push(patch[key]);
    }
    sets.push('updated_at = ?');
    this.#db.prepare(`UPDATE users SET ${sets.join(', ')} WHERE id = ?`).run(...params, now, id);
  }

  setPasswordHash(id: string, passwordHash: string, now: number): void {
    this.#db.prepare('UPDATE users SET password_hash = ?, updated_at = ? WHERE id = ?').run(passwordHash, now, id);
  }

  setLastLogin(id: string, now: number): void {
    this.#db.prepare('UPDATE users SET last_login_at = ? WHERE id = ?').run(now, id);
  }

  setRole(id: string, role: UserRole, now: number): void {
    this.#db.prepare('UPDATE users SET role = ?, updated_at = ? WHERE id = ?').run(role, now, id);
  }

  /** `reason: null` lifts a ban. */
  setBan(id: string, reason: string | null, now: number): void {
    this.#db
      .prepare('UPDATE users SET banned_at = ?, ban_reason = ?, updated_at = ? WHERE id = ?')
      .run(reason === null ? null : now, reason, now, id);
  }

  softDelete(id: string, now: number): void {
    this.#db.prepare('UPDATE users SET deleted_at = ?, updated_at = ? WHERE id = ?').run(now, now, id);
  }

  /**
   * AdminDashboard.users. "Active" = was issued a token pair (sign-in, registration or refresh) in the last
   * 24 h: access tokens live 15 minutes, so anyone using the app refreshes well within that.
   */
  counts(now: number): { total: number; banned: number; activeLast24h: number; newLast7d: number } {
    const day = 24 * 3600 * 1000;
    return this.#db
      .prepare(
        `SELECT COUNT(*) AS total,
                COALESCE(SUM(banned_at IS NOT NULL), 0) AS banned,
                COALESCE(SUM(id IN (SELECT f.user_id FROM refresh_tokens t JOIN refresh_families f ON f.id = t.family_id
                                    WHERE t.created_at >= ?)), 0) AS activeLast24h,
                COALESCE(SUM(created_at >= ?), 0) AS newLast7d
         FROM users WHERE deleted_at IS NULL`,
      )
      .get(now - day, now - 7 * day) as { total: number; banned: number; activeLast24h: number; newLast7d: number };
  }
}
