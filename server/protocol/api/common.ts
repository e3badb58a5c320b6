// Shared zod building blocks of the REST contract: the type notation (uuid, timestamp, email,
// bounded strings), Page<T>, ErrorResponse and the shared enums. Every request schema is validated with
// these on the server, and the renderer's API client takes its types from z.infer of the same schemas.
import * as z from 'zod';
import {
  DIFFICULTIES,
  JOB_STATUSES,
  ROOM_MODES,
  ROOM_ROLES,
  ROOM_STATUSES,
  SUPPORTED_LANGUAGES,
  USER_ROLES,
} from '../enums.ts';

/** Lowercase canonical UUID (the server only generates v4, but any lowercase UUID is accepted as input). */
export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID_PATTERN.test(value);
}

export const zUuid = z.string().regex(UUID_PATTERN, 'must be a lowercase UUID');
/** RFC 3339 UTC with milliseconds; on input any offset is accepted and normalized by the handler. */
export const zTimestamp = z.iso.datetime({ offset: true });
export const zUrl = z.url();
export const zSupportedLanguage = z.enum(SUPPORTED_LANGUAGES);
export const zDifficulty = z.enum(DIFFICULTIES);
export const zUserRole = z.enum(USER_ROLES);
export const zRoomStatus = z.enum(ROOM_STATUSES);
export const zRoomMode = z.enum(ROOM_MODES);
export const zRoomRole = z.enum(ROOM_ROLES);
export const zJobStatus = z.enum(JOB_STATUSES);

/** Query booleans are the literal strings `true` / `false`. */
export const zQueryBoolean = z.enum(['true', 'false']).transform((v) => v === 'true');

/** `?limit=` of a paged endpoint: integer 1..max, default 20 unless the route says otherwise. */
export function zLimit(max = 100, fallback = 20) {
  return z
    .string()
    .regex(/^\d+$/, 'must be an integer')
    .transform(Number)
    .pipe(z.number().int().min(1).max(max))
    .optional()
    .transform((v) => v ?? fallback);
}

export const zPageQuery = z.object({ limit: zLimit(), cursor: z.string().min(1).optional() });

/** One page of a list: `nextCursor` is null on the last page. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export function zPage<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}

export const zErrorResponse = z.object({
  code: z.string(),
  message: z.string(),
  details: z.record(z.string(), z.unknown()).optional(),
  requestId: z.string(),
});

export const zEmpty = z.object({});

export const zJobAccepted = z.object({ id: zUuid, status: zJobStatus, pollUrl: z.string() });
