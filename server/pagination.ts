// Opaque keyset cursors of every paged list (REST lists and the execution plane's run/submission lists).
// A cursor is the sort key of the last item of a page, HMAC-signed and bound to a scope (one per list,
// e.g. `admin.users`), so a malformed, tampered or foreign cursor (one minted by another list) is refused
// with VALIDATION_FAILED instead of silently returning a wrong page. Keyset (not offset) pages stay stable
// while rows are inserted.
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Page } from './protocol/api/common.ts';
import { validationFailed } from './protocol/validation.ts';

/** The sort key of one row: the values of the ORDER BY columns, last one a unique tiebreaker (the id). */
export type CursorKey = readonly (string | number)[];

export interface CursorCodec {
  encode(scope: string, key: CursorKey): string;
  /**
   * Returns the key, or throws VALIDATION_FAILED (`path: "cursor"`). With `shape`, the key must have exactly
   * those element types (e.g. `['number', 'string']` for [createdAt, id]).
   */
  decode(scope: string, cursor: string, shape?: readonly ('string' | 'number')[]): CursorKey;
}

export function createCursorCodec(secret: string): CursorCodec {
  const sign = (scope: string, payload: string): Buffer =>
    createHmac('sha256', secret).update(`cursor\0${scope}\0${payload}`).digest().subarray(0, 16);
  const invalid = () => validationFailed([{ path: 'cursor', message: 'is malformed or belongs to another list' }]);
  return {
    encode(scope, key) {
      const payload = Buffer.from(JSON.stringify(key)).toString('base64url');
      return `${payload}.${sign(scope, payload).toString('base64url')}`;
    },
    decode(scope, cursor, shape) {
      const [payload, mac, extra] = cursor.split('.');
      if (!payload || !mac || extra !== undefined) throw invalid();
      const given = Buffer.from(mac, 'base64url');
      const expected = sign(scope, payload);
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw invalid();
      const key: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
      if (!Array.isArray(key) || !key.every((v) => typeof v === 'string' || typeof v === 'number')) throw invalid();
      if (shape && (key.length !== shape.length || key.some((v, i) => typeof v !== shape[i]))) throw invalid();
      return key as CursorKey;
    },
  };
}

/**
 * Builds a page from `limit + 1` fetched rows: the extra row only says that another page exists.
 * `keyOf` returns the row's sort key (same columns as the query's ORDER BY).
 */
export function toPage<R, T>(
  rows: R[],
  limit: number,
  codec: CursorCodec,
  scope: string,
  keyOf: (row: R) => CursorKey,
  map: (row: R) => T,
): Page<T> {
  const more = rows.length > limit;
  const kept = more ? rows.slice(0, limit) : rows;
  const last = kept[kept.length - 1];
  return {
    items: kept.map(map),
    nextCursor: more && last !== undefined ? codec.encode(scope, keyOf(last)) : null,
  };
}

/** toPage for rows whose item view reads storage (`map` resolves); the views are read concurrently. */
export async function toPageAsync<R, T>(
  rows: R[],
  limit: number,
  codec: CursorCodec,
  scope: string,
  keyOf: (row: R) => CursorKey,
  map: (row: R) => Promise<T>,
): Promise<Page<T>> {
  const page = toPage(rows, limit, codec, scope, keyOf, map);
  return { items: await Promise.all(page.items), nextCursor: page.nextCursor };
}

export interface SortColumn {
  /** SQL expression, trusted (never from input). */
  sql: string;
  direction: 'ASC' | 'DESC';
}

/**
 * The keyset condition "row comes after `key`" for an ORDER BY over `columns`, e.g. for
 * `created_at DESC, id DESC`: `(created_at < ? OR (created_at = ? AND id < ?))`. A key of the wrong
 * shape is a foreign cursor → VALIDATION_FAILED.
 */
export function keysetAfter(columns: readonly SortColumn[], key: CursorKey): { sql: string; params: (string | number)[] } {
  if (key.length !== columns.length) throw validationFailed([{ path: 'cursor', message: 'belongs to another list' }]);
  const ors: string[] = [];
  const params: (string | number)[] = [];
  for (let i = 0; i < columns.length; i++) {
    const ands: string[] = [];
    for (let j = 0; j < i; j++) {
      ands.push(`${columns[j]!.sql} = ?`);
      params.push(key[j]!);
    }
    ands.push(`${columns[i]!.sql} ${columns[i]!.direction === 'ASC' ? '>' : '<'} ?`);
    params.push(key[i]!);
    ors.push(`(${ands.join(' AND ')})`);
  }
  return { sql: `(${ors.join(' OR ')})`, params };
}

/** `ORDER BY` clause text for the same columns. */
export function orderBy(columns: readonly SortColumn[]): string {
  return columns.map((c) => `${c.sql} ${c.direction}`).join(', ');
}
