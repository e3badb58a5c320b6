// The rooms module's public face: registers the /v1/rooms routes (§9.3–§9.6, §9.9, §9.12) and returns
// the room service the rest of the control plane uses (ControlContext.rooms and collabCallbacks).
//
//   const rooms = registerRoomRoutes(router, ctx, { roleSwapTtlMs, collabPublicUrl });
//   ctx.rooms = rooms;                      // RoomDirectory: forceClose, leaveAllRooms, kickFromAllRooms, ...
//   ctx.collabCallbacks = rooms.callbacks;  // snapshot-ready / user-disconnected receiver (§13)
//   await rooms.close();                    // on shutdown: stops the room clocks and waits for queued work
import type { ApiRouter } from '../../http/api-router.ts';
import type { CollabCallbacks } from '../../protocol/index.ts';
import { openRoomStore } from '../../storage/rooms/index.ts';
import type { ControlContext } from '../context.ts';
import type { RoomDirectory } from '../room-directory.ts';
import { catalogProblems } from './catalog-problems.ts';
import { createCollabCallbacks } from './collab-callbacks.ts';
import { registerRoomControlRoutes } from './control-routes.ts';
import { liveKitMediaControl, noMediaControl } from './media-control.ts';
import { createRoomDirectory } from './room-directory-impl.ts';
import { RoomEngine } from './room-engine.ts';
import { watchExecutions } from './room-execution.ts';
import { registerRoomExecutionRoutes, registerRoomLifecycleRoutes } from './room-routes.ts';
import { RoomScheduler } from './room-scheduler.ts';

export interface RoomModuleOptions {
  /** Role-swap expiry (§9.5). Default 60000; tests shorten it. */
  roleSwapTtlMs?: number;
  /** Auto-finish age (§7). Default 24 h. */
  maxRoomAgeMs?: number;
  /** Split deployment: JoinRoomResponse.collabUrl is this URL (the collab process's public `…/collab`). */
  collabPublicUrl?: string;
}

export interface RoomService extends RoomDirectory {
  /** The collab plane's callback receiver (in-process calls or the /internal/callbacks routes). */
  callbacks: CollabCallbacks;
  /** Stops the phase/age/swap clocks and the execution subscription, then waits for queued room work. */
  close(): Promise<void>;
}

export const DEFAULT_ROLE_SWAP_TTL_MS = 60_000;
export const DEFAULT_MAX_ROOM_AGE_MS = 24 * 60 * 60 * 1000;

export function registerRoomRoutes(router: ApiRouter, ctx: ControlContext, options: RoomModuleOptions = {}): RoomService {
  const store = openRoomStore(ctx.db);
  const engine = new RoomEngine(store, ctx.collab, ctx.log, {
    roleSwapTtlMs: options.roleSwapTtlMs ?? DEFAULT_ROLE_SWAP_TTL_MS,
    maxRoomAgeMs: options.maxRoomAgeMs ?? DEFAULT_MAX_ROOM_AGE_MS,
  });
  const deps = {
    engine,
    problems: catalogProblems(ctx.problems),
    control: { ...ctx, router },
    media: ctx.config.livekit ? liveKitMediaControl(ctx.config.livekit, ctx.log) : noMediaControl,
    collabPublicUrl: options.collabPublicUrl,
  };
  registerRoomLifecycleRoutes(deps);
  registerRoomControlRoutes(deps);
  registerRoomExecutionRoutes(deps);
  const scheduler = new RoomScheduler(engine);
  engine.timers = scheduler;
  scheduler.start();
  const unwatch = ctx.execution ? watchExecutions(engine, ctx.execution) : () => {};
  return {
    ...createRoomDirectory(deps),
    callbacks: createCollabCallbacks(engine),
    async close() {
      unwatch();
      scheduler.close();
      await engine.drain();
    },
  };
}

export { createCallbackRouter } from './callback-routes.ts';
