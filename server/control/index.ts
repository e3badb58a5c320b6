// The control plane (REST /v1, control-plane.md): its public face.
//
// createControlPlane(deps) runs the `control` migrations, bootstraps the admin account, installs the
// §6 rate-limit middleware and registers every /v1 route group. Shared helpers for route modules
// (part B's rooms and sessions included) — all reachable from the ControlContext it builds:
//   - ctx.auth.requireUser(apiCtx) / requireAdmin  → AuthUser { id, role, displayName, email, ... }   auth/authenticate.ts
//   - parseBody(schema, apiCtx.body) / parseQuery(schema, apiCtx.query) → 400 VALIDATION_FAILED    http/validate.ts
//   - ctx.cursors + toPage / keysetAfter / orderBy: opaque, HMAC-signed, per-endpoint cursors       http/pagination.ts
//   - isUuid (protocol/api/common.ts), toTimestamp (http/time.ts)
//   - ctx.audit.record(action, { actorId, targetType, targetId, ip, details })                       audit/audit-log.ts
//   - ctx.tokens.signCollab({ userId, roomId, role, name, color }) → { token, expiresAt }           auth/tokens.ts
//   - defineRoute(router, ctx.docs, method, pattern, { summary, tag, body, query, response, status }, handler)
//     so the route appears with its schemas in GET /v1/openapi.json                                    route-docs.ts
//   - rate limits: applied centrally by route pattern (ratelimit/rate-limits.ts RATE_LIMIT_RULES);
//     run/submit/ai/analysis patterns are already listed there, nothing to call.
//   - ctx.problems: the problem catalog (selection, summaries, starter code, test cases for judging).
//   - ctx.rooms: the rooms module's RoomDirectory (room-directory.ts), through which user deletion,
//     bans, active-room, stats, PROBLEM_IN_USE and admin rooms reach the room service.
//   - ctx.collabCallbacks: the rooms module's collab callbacks receiver; `callbacks` below forwards to it.
import type { ApiRouter } from '../http/api-router.ts';
import type { ApiContext } from '../http/api-context.ts';
import { migrate, type SqliteDatabase } from '../storage/database.ts';
import { CONTROL_MIGRATIONS } from '../storage/control/control-migrations.ts';
import { UsersRepository } from '../storage/control/users-repository.ts';
import { AppError, type CollabCallbacks, type CollabControl, type ServerMode } from '../protocol/index.ts';
import type { ExecutionPlane } from '../execution/types.ts';
import type { LiveKitOptions, Logger } from '../server-options.ts';
import { AuditLog } from './audit/audit-log.ts';
import { createAuthenticator } from './auth/authenticate.ts';
import { createTokenSigner } from './auth/tokens.ts';
import { bootstrapAdmin } from './auth/admin-bootstrap.ts';
import type { Mailer } from './auth/mailer.ts';
import { createCursorCodec } from './http/pagination.ts';
import { createRateLimitMiddleware } from './ratelimit/rate-limits.ts';
import { RouteDocs } from './route-docs.ts';
import type { ControlContext } from './context.ts';
import { ProblemsRepository } from '../storage/control/problems-repository.ts';
import { BookmarksRepository } from '../storage/control/bookmarks-repository.ts';
import { OutcomesRepository } from '../storage/control/outcomes-repository.ts';
import { SERVER_VERSION } from '../version.ts';
import { AuthService } from './auth/auth-service.ts';
import { registerAuthRoutes } from './auth/auth-routes.ts';
import { registerUserRoutes } from './users/user-routes.ts';
import { ProblemCatalog } from './problems/problem-catalog.ts';
import { registerProblemRoutes } from './problems/problem-routes.ts';
import { registerBookmarkRoutes } from './problems/bookmark-routes.ts';
import { seedProblemBank } from './problems/problem-bank.ts';
import { registerAdminRoutes } from './admin/admin-routes.ts';
import { registerUnavailableRoutes } from './unavailable/unavailable-routes.ts';
import { registerOpenApiRoute } from './openapi/openapi-route.ts';
import { recordExecutionOutcomes } from './execution-outcomes.ts';
import { registerRoomRoutes, type RoomModuleOptions } from './rooms/index.ts';
import { registerSessionRoutes } from './sessions/index.ts';

export type { ControlContext, ControlConfig } from './context.ts';
export type { AuthUser } from './auth/authenticate.ts';
export type { RoomDirectory, FinishedSessionFact } from './room-directory.ts';
export type { Mailer } from './auth/mailer.ts';
export type { ProblemCatalog } from './problems/problem-catalog.ts';

export interface ControlPlaneDeps {
  router: ApiRouter;
  /** The server's syncode.sqlite connection. */
  db: SqliteDatabase;
  jwtSecret: string;
  mode: ServerMode;
  /** ServerOptions.rateLimits: false disables every §6 limit. */
  rateLimits: boolean;
  collab?: CollabControl;
  execution?: ExecutionPlane;
  /** Bundled problem bank seeded on start; null seeds nothing. */
  problemsDir: string | null;
  adminEmail?: string;
  adminPassword?: string;
  livekit?: LiveKitOptions;
  mailer?: Mailer;
  publicBaseUrl?: string;
  /** Rooms module options (role-swap TTL for tests, split-deployment collab URL). */
  rooms?: RoomModuleOptions;
  log: Logger;
}

export interface ControlPlane {
  context: ControlContext;
  /** Hand these to the in-process collab plane; they forward to the rooms module's receiver. */
  callbacks: CollabCallbacks;
  close(): Promise<void>;
}

export async function createControlPlane(deps: ControlPlaneDeps): Promise<ControlPlane> {
  migrate(deps.db, 'control', CONTROL_MIGRATIONS);
  const users = new UsersRepository(deps.db);
  const tokens = createTokenSigner(deps.jwtSecret);
  const authenticator = createAuthenticator(tokens, users);
  const baseUrlFor = (ctx: ApiContext): string => {
    if (deps.publicBaseUrl) return deps.publicBaseUrl.replace(/\/+$/, '');
    const forwarded = ctx.req.headers['x-forwarded-proto'];
    const proto = typeof forwarded === 'string' && forwarded.split(',')[0]!.trim() === 'https' ? 'https' : 'http';
    return `${proto}://${ctx.req.headers.host ?? '127.0.0.1'}`;
  };
  const outcomes = new OutcomesRepository(deps.db);
  const bookmarks = new BookmarksRepository(deps.db);
  const problems = new ProblemCatalog(new ProblemsRepository(deps.db), bookmarks, outcomes);
  const ctx: ControlContext = {
    router: deps.router,
    db: deps.db,
    config: { mode: deps.mode, livekit: deps.livekit, mailer: deps.mailer, publicBaseUrl: deps.publicBaseUrl },
    log: deps.log,
    users,
    audit: new AuditLog(deps.db),
    problems,
    auth: authenticator,
    tokens,
    cursors: createCursorCodec(deps.jwtSecret),
    docs: new RouteDocs(),
    collab: deps.collab,
    execution: deps.execution,
    rooms: null,
    collabCallbacks: null,
    collabUrlFor: (apiCtx) => `${baseUrlFor(apiCtx).replace(/^http/, 'ws')}/collab`,
  };

  deps.router.use(createRateLimitMiddleware({ enabled: deps.rateLimits, mode: deps.mode, userIdOf: authenticator.peekUserId }));
  await bootstrapAdmin(ctx, deps.adminEmail, deps.adminPassword);
  if (deps.problemsDir) {
    const inserted = seedProblemBank(deps.problemsDir, problems.repo, deps.log);
    if (inserted > 0) deps.log.info('seeded bundled problems', { inserted });
  }
  const unsubscribeOutcomes = deps.execution ? recordExecutionOutcomes(deps.execution, outcomes, deps.log) : undefined;

  const auth = new AuthService(ctx);
  registerAuthRoutes(ctx, auth);
  registerUserRoutes(ctx, auth, outcomes);
  registerProblemRoutes(ctx, problems);
  registerBookmarkRoutes(ctx, problems, bookmarks);
  registerAdminRoutes(ctx, auth, outcomes);
  registerUnavailableRoutes(ctx);
  registerOpenApiRoute(ctx, SERVER_VERSION);

  // The rooms side (part B): migrates area `rooms`, serves /v1/rooms and /v1/sessions, receives collab callbacks.
  const rooms = registerRoomRoutes(deps.router, ctx, deps.rooms);
  ctx.rooms = rooms;
  ctx.collabCallbacks = rooms.callbacks;
  registerSessionRoutes(deps.router, ctx);

  const receiver = (): CollabCallbacks => {
    if (!ctx.collabCallbacks) throw new AppError('INTERNAL', 'No collab callback receiver is registered.');
    return ctx.collabCallbacks;
  };
  return {
    context: ctx,
    callbacks: {
      snapshotReady: (payload) => receiver().snapshotReady(payload),
      userDisconnected: (payload) => receiver().userDisconnected(payload),
    },
    async close() {
      // The database is closed by startServer.
      unsubscribeOutcomes?.();
      await rooms.close();
    },
  };
}
