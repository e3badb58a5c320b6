// Route keys (`'POST /v1/rooms/:roomId/join'`): their method, path and `:param` names, at the type level
// and at run time. No zod here, so the renderer's client can build URLs without bundling the schemas.
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** `'POST /v1/rooms/:roomId/join'` → `'/v1/rooms/:roomId/join'`. */
export type PathOf<K> = K extends `${string} ${infer P}` ? P : never;
export type MethodOf<K> = K extends `${infer M extends HttpMethod} ${string}` ? M : never;

/** Names of the `:params` of a path. */
export type ParamNames<P> = P extends `${string}/:${infer Name}/${infer Rest}`
  ? Name | ParamNames<`/${Rest}`>
  : P extends `${string}/:${infer Name}`
    ? Name
    : never;

export function methodAndPath(key: string): { method: HttpMethod; path: string } {
  const space = key.indexOf(' ');
  return { method: key.slice(0, space) as HttpMethod, path: key.slice(space + 1) };
}

/** The `:param` names of a path, in order. */
export function paramNames(path: string): string[] {
  return path.split('/').filter((s) => s.startsWith(':')).map((s) => s.slice(1));
}

/** The path with each `:param` replaced by its URI-encoded value. */
export function fillPath(path: string, params: Readonly<Record<string, string>>): string {
  return path.replace(/:([A-Za-z]+)/g, (_m, name: string) => encodeURIComponent(params[name] ?? ''));
}
