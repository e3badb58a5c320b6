// Typed URLs of the REST route map: the arguments a route key takes (its `:params`, then its query for a
// GET or its body otherwise) and the URL built from them. Types only from the map, so no zod is bundled.
import type {
  RouteBody,
  RouteKey,
  RouteMethod,
  RouteParamName,
  RouteParams,
  RouteQuery,
} from '../../../server/protocol/api/routes/index.ts';
import { fillPath, methodAndPath } from '../../../server/protocol/api/routes/route-key.ts';

/** Query values as the client passes them: plain string parameters (limits, cursors) also take numbers. */
type QueryInput<Q> = { [P in keyof Q]: string extends Q[P] ? Q[P] | number : Q[P] };

/** What follows the params: the query of a GET, the body of any other method. */
export type RouteInput<K extends RouteKey> = RouteMethod<K> extends 'GET' ? QueryInput<RouteQuery<K>> : RouteBody<K>;

type InputArgs<K extends RouteKey> = [RouteInput<K>] extends [undefined]
  ? []
  : {} extends RouteInput<K>
    ? [input?: RouteInput<K>]
    : [input: RouteInput<K>];

/** `(params, input)`; params omitted when the path has none, input omitted when the route takes none. */
export type RouteArgs<K extends RouteKey> = [RouteParamName<K>] extends [never]
  ? InputArgs<K>
  : [params: RouteParams<K>, ...InputArgs<K>];

/** Splits call arguments into the path (params filled in, URI-encoded) and the input. */
export function routeRequest(key: RouteKey, args: readonly unknown[]): { method: string; path: string; input: unknown } {
  const { method, path } = methodAndPath(key);
  const hasParams = path.includes('/:');
  const params = (hasParams ? args[0] : {}) as Record<string, string>;
  const input = hasParams ? args[1] : args[0];
  const filled = fillPath(path, params);
  if (method !== 'GET' || input === undefined) return { method, path: filled, input };
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(input as Record<string, unknown>)) {
    if (value !== undefined) search.set(name, String(value));
  }
  const query = search.toString();
  return { method, path: query ? `${filled}?${query}` : filled, input: undefined };
}

/** Absolute URL of a GET route, for the few reads made without the client (health, the desktop token check). */
export function routeUrl<K extends RouteKey>(baseUrl: string, key: K, ...args: RouteArgs<K>): string {
  return baseUrl.replace(/\/+$/, '') + routeRequest(key, args).path;
}
