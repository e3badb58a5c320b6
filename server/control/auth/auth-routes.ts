// Auth routes: registration, sign-in, token rotation, password change and reset.
import type { RouteKit } from '../context.ts';
import { handle } from '../handle-route.ts';
import type { AuthService } from './auth-service.ts';

export function registerAuthRoutes(ctx: RouteKit, auth: AuthService): void {
  const { router } = ctx;
  handle(router, 'POST /v1/auth/register', async (_req, { body }) => ({ status: 201, body: await auth.register(body()) }));

  handle(router, 'POST /v1/auth/login', async (req, { body }) => ({ status: 200, body: await auth.login(body(), req.ip) }));

  handle(router, 'POST /v1/auth/refresh', async (req, { body }) => ({ status: 200, body: await auth.refresh(body().refreshToken, req.ip) }));

  handle(router, 'POST /v1/auth/logout', async (_req, { body }) => {
    await auth.logout(body().refreshToken);
    return { status: 204 };
  });

  handle(router, 'POST /v1/auth/change-password', async (req, { body }) => {
    const user = await ctx.auth.requireUser(req);
    const { currentPassword, newPassword } = body();
    return { status: 200, body: await auth.changePassword(user.id, currentPassword, newPassword, req.ip) };
  });

  handle(router, 'POST /v1/auth/forgot-password', async (_req, { body }) => {
    await auth.requestPasswordReset(body().email);
    return { status: 202, body: {} };
  });

  handle(router, 'POST /v1/auth/reset-password', async (req, { body }) => {
    const { token, newPassword } = body();
    await auth.resetPassword(token, newPassword, req.ip);
    return { status: 204 };
  });
}
