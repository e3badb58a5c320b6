// Input validation: every violation becomes 400 VALIDATION_FAILED with `details.fields: [{ path, message }]`,
// one entry per violation. Unknown fields are ignored (zod objects strip them), so clients may send more
// than a handler reads. Used by the REST routes and by the collab plane's internal API alike.
import type * as z from 'zod';
import { AppError } from './error-codes.ts';

export interface FieldViolation {
  path: string;
  message: string;
}

/** The VALIDATION_FAILED error listing the given violations (the caller throws it). */
export function validationFailed(fields: FieldViolation[], message = 'The request is invalid.'): AppError {
  return new AppError('VALIDATION_FAILED', message, { fields });
}

/** Parses `value` or throws VALIDATION_FAILED naming every violation ("The <what> is invalid."). */
export function parseOrThrow<S extends z.ZodType>(schema: S, value: unknown, what = 'request'): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const fields = result.error.issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    message: issue.message,
  }));
  throw validationFailed(fields, `The ${what} is invalid.`);
}

/** Validates a JSON body; a missing body is treated as `{}` so required fields are reported by name. */
export function parseBody<S extends z.ZodType>(schema: S, body: unknown): z.output<S> {
  return parseOrThrow(schema, body ?? {}, 'request body');
}

/** Validates query parameters (first value of each name, as strings). */
export function parseQuery<S extends z.ZodType>(schema: S, query: URLSearchParams): z.output<S> {
  const values: Record<string, string> = {};
  for (const [key, value] of query) if (!(key in values)) values[key] = value;
  return parseOrThrow(schema, values, 'query');
}
