import { z } from 'zod';
import type { RouteKit } from '../context.ts';
import { zHealthResponse } from '../../protocol/api/health.ts';
import { defineRoute } from '../route-docs.ts';
import { buildOpenApiDocument } from './openapi-document.ts';

/** GET /v1/openapi.json (public). Built per request so routes registered later (rooms, sessions) appear. */
export function registerOpenApiRoute(ctx: Pick<RouteKit, 'router' | 'docs'>, version: string): void {
  // The health route is registered by startServer; its schema is described here.
  ctx.docs.describe('GET', '/v1/health', { summary: 'Deep health check (503 with the same body when down)', tag: 'health', public: true, response: zHealthResponse });
  defineRoute(ctx.router, ctx.docs, 'GET', '/v1/openapi.json', {
    summary: 'This OpenAPI 3.1 document', tag: 'meta', public: true, response: z.looseObject({ openapi: z.string() }),
  }, () => ({ status: 200, body: buildOpenApiDocument(ctx.router.routes(), ctx.docs, version) }));
}
