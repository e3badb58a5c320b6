// The control plane (REST /v1): its public face.
//
// createControlPlane(deps) is handed the planes it drives (collab, execution: both required) and builds, in
// dependency order: the `control` migrations and shared services (users, tokens, auth, audit, cursors,
// problems) → the room service → the admin bootstrap and problem bank → the rate-limit middleware and every
// /v1 route group. Nothing runs yet: the caller starts the collab plane with `callbacks`, then `start()`s the
// room clocks, then listens. Shared helpers for route modules:
//   - handle(router, 'METHOD /v1/path/:param', (apiCtx, { params, query, body }) => ({ status, body })) for a
//     route of the route map (../protocol/api/routes/): typed input and result, listed in GET /v1/openapi.json  handle-route.ts
//   - auth.requireUser(apiCtx) / requireAdmin  → AuthUser { id, role, displayName, email, ... }    auth/authenticate.ts
//   - cursors + toPage / keysetAfter / orderBy: opaque, HMAC-signed, per-endpoint cursors           ../pagination.ts
//   - isUuid (../protocol/api/common.ts), toTimestamp (../protocol/timestamps.ts)
//   - await audit.record(action, { actorId, targetType, targetId, ip, details })                     audit/audit-log.ts
//   - tokens.signCollab({ userId, roomId, role, name, color }) → { token, expiresAt }                auth/tokens.ts
//   - rate limits: applied centrally by route pattern (ratelimit/rate-limits.ts RATE_LIMIT_RULES).
//   - rooms: the room service's RoomDirectory (room-directory.ts), through which user deletion, bans,
//     active-room, stats, PROBLEM_IN_USE and admin rooms reach the rooms.
import { migrateSql, type SqlDatabase } from '../storage/sql/index.ts';
import { openOrUnwind, type CleanupStack } from '../cleanup-stack.ts';
import type { ApiRouter } from '../http/api-router.ts';
import { CONTROL_MIGRATIONS } from '../storage/control/control-migrations.ts';
import { UsersRepository } from '../storage/control/users-repository.ts';
import type { CollabCallbacks, CollabControl, ServerMode } from '../protocol/index.ts';
import type { ExecutionPlane } from '../execution/types.ts';
import type { AiService } from '../ai/index.ts';
import type { LiveKitOptions, Logger } from '../server-options.ts';
import { AuditLog } from './audit/audit-log.ts';
import { createAuthenticator } from './auth/authenticate.ts';
import { createTokenSigner } from './auth/tokens.ts';
import { bootstrapAdmin } from './auth/admin-bootstrap.ts';
import type { Mailer } from './auth/mailer.ts';
import type { CursorCodec } from '../pagination.ts';
import { createRateLimitMiddleware, type RateCounter } from './ratelimit/rate-limits.ts';
import type { ControlServices, RouteKit } from './context.ts';
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
import { createRoomService, type RoomModuleOptions } from './rooms/index.ts';
import { registerSessionRoutes } from './sessions/index.ts';
import { openRoomStore } from '../storage/rooms/index.ts';

export type { ControlServices, RouteKit, PlaneClients } from './context.ts';
export type { AuthUser } from './auth/authenticate.ts';
export type { RoomDirectory, FinishedSessionFact } from './room-directory.ts';
export type { RoomCoordination } from './rooms/room-engine.ts';
export type { RateCounter } from './ratelimit/rate-limits.ts';
export type { Mailer } from './auth/mailer.ts';
export { createSmtpMailer } from './auth/smtp-mailer.ts';
export type { ProblemCatalog } from './problems/problem-catalog.ts';

export interface ControlPlaneDeps {
  router: ApiRouter;
  /** The server's database behind the async storage interface (SQLite file or PostgreSQL). */
  sql: SqlDatabase;
  jwtSecret: string;
  /** The server's one signed cursor codec (shared with the execution plane's job lists). */
  cursors: CursorCodec;
  mode: ServerMode;
  /** ServerOptions.rateLimits: false disables every REST rate limit. */
  rateLimits: boolean;
  /** Several server processes: the rate-limit counters they share (default: this process's memory). */
  rateCounter?: RateCounter;
  collab: CollabControl;
  execution: ExecutionPlane;
  /** The AI plane (always present; without a provider its routes answer 503 AI_UNAVAILABLE). */
  ai: AiService;
  /** Bundled problem bank seeded on start; null seeds nothing. */
  problemsDir: string | null;
  adminEmail?: string;
  adminPassword?: string;
  livekit?: LiveKitOptions;
  mailer?: Mailer;
  /**
   * JoinRoomResponse.collabUrl (`ws(s)://…/collab`): derived from the server's public URL (configured, or the
   * bound address once listening), or the collab process's public URL in a split deployment. Never from a
   * request's Host header.
   */
  collabUrl(): string;
  /** Rooms module options (role-swap TTL for tests). */
  rooms?: RoomModuleOptions;
  log: Logger;
}

export interface ControlPlane {
  services: ControlServices & RouteKit;
  /** The room service's receiver of the collab plane's callbacks: start the collab plane with these. */
  callbacks: CollabCallbacks;
  /** Arms the room clocks; call once the collab plane was started with `callbacks`. */
  start(): Promise<void>;
  close(): Promise<void>;
}

/** A failure part-way (e.g. the admin bootstrap refusing) releases the room service before rejecting. */
export function createControlPlane(deps: ControlPlaneDeps): Promise<ControlPlane> {
  return openOrUnwind((stack) => openControlPlane(deps, stack));
}

async function openControlPlane(deps: ControlPlaneDeps, stack: CleanupStack): Promise<ControlPlane> {
  await migrateSql(deps.sql, 'control', CONTROL_MIGRATIONS);
  const users = new UsersRepository(deps.sql);
  const tokens = createTokenSigner(deps.jwtSecret);
  const outcomes = new OutcomesRepository(deps.sql);
  const bookmarks = new BookmarksRepository(deps.sql);
  const problems = new ProblemCatalog(new ProblemsRepository(deps.sql), bookmarks, outcomes);
  const services: ControlServices & RouteKit = {
    router: deps.router,
    auth: createAuthenticator(tokens, users),
    sql: deps.sql,
    mode: deps.mode,
    log: deps.log,
    users,
    audit: new AuditLog(deps.sql),
    tokens,
    cursors: deps.cursors,
    problems,
  };
  const planes = { collab: deps.collab, execution: deps.execution };
  const roomStore = await openRoomStore(deps.sql);
  const rooms = createRoomService({
    ...services,
    ...planes,
    store: roomStore,
    ai: deps.ai,
    livekit: deps.livekit,
    collabUrl: deps.collabUrl,
    options: deps.rooms ?? {},
  });
  stack.defer(() => rooms.close());

  await bootstrapAdmin(services, deps.adminEmail, deps.adminPassword);
  if (deps.problemsDir) {
    const inserted = await seedProblemBank(deps.problemsDir, problems.repo, deps.log);
    if (inserted > 0) deps.log.info('seeded bundled problems', { inserted });
  }
  stack.defer(recordExecutionOutcomes(deps.execution, outcomes, deps.log));

  deps.router.use(createRateLimitMiddleware({ enabled: deps.rateLimits, mode: deps.mode, userIdOf: services.auth.peekUserId, counter: deps.rateCounter }));
  const auth = new AuthService({ ...services, mailer: deps.mailer });
  registerAuthRoutes(services, auth);
  registerUserRoutes({ ...services, rooms, ai: deps.ai }, auth, outcomes);
  registerProblemRoutes({ ...services, rooms }, problems);
  registerBookmarkRoutes(services, problems, bookmarks);
  registerAdminRoutes({ ...services, ...planes, rooms, ai: deps.ai }, auth, outcomes);
  registerUnavailableRoutes({ ...services, rooms });
  registerOpenApiRoute(services, SERVER_VERSION);
  rooms.registerRoutes();
  registerSessionRoutes({ ...services, ...planes, ai: deps.ai }, roomStore);

  return {
    services,
    callbacks: rooms.callbacks,
    start: () => rooms.start(),
    // Stops recording execution outcomes, then the room service. The database is closed by its owner.
    close: () => stack.dispose(),
  };
}

