// The one HTTP client of the renderer: `api.call(key, params?, input?)` for a route of the REST route map,
// typed by the map (URL built from the key, body or query checked, response typed). Errors become ApiError
// with the taxonomy's `code` (UI switches on it, never on `message`); an expired access token is refreshed
// once and the request retried once.
import { ErrorCode, REQUEST_ID_HEADER } from '../../../server/protocol/index.ts';
import type { RouteKey, RouteResponse } from '../../../server/protocol/api/routes/index.ts';
import { routeRequest, type RouteArgs } from './route-url.ts';
import type { AuthTokens } from './types.ts';

/** Codes the client itself produces: the server was not reached, or answered something that is not JSON. */
export const ClientErrorCode = {
  NETWORK_UNREACHABLE: 'NETWORK_UNREACHABLE',
  BAD_RESPONSE: 'BAD_RESPONSE',
} as const;
export type ClientErrorCode = (typeof ClientErrorCode)[keyof typeof ClientErrorCode];

export class ApiError extends Error {
  readonly code: ErrorCode | ClientErrorCode;
  readonly status: number;
  readonly details: Record<string, unknown> | undefined;

  constructor(code: ErrorCode | ClientErrorCode, status: number, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.status = status;
    this.details = details;
  }
}

export function isApiError(value: unknown): value is ApiError {
  return value instanceof ApiError;
}

/** Where the client keeps its tokens (localStorage in a browser, the OS keychain through main in the desktop app). */
export interface TokenKeeper {
  current(): AuthTokens | null;
  /** Called after every refresh or sign-in. */
  update(tokens: AuthTokens): void;
  /** Called when the refresh token is no longer accepted: the user must sign in again. */
  expire(): void;
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export class ApiClient {
  readonly baseUrl: string;
  readonly #tokens: TokenKeeper;
  #refreshing: Promise<void> | null = null;

  constructor(baseUrl: string, tokens: TokenKeeper) {
    this.baseUrl = baseUrl.replace(/\/+$/, '');
    this.#tokens = tokens;
  }

  /** Calls a route of the map, e.g. `api.call('POST /v1/rooms/:roomId/join', { roomId }, { code })`. A POST without input sends `{}`. */
  call<K extends RouteKey>(key: K, ...args: RouteArgs<K>): Promise<RouteResponse<K>> {
    const { method, path, input } = routeRequest(key, args);
    return this.#request<RouteResponse<K>>(method as Method, path, input ?? (method === 'POST' ? {} : undefined));
  }

  /** Reads a job's `pollUrl` (a server-given URL, so its result type is the caller's). */
  poll<T>(pollUrl: string): Promise<T> {
    return this.#request<T>('GET', pollUrl);
  }

  /**
   * Opens a streamed GET of the map (`text/event-stream`) with the same bearer token, refresh and errors as
   * `call`, and resolves with its body once the headers are in. Aborting `signal` closes the connection.
   */
  async stream<K extends RouteKey>(signal: AbortSignal, key: K, ...args: RouteArgs<K>): Promise<ReadableStream<Uint8Array>> {
    const { path } = routeRequest(key, args);
    const res = await this.#send('GET', path, undefined, 'text/event-stream', signal);
    if (!res.body) throw new ApiError(ClientErrorCode.BAD_RESPONSE, res.status, 'The stream has no body.');
    return res.body;
  }

  /** Absolute URL for a server-relative path such as a job's `pollUrl`. */
  #url(path: string): string {
    return /^https?:/.test(path) ? path : this.baseUrl + path;
  }

  async #request<T>(method: Method, path: string, body?: unknown, retried = false): Promise<T> {
    const res = await this.#send(method, path, body, 'application/json', undefined, retried);
    if (res.status === 204) return undefined as T;
    return (await res.json().catch(() => undefined)) as T;
  }

  /** One request; a non-2xx answer becomes an ApiError (after one refresh and retry on an expired token). */
  async #send(method: Method, path: string, body: unknown, accept: string, signal?: AbortSignal, retried = false): Promise<Response> {
    const headers: Record<string, string> = { accept };
    const tokens = this.#tokens.current();
    if (tokens) headers.authorization = `Bearer ${tokens.accessToken}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    let res: Response;
    try {
      res = await fetch(this.#url(path), { method, headers, body: body === undefined ? undefined : JSON.stringify(body), signal });
    } catch (error) {
      if (signal?.aborted) throw error;
      throw new ApiError(ClientErrorCode.NETWORK_UNREACHABLE, 0, `Server unreachable: ${String(error)}`);
    }
    if (res.ok) return res;
    const error = toApiError(res, await res.json().catch(() => undefined));
    if (error.code === ErrorCode.AUTH_TOKEN_EXPIRED && tokens && !retried) {
      await this.refresh();
      return this.#send(method, path, body, accept, signal, true);
    }
    // A token the server no longer accepts (deleted user, rotated secret): back to the sign-in screen.
    if (error.code === ErrorCode.AUTH_UNAUTHENTICATED && tokens) this.#tokens.expire();
    throw error;
  }

  /** One refresh at a time: concurrent requests that hit an expired token share it. */
  refresh(): Promise<void> {
    this.#refreshing ??= this.#doRefresh().finally(() => {
      this.#refreshing = null;
    });
    return this.#refreshing;
  }

  async #doRefresh(): Promise<void> {
    const tokens = this.#tokens.current();
    if (!tokens) throw new ApiError(ErrorCode.AUTH_UNAUTHENTICATED, 401, 'Not signed in.');
    try {
      const { path } = routeRequest('POST /v1/auth/refresh', []);
      const next = await this.#request<AuthTokens>('POST', path, { refreshToken: tokens.refreshToken }, true);
      this.#tokens.update(next);
    } catch (error) {
      if (isApiError(error) && error.code !== ClientErrorCode.NETWORK_UNREACHABLE) this.#tokens.expire();
      throw error;
    }
  }
}

function toApiError(res: Response, payload: unknown): ApiError {
  const body = payload as { code?: unknown; message?: unknown; details?: Record<string, unknown> } | undefined;
  if (body && typeof body.code === 'string') {
    return new ApiError(body.code as ErrorCode, res.status, String(body.message ?? ''), body.details);
  }
  const requestId = res.headers.get(REQUEST_ID_HEADER) ?? '';
  return new ApiError(ClientErrorCode.BAD_RESPONSE, res.status, `Unexpected ${res.status} response ${requestId}`.trim());
}
