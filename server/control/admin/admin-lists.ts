// The two admin list queries (users, audit log): the filters of GET /v1/admin/users and /v1/admin/audit-logs,
// newest first, keyset-paged.
import type * as z from 'zod';
import type { zAdminUsersQuery, zAuditLogQuery, AdminUserEntry, AuditLogEntry } from '../../protocol/api/admin.ts';
import type { SqlExecutor } from '../../storage/sql/index.ts';
import { toUserRecord, type UserRecord } from '../../storage/control/users-repository.ts';
import { toAuditRecord, type AuditRecord, type AuditRow } from '../audit/audit-log.ts';
import type { Page } from '../../protocol/api/common.ts';
import { keysetAfter, orderBy, toPage, type CursorCodec, type SortColumn } from '../../pagination.ts';
import { toTimestamp, toTimestampOrNull } from '../../protocol/timestamps.ts';

const USER_ORDER: SortColumn[] = [
  { sql: 'created_at', direction: 'DESC' },
  { sql: 'id', direction: 'DESC' },
];
const AUDIT_ORDER: SortColumn[] = [
  { sql: 'at', direction: 'DESC' },
  { sql: 'id', direction: 'DESC' },
];

function likePattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export function toAdminUserEntry(u: UserRecord): AdminUserEntry {
  return {
    id: u.id,
    email: u.email,
    displayName: u.displayName,
    role: u.role,
    banned: u.bannedAt !== null,
    createdAt: toTimestamp(u.createdAt),
    lastLoginAt: toTimestampOrNull(u.lastLoginAt),
    deletedAt: toTimestampOrNull(u.deletedAt),
  };
}

export function toAuditLogEntry(r: AuditRecord): AuditLogEntry {
  return { ...r, at: toTimestamp(r.at) };
}

export async function listAdminUsers(db: SqlExecutor, cursors: CursorCodec, query: z.output<typeof zAdminUsersQuery>): Promise<Page<AdminUserEntry>> {
  const where: string[] = [];
  const params: (string | number)[] = [];
  if (query.q) {
    where.push(`(LOWER(email) LIKE LOWER(?) ESCAPE '\\' OR LOWER(display_name) LIKE LOWER(?) ESCAPE '\\')`);
    params.push(likePattern(query.q), likePattern(query.q));
  }
  if (query.role) {
    where.push('role = ?');
    params.push(query.role);
  }
  if (query.banned !== undefined) where.push(`banned_at IS ${query.banned ? 'NOT ' : ''}NULL`);
  if (query.deleted !== undefined) where.push(`deleted_at IS ${query.deleted ? 'NOT ' : ''}NULL`);
  if (query.cursor) {
    const k = keysetAfter(USER_ORDER, cursors.decode('admin.users', query.cursor, ['number', 'string']));
    where.push(k.sql);
    params.push(...k.params);
  }
  const rows = await db.all<Parameters<typeof toUserRecord>[0]>(
    `SELECT * FROM users ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY ${orderBy(USER_ORDER)} LIMIT ?`,
    [...params, query.limit + 1],
  );
  return toPage(rows.map(toUserRecord), query.limit, cursors, 'admin.users', (u) => [u.createdAt, u.id], toAdminUserEntry);
}

export async function listAuditLog(db: SqlExecutor, cursors: CursorCodec, query: z.output<typeof zAuditLogQuery>): Promise<Page<AuditLogEntry>> {
  const where: string[] = [];
  const params: (string | number)[] = [];
  const equal = { actor_id: query.actorId, action: query.action, target_type: query.targetType, target_id: query.targetId };
  for (const [column, value] of Object.entries(equal)) {
    if (value === undefined) continue;
    where.push(`${column} = ?`);
    params.push(value);
  }
  if (query.from) {
    where.push('at >= ?');
    params.push(Date.parse(query.from));
  }
  if (query.to) {
    where.push('at < ?');
    params.push(Date.parse(query.to));
  }
  if (query.cursor) {
    const k = keysetAfter(AUDIT_ORDER, cursors.decode('admin.audit', query.cursor, ['number', 'string']));
    where.push(k.sql);
    params.push(...k.params);
  }
  const rows = await db.all<AuditRow>(
    `SELECT * FROM audit_log ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY ${orderBy(AUDIT_ORDER)} LIMIT ?`,
    [...params, query.limit + 1],
  );
  return toPage(rows.map(toAuditRecord), query.limit, cursors, 'admin.audit', (r) => [r.at, r.id], toAuditLogEntry);
}
