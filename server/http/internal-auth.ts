import { AppError, INTERNAL_SECRET_HEADER } from '../protocol/index.ts';
import { constantTimeEqual } from './access-guard.ts';
import type { ApiMiddleware } from './api-context.ts';

/**
 * Guards the `/internal` routes between the control and collab processes: the `X-Internal-Secret` header
 * must equal the shared secret (compared in constant time); missing or wrong → 401 AUTH_UNAUTHENTICATED.
 */
export function requireInternalSecret(internalSecret: string): ApiMiddleware {
  return (ctx) => {
    const given = ctx.req.headers[INTERNAL_SECRET_HEADER];
    if (typeof given !== 'string' || !constantTimeEqual(given, internalSecret)) {
      throw new AppError('AUTH_UNAUTHENTICATED', 'Missing or wrong internal secret.');
    }
  };
}
