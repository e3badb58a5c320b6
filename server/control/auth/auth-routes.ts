// Auth routes (/v1/auth): register, login, refresh, logout, password change and reset.
import { z } from 'zod';
import {
  zAuthTokens,
  zChangePasswordBody,
  zForgotPasswordBody,
  zLoginBody,
  zRefreshBody,
  zRegisterBody,
  zResetPasswordBody,
} from '../../protocol/api/auth.ts';
import type { RouteKit } from '../context.ts';
import { parseBody } from '../../protocol/validation.ts';
import { defineRoute } from '../route-docs.ts';
import type { AuthService } from './auth-service.ts';

export function registerAuthRoutes(ctx: RouteKit, auth: AuthService): void {
  const { router, docs } = ctx;
  const tag = 'auth';
  defineRoute(router, docs, 'POST', '/v1/auth/register', {
    summary: 'Create an account', tag, public: true, body: zRegisterBody, status: 201, response: zAuthTokens, errors: ['AUTH_EMAIL_TAKEN'],
  }, async (req) => ({ status: 201, body: await auth.register(parseBody(zRegisterBody, req.body)) }));

  defineRoute(router, docs, 'POST', '/v1/auth/login', {
    summary: 'Sign in', tag, public: true, body: zLoginBody, response: zAuthTokens,
    errors: ['AUTH_INVALID_CREDENTIALS', 'AUTH_ACCOUNT_BANNED'],
  }, async (req) => ({ status: 200, body: await auth.login(parseBody(zLoginBody, req.body), req.ip) }));

  defineRoute(router, docs, 'POST', '/v1/auth/refresh', {
    summary: 'Rotate a refresh token', tag, public: true, body: zRefreshBody, response: zAuthTokens,
    errors: ['AUTH_REFRESH_INVALID', 'AUTH_REFRESH_REUSED', 'AUTH_ACCOUNT_BANNED'],
  }, async (req) => ({ status: 200, body: await auth.refresh(parseBody(zRefreshBody, req.body).refreshToken, req.ip) }));

  defineRoute(router, docs, 'POST', '/v1/auth/logout', {
    summary: "Revoke the refresh token's family", tag, public: true, body: zRefreshBody, status: 204,
  }, (req) => {
    auth.logout(parseBody(zRefreshBody, req.body).refreshToken);
    return { status: 204 };
  });

  defineRoute(router, docs, 'POST', '/v1/auth/change-password', {
    summary: 'Change password (revokes every session)', tag, body: zChangePasswordBody, response: zAuthTokens,
    errors: ['AUTH_WRONG_PASSWORD'],
  }, async (req) => {
    const user = await ctx.auth.requireUser(req);
    const body = parseBody(zChangePasswordBody, req.body);
    return { status: 200, body: await auth.changePassword(user.id, body.currentPassword, body.newPassword, req.ip) };
  });

  defineRoute(router, docs, 'POST', '/v1/auth/forgot-password', {
    summary: 'Request a password-reset email', tag, public: true, body: zForgotPasswordBody, status: 202, response: z.object({}),
  }, async (req) => {
    await auth.requestPasswordReset(parseBody(zForgotPasswordBody, req.body).email);
    return { status: 202, body: {} };
  });

  defineRoute(router, docs, 'POST', '/v1/auth/reset-password', {
    summary: 'Set a new password with a reset token', tag, public: true, body: zResetPasswordBody, status: 204,
    errors: ['AUTH_RESET_TOKEN_INVALID'],
  }, async (req) => {
    const body = parseBody(zResetPasswordBody, req.body);
    await auth.resetPassword(body.token, body.newPassword, req.ip);
    return { status: 204 };
  });
}
