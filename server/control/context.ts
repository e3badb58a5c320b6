import type { ApiRouter } from '../http/api-router.ts';
import type { ApiContext } from '../http/api-context.ts';
import type { SqliteDatabase } from '../storage/database.ts';
import type { UsersRepository } from '../storage/control/users-repository.ts';
import type { CollabCallbacks, CollabControl, ServerMode } from '../protocol/index.ts';
import type { ExecutionPlane } from '../execution/types.ts';
import type { LiveKitOptions, Logger } from '../server-options.ts';
import type { AuditLog } from './audit/audit-log.ts';
import type { Authenticator } from './auth/authenticate.ts';
import type { TokenSigner } from './auth/tokens.ts';
import type { Mailer } from './auth/mailer.ts';
import type { CursorCodec } from './http/pagination.ts';
import type { RoomDirectory } from './room-directory.ts';
import type { ProblemCatalog } from './problems/problem-catalog.ts';

export interface ControlConfig {
  mode: ServerMode;
  livekit: LiveKitOptions | undefined;
  mailer: Mailer | undefined;
  /** Public origin (e.g. `https://rooms.example.com`) when configured; otherwise derived per request. */
  publicBaseUrl: string | undefined;
}

/**
 * Everything a control-plane route module receives: storage, the other planes, and the shared helpers.
 * Part B's `registerRoomRoutes(router, ctx)` / `registerSessionRoutes(router, ctx)` get this object.
 */
export interface ControlContext {
  router: ApiRouter;
  db: SqliteDatabase;
  config: ControlConfig;
  log: Logger;
  users: UsersRepository;
  audit: AuditLog;
  /** Problems: findSelectable(id) (PROBLEM_NOT_FOUND when undefined), summary(problem, viewerId), testCases(id), starterCode. */
  problems: ProblemCatalog;
  /** requireUser / requireAdmin. */
  auth: Authenticator;
  /** Access and collab JWTs (`tokens.signCollab(...)` for `POST /v1/rooms/:roomId/join`). */
  tokens: TokenSigner;
  /** Opaque keyset cursors (server/control/http/pagination.ts). */
  cursors: CursorCodec;
  /** The collab plane (in-process or internal HTTP); undefined only while it is not wired yet. */
  collab: CollabControl | undefined;
  execution: ExecutionPlane | undefined;
  /** Set by the rooms module (part B) when it registers; null until then. */
  rooms: RoomDirectory | null;
  /** Set by the rooms module: receiver of the collab plane's callbacks (collab-plane.md §13). */
  collabCallbacks: CollabCallbacks | null;
  /** `ws(s)://host/collab` for JoinRoomResponse.collabUrl, from publicBaseUrl or the request's Host. */
  collabUrlFor(ctx: ApiContext): string;
}
