// Small fetch wrapper for control-plane tests: real HTTP against a real server, JSON in and out.
import type { TestServer } from '../support/test-server.ts';

export interface ApiResponse<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

export interface CallOptions {
  body?: unknown;
  token?: string;
  headers?: Record<string, string>;
}

export async function call<T = any>(server: { url: string }, method: string, path: string, options: CallOptions = {}): Promise<ApiResponse<T>> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.body !== undefined) headers['content-type'] ??= 'application/json';
  const res = await fetch(`${server.url}${path}`, {
    method,
    headers,
    body: options.body === undefined ? undefined : typeof options.body === 'string' ? options.body : JSON.stringify(options.body),
  });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : undefined) as T, headers: res.headers };
}

let counter = 0;

/** Registers a fresh account; returns its AuthTokens body. */
export async function registerUser(server: { url: string }, name = 'User'): Promise<{ accessToken: string; refreshToken: string; user: { id: string; email: string } }> {
  const email = `${name.toLowerCase().replace(/\W/g, '')}-${++counter}-${Date.now()}@example.com`;
  const res = await call(server, 'POST', '/v1/auth/register', { body: { email, password: 'correct horse battery', displayName: name } });
  if (res.status !== 201) throw new Error(`register failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

export const ADMIN = { email: 'admin@example.com', password: 'admin password 1' };

/** Signs in the bootstrap admin of a server started with `adminEmail/adminPassword: ADMIN`. */
export async function loginAdmin(server: TestServer): Promise<{ accessToken: string; user: { id: string } }> {
  const res = await call(server, 'POST', '/v1/auth/login', { body: ADMIN });
  if (res.status !== 200) throw new Error(`admin login failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}
