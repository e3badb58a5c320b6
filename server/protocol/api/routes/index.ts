// The REST route map: every /v1 route, keyed `'METHOD /v1/path/:param'`, with its schemas. The server
// registers each entry (server/control/handle-route.ts), the OpenAPI document is generated from it,
// and the renderer's typed client (renderer/src/api/api-client.ts) takes URLs and types from it.
import type * as z from 'zod';
import { adminRoutes } from './admin-routes.ts';
import { authRoutes, userRoutes } from './auth-routes.ts';
import { executionRoutes } from './execution-routes.ts';
import { featureRoutes } from './feature-routes.ts';
import { metaRoutes } from './meta-routes.ts';
import { problemRoutes } from './problem-routes.ts';
import { roomRoutes } from './room-routes.ts';
import { sessionRoutes } from './session-routes.ts';
import type { MethodOf, ParamNames, PathOf } from './route-key.ts';

export const apiRoutes = {
  ...authRoutes,
  ...userRoutes,
  ...problemRoutes,
  ...roomRoutes,
  ...executionRoutes,
  ...sessionRoutes,
  ...featureRoutes,
  ...adminRoutes,
  ...metaRoutes,
};

export type ApiRoutes = typeof apiRoutes;
export type RouteKey = keyof ApiRoutes;
type Entry<K extends RouteKey> = ApiRoutes[K];

export type RouteMethod<K extends RouteKey> = MethodOf<K>;
export type RouteParamName<K extends RouteKey> = ParamNames<PathOf<K>>;
/** Path parameters, as strings. */
export type RouteParams<K extends RouteKey> = { [N in RouteParamName<K>]: string };
/** Query as the client sends it (`undefined` when the route takes none). */
export type RouteQuery<K extends RouteKey> = Entry<K> extends { query: infer Q extends z.ZodType } ? z.input<Q> : undefined;
/** Query as the handler receives it, parsed. */
export type ParsedRouteQuery<K extends RouteKey> = Entry<K> extends { query: infer Q extends z.ZodType } ? z.output<Q> : undefined;
/** Body as the client sends it (`undefined` when the route takes none). */
export type RouteBody<K extends RouteKey> = Entry<K> extends { body: infer B extends z.ZodType } ? z.input<B> : undefined;
/** Body as the handler receives it, parsed. */
export type ParsedRouteBody<K extends RouteKey> = Entry<K> extends { body: infer B extends z.ZodType } ? z.output<B> : undefined;
/** Success body (`undefined` for 204). */
export type RouteResponse<K extends RouteKey> = Entry<K> extends { response: infer R extends z.ZodType } ? z.output<R> : undefined;
/** One event of a streaming route: its name and parsed `data` (`never` for JSON routes). */
export type RouteEvent<K extends RouteKey> =
  Entry<K> extends { stream: { events: infer E extends Record<string, z.ZodType> } }
    ? { [N in keyof E & string]: { event: N; data: z.output<E[N]> } }[keyof E & string]
    : never;
/** The statuses a handler may answer with its body. */
export type RouteStatus<K extends RouteKey> =
  | Entry<K>['status']
  | (Entry<K> extends { alsoStatus: readonly (infer S)[] } ? S : never);

export type { RouteSpec } from './route-spec.ts';
export { methodAndPath, type HttpMethod } from './route-key.ts';
