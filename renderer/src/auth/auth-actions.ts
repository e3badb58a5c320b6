// The account's REST calls: sign in, register, sign out, rotate the refresh token, change, forget and reset the password.
import type { RouteBody } from '../../../server/protocol/api/routes/index.ts';
import type { ApiClient } from '../api/api-client.ts';

export function signIn(api: ApiClient, body: RouteBody<'POST /v1/auth/login'>) {
  return api.call('POST /v1/auth/login', body);
}

export function register(api: ApiClient, body: RouteBody<'POST /v1/auth/register'>) {
  return api.call('POST /v1/auth/register', body);
}

export function signOut(api: ApiClient, refreshToken: string) {
  return api.call('POST /v1/auth/logout', { refreshToken });
}

export function refreshTokens(api: ApiClient, refreshToken: string) {
  return api.call('POST /v1/auth/refresh', { refreshToken });
}

export function changePassword(api: ApiClient, body: RouteBody<'POST /v1/auth/change-password'>) {
  return api.call('POST /v1/auth/change-password', body);
}

export function forgotPassword(api: ApiClient, email: string) {
  return api.call('POST /v1/auth/forgot-password', { email });
}

export function resetPassword(api: ApiClient, body: RouteBody<'POST /v1/auth/reset-password'>) {
  return api.call('POST /v1/auth/reset-password', body);
}
