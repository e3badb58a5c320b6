// The audit log: who did what to which user, room or problem, from which address. `record` never throws
// into the request that triggered it for a reason other than a broken database, and is awaited by the
// request, so the entry is committed before the answer goes out.
import { randomUUID } from 'node:crypto';
import type { SqlDatabase } from '../../storage/sql/index.ts';

/** Audited actions: the contract's minimum list plus our own; new actions are additive, never breaking for clients. */
export const AUDIT_ACTIONS = [
  'auth.login',
  'auth.login-failed',
  'auth.refresh-reuse',
  'auth.password-changed',
  'auth.password-reset',
  'user.deleted',
  'admin.user-updated',
  'admin.room-closed',
  'admin.bootstrap-created',
  'admin.bootstrap-promoted',
  'problem.created',
  'problem.updated',
  'problem.deleted',
  'room.created',
  'room.destroyed',
  'room.participant-kicked',
  'room.recording-started',
  'room.recording-stopped',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export type AuditActorType = 'user' | 'admin' | 'system';
export type AuditTargetType = 'user' | 'room' | 'problem' | 'session';

export interface AuditEntryInput {
  /** The acting user, or null for the system (e.g. reuse detection, auto-finish). */
  actorId: string | null;
  /** Defaults to `system` without an actor, else `user`. */
  actorType?: AuditActorType;
  targetType?: AuditTargetType | null;
  targetId?: string | null;
  ip?: string | null;
  details?: Record<string, unknown>;
}

/** One AuditLogEntry, with `at` as epoch ms (routes convert). */
export interface AuditRecord {
  id: string;
  at: number;
  actorId: string | null;
  actorType: AuditActorType;
  action: string;
  targetType: AuditTargetType | null;
  targetId: string | null;
  ip: string | null;
  details: Record<string, unknown>;
}

export interface AuditRow {
  id: string;
  at: number;
  actor_id: string | null;
  actor_type: AuditActorType;
  action: string;
  target_type: AuditTargetType | null;
  target_id: string | null;
  ip: string | null;
  details: string;
}

export function toAuditRecord(row: AuditRow): AuditRecord {
  return {
    id: row.id,
    at: row.at,
    actorId: row.actor_id,
    actorType: row.actor_type,
    action: row.action,
    targetType: row.target_type,
    targetId: row.target_id,
    ip: row.ip,
    details: JSON.parse(row.details) as Record<string, unknown>,
  };
}

export class AuditLog {
  readonly #db: SqlDatabase;

  constructor(db: SqlDatabase) {
    this.#db = db;
  }

  /** Writes one entry, e.g. `await audit.record('room.created', { actorId: user.id, targetType: 'room', targetId, ip: ctx.ip })`. */
  async record(action: AuditAction, entry: AuditEntryInput, now = Date.now()): Promise<AuditRecord> {
    const record: AuditRecord = {
      id: randomUUID(),
      at: now,
      actorId: entry.actorId,
      actorType: entry.actorType ?? (entry.actorId === null ? 'system' : 'user'),
      action,
      targetType: entry.targetType ?? null,
      targetId: entry.targetId ?? null,
      ip: entry.ip ?? null,
      details: entry.details ?? {},
    };
    await this.#db.run(
      `INSERT INTO audit_log (id, at, actor_id, actor_type, action, target_type, target_id, ip, details)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        record.id,
        record.at,
        record.actorId,
        record.actorType,
        record.action,
        record.targetType,
        record.targetId,
        record.ip,
        JSON.stringify(record.details),
      ],
    );
    return record;
  }

  /** The newest entries about one user (as actor or target), newest first. */
  async recentForUser(userId: string, limit: number): Promise<AuditRecord[]> {
    const rows = await this.#db.all<AuditRow>('SELECT * FROM audit_log WHERE actor_id = ? OR target_id = ? ORDER BY at DESC, id DESC LIMIT ?', [
      userId,
      userId,
      limit,
    ]);
    return rows.map(toAuditRecord);
  }

  /** How many `action` entries `actorId` caused since `sinceMs` (e.g. rooms created today, for quota usage). */
  async countByActorSince(action: AuditAction, actorId: string, sinceMs: number): Promise<number> {
    const row = await this.#db.get<{ n: number }>('SELECT COUNT(*) AS n FROM audit_log WHERE action = ? AND actor_id = ? AND at >= ?', [
      action,
      actorId,
      sinceMs,
    ]);
    return row!.n;
  }
}
