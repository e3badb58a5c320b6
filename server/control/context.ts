// The control plane's dependency sets. Everything is built before the modules that use it (storage →
// execution → collab → shared services → rooms service → routes) and passed in whole: no field is filled
// in later and none is optional. Each module is typed by the narrow set below that it actually uses.
import type { SqlDatabase } from '../storage/sql/index.ts';
import type { ApiRouter } from '../http/api-router.ts';
import type { UsersRepository } from '../storage/control/users-repository.ts';
import type { CollabControl, ServerMode } from '../protocol/index.ts';
import type { ExecutionPlane } from '../execution/types.ts';
import type { Logger } from '../server-options.ts';
import type { AuditLog } from './audit/audit-log.ts';
import type { Authenticator } from './auth/authenticate.ts';
import type { TokenSigner } from './auth/tokens.ts';
import type { Mailer } from './auth/mailer.ts';
import type { CursorCodec } from '../pagination.ts';
import type { RoomDirectory } from './room-directory.ts';
import type { ProblemCatalog } from './problems/problem-catalog.ts';
import type { AiService } from '../ai/index.ts';

/** What every route module registers with: the router (routes of the route map, through `handle`) and requireUser / requireAdmin. */
export interface RouteKit {
  router: ApiRouter;
  auth: Authenticator;
}

/** The control plane's shared services, built once over the server's database. */
export interface ControlServices {
  /** The server's database behind the async storage interface (SQLite file or PostgreSQL). */
  sql: SqlDatabase;
  mode: ServerMode;
  log: Logger;
  users: UsersRepository;
  audit: AuditLog;
  /** Access and collab JWTs (`tokens.signCollab(...)` for `POST /v1/rooms/:roomId/join`). */
  tokens: TokenSigner;
  /** Opaque keyset cursors (server/pagination.ts). */
  cursors: CursorCodec;
  /** Problems: findSelectable(id), summary(problem, viewerId), testCases(id), starterCode. */
  problems: ProblemCatalog;
}

/** The planes the control plane drives: the collab plane (in-process or its internal HTTP API) and execution. */
export interface PlaneClients {
  collab: CollabControl;
  execution: ExecutionPlane;
}

/** The AI plane: jobs, conversations, training reports and weaknesses (server/ai). */
export interface AiDep {
  ai: AiService;
}

/** The room service as the user, admin and problem routes see it. */
export interface RoomsDep {
  rooms: RoomDirectory;
}

export type AuthServiceDeps = Pick<ControlServices, 'sql' | 'log' | 'users' | 'audit' | 'tokens'> & {
  /** Outgoing email; absent when no mailer is configured, and then no reset token is even created. */
  mailer: Mailer | undefined;
};
export type UserRouteDeps = RouteKit & Pick<ControlServices, 'sql' | 'mode' | 'users' | 'audit' | 'cursors'> & RoomsDep & AiDep;
export type AdminRouteDeps = UserRouteDeps & PlaneClients;
export type ProblemRouteDeps = RouteKit & Pick<ControlServices, 'audit' | 'cursors'> & RoomsDep;
export type BookmarkRouteDeps = RouteKit & Pick<ControlServices, 'cursors'>;
export type UnavailableRouteDeps = RouteKit & { rooms: Pick<RoomDirectory, 'hasRoom'> };
export type SessionRouteDeps = RouteKit & Pick<ControlServices, 'log' | 'cursors'> & PlaneClients & AiDep;
