// The shape of one entry of the REST route map (`apiRoutes`), keyed `'METHOD /v1/path/:param'`, and the
// types derived from it. The server registers, validates and documents each route from its entry; the
// renderer's typed client builds the URL from the key and takes its request and response types from it.
import * as z from 'zod';
import type { ErrorCode } from '../../error-codes.ts';
import { methodAndPath, paramNames, type MethodOf, type ParamNames, type PathOf } from './route-key.ts';

export interface RouteSpec {
  /** OpenAPI tag, e.g. `auth`, `rooms`. */
  tag: string;
  summary: string;
  /** No bearer token needed. */
  public?: boolean;
  /** Query parameters (each arrives as a string; unknown names are ignored). */
  query?: z.ZodType;
  /** JSON request body; a missing body is validated as `{}`. */
  body?: z.ZodType;
  /** Success status. */
  status: number;
  /** Other statuses answered with the same body (e.g. the health check's 503 when down). */
  alsoStatus?: readonly number[];
  /** Success body; none for 204. */
  response?: z.ZodType;
  /**
   * A server-sent event stream (`text/event-stream`) instead of a JSON body: each event's name and the schema
   * of its `data` (one JSON document per event). Clients build the URL from the key like any route's.
   */
  stream?: { contentType: 'text/event-stream'; events: Record<string, z.ZodType> };
  /** Error codes specific to this endpoint (the general ones of the taxonomy apply to every route). */
  errors?: readonly ErrorCode[];
}

export type ParamsSchema<K> = z.ZodObject<{ [N in ParamNames<PathOf<K>>]: z.ZodString }>;

export type RouteEntry<K, S extends RouteSpec> = S & { method: MethodOf<K>; path: PathOf<K>; params: ParamsSchema<K> };

/**
 * Completes a group of route specs with their method, path and path-parameter schema (every parameter
 * a string: a malformed id is the resource's 404, decided by the handler, never a 400).
 */
export function defineRoutes<const T extends Record<string, RouteSpec>>(specs: T): { [K in keyof T]: RouteEntry<K, T[K]> } {
  const out: Record<string, unknown> = {};
  for (const [key, spec] of Object.entries(specs)) {
    const { method, path } = methodAndPath(key);
    const params = z.object(Object.fromEntries(paramNames(path).map((name) => [name, z.string()])));
    out[key] = { ...spec, method, path, params };
  }
  return out as { [K in keyof T]: RouteEntry<K, T[K]> };
}
