import type { RouteKit } from '../context.ts';
import { handle } from '../handle-route.ts';
import { buildOpenApiDocument } from './openapi-document.ts';

/** GET /v1/openapi.json (public), generated from the route map once and served as is. */
export function registerOpenApiRoute(ctx: Pick<RouteKit, 'router'>, version: string): void {
  let document: ReturnType<typeof buildOpenApiDocument> | undefined;
  handle(ctx.router, 'GET /v1/openapi.json', () => ({ status: 200, body: (document ??= buildOpenApiDocument(version)) }));
}
