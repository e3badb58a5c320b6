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
  if (result.success) {
    // No text field may hold U+0000: PostgreSQL cannot store it, and on SQLite it would cut C strings short.
    const nul = nulStringPath(result.data, []);
    if (nul) throw validationFailed([{ path: nul.join('.'), message: 'Text must not contain NUL characters (U+0000).' }], `The ${what} is invalid.`);
    return result.data;
  }
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

/** The 1-based line of the first NUL character (U+0000) in `text`, or null when it has none. */
export function nulCharacterLine(text: string): number | null {
  const at = text.indexOf('\0');
  return at < 0 ? null : text.slice(0, at).split('\n').length;
}

/** The path of the first string in `value` (a parsed body or query) that contains U+0000, if any. */
function nulStringPath(value: unknown, path: (string | number)[]): (string | number)[] | undefined {
  if (typeof value === 'string') return value.includes('\0') ? path : undefined;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = nulStringPath(value[i], [...path, i]);
      if (found) return found;
    }
  } else if (value !== null && typeof value === 'object' && !(value instanceof Uint8Array)) {
    for (const [key, item] of Object.entries(value)) {
      const found = nulStringPath(item, [...path, key]);
      if (found) return found;
    }
  }
  return undefined;
}
