// Route descriptions for the OpenAPI document (GET /v1/openapi.json). Every /v1 route is registered
// through `defineRoute`, which adds it to the ApiRouter and records its schemas here in one step.
import type { z } from 'zod';
import type { ApiHandler } from '../http/api-context.ts';
import type { ApiRouter } from '../http/api-router.ts';

export interface RouteDoc {
  summary: string;
  /** OpenAPI tag, e.g. `auth`, `rooms`. */
  tag: string;
  /** No bearer token needed (§9 "public"). */
  public?: boolean;
  body?: z.ZodType;
  query?: z.ZodType;
  /** Success status; default 200. */
  status?: number;
  /** Success body schema; none for 204. */
  response?: z.ZodType;
  /** Endpoint-specific error codes (§9), listed in the document. */
  errors?: readonly string[];
}

/** `METHOD pattern` → doc. */
export class RouteDocs {
  readonly #docs = new Map<string, RouteDoc>();

  describe(method: string, pattern: string, doc: RouteDoc): void {
    this.#docs.set(`${method.toUpperCase()} ${pattern}`, doc);
  }

  get(method: string, pattern: string): RouteDoc | undefined {
    return this.#docs.get(`${method.toUpperCase()} ${pattern}`);
  }
}

/** Registers a route and its documentation. */
export function defineRoute(
  router: ApiRouter,
  docs: RouteDocs,
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  pattern: string,
  doc: RouteDoc,
  handler: ApiHandler,
): void {
  router.add(method, pattern, handler);
  docs.describe(method, pattern, doc);
}
