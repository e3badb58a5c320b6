// The rooms module's public face: the room service the rest of the control plane uses (RoomDirectory and
// the collab plane's callback receiver), which also registers the /v1/rooms routes.
//
//   const store = await openRoomStore(sql);  // area `rooms` migrations (after `control`)
//   const rooms = createRoomService({ ...services, ...routeKit, store, collab, execution, livekit, collabUrl });
//   collabPlane.start(rooms.callbacks);  // snapshot-ready / user-disconnected receiver
//   rooms.registerRoutes();              // /v1/rooms, /v1/runs, /v1/submissions
//   await rooms.start();                 // arms the phase/age/swap clocks, releases ended submit locks
//   await rooms.close();                 // on shutdown: stops the room clocks and waits for queued work
import type { CollabCallbacks } from '../../protocol/index.ts';
import type { AiService } from '../../ai/index.ts';
import type { LiveKitOptions } from '../../server-options.ts';
import type { RoomStore } from '../../storage/rooms/index.ts';
import type { ControlServices, PlaneClients, RouteKit } from '../context.ts';
import { registerAiRoutes } from '../ai/ai-routes.ts';
import type { ContextSources } from '../ai/ai-contexts.ts';
import { queueSessionReports, recordAiMessages, reportScore } from '../ai/session-reports.ts';
import type { RoomDirectory } from '../room-directory.ts';
import { catalogProblems } from './catalog-problems.ts';
import { createCollabCallbacks } from './collab-callbacks.ts';
import { registerRoomControlRoutes } from './control-routes.ts';
import { liveKitMediaControl, noMediaControl } from './media-control.ts';
import { createRoomDirectory } from './room-directory-impl.ts';
import { RoomEngine, type RoomCoordination, type RoomTimers } from './room-engine.ts';
import { releaseEndedSubmitLocks, watchExecutions } from './room-execution.ts';
import { registerRoomExecutionRoutes, registerRoomLifecycleRoutes } from './room-routes.ts';
import { RoomScheduler } from './room-scheduler.ts';

export interface RoomModuleOptions {
  /** Role-swap request expiry. Default 60000; tests shorten it. */
  roleSwapTtlMs?: number;
  /** A room still open this long after creation is finished automatically. Default 24 h. */
  maxRoomAgeMs?: number;
  /** Several server processes: room operations locked across them, room clocks kept in step. */
  coordination?: RoomCoordination;
}

export type RoomServiceDeps = RouteKit &
  Pick<ControlServices, 'mode' | 'log' | 'audit' | 'tokens' | 'cursors' | 'problems'> &
  PlaneClients & {
    /** Area `rooms` storage, migrated (the session routes read the same store). */
    store: RoomStore;
    /** AI jobs and training reports (reports are queued when a room finishes). */
    ai: AiService;
    livekit: LiveKitOptions | undefined;
    /** JoinRoomResponse.collabUrl (`ws(s)://…/collab`), from the configured public URL. */
    collabUrl(): string;
    options: RoomModuleOptions;
  };

export interface RoomService extends RoomDirectory {
  /** The collab plane's callback receiver (in-process calls or the /internal/callbacks routes). */
  callbacks: CollabCallbacks;
  registerRoutes(): void;
  /**
   * Arms the room clocks from the store and releases submit locks whose submission ended unseen (after the collab
   * plane was started with `callbacks`).
   */
  start(): Promise<void>;
  /** Stops the phase/age/swap clocks and the execution subscription, then waits for queued room work. */
  close(): Promise<void>;
}

export const DEFAULT_ROLE_SWAP_TTL_MS = 60_000;
export const DEFAULT_MAX_ROOM_AGE_MS = 24 * 60 * 60 * 1000;

export function createRoomService(deps: RoomServiceDeps): RoomService {
  const { store } = deps;
  const sources: ContextSources = { store, problems: deps.problems, execution: deps.execution, hintsUsed: deps.ai.hintsUsed };
  const engine = new RoomEngine(
    store,
    deps.collab,
    deps.log,
    {
      roleSwapTtlMs: deps.options.roleSwapTtlMs ?? DEFAULT_ROLE_SWAP_TTL_MS,
      maxRoomAgeMs: deps.options.maxRoomAgeMs ?? DEFAULT_MAX_ROOM_AGE_MS,
      coordination: deps.options.coordination,
    },
    (room) => queueSessionReports(deps.ai, sources, room),
  );
  const d = {
    engine,
    problems: catalogProblems(deps.problems),
    control: deps,
    execution: deps.execution,
    media: deps.livekit ? liveKitMediaControl(deps.livekit, deps.log) : noMediaControl,
    livekit: deps.livekit,
    collabUrl: deps.collabUrl,
  };
  const scheduler = new RoomScheduler(engine);
  const coordination = deps.options.coordination;
  engine.timers = coordination ? announcing(scheduler, coordination) : scheduler;
  const unfollow =
    coordination?.onChange((roomId) => {
      (roomId === null ? scheduler.start() : scheduler.refresh(roomId)).catch((error: unknown) => {
        deps.log.warn('room clocks not re-armed after a change elsewhere', { roomId, error: String(error) });
      });
    }) ?? (() => {});
  const unwatch = watchExecutions(engine, deps.execution);
  const unrecord = recordAiMessages(deps.ai, engine);
  return {
    ...createRoomDirectory(d, (roomId, userId) => reportScore(deps.ai, roomId, userId)),
    callbacks: createCollabCallbacks(engine),
    registerRoutes() {
      registerRoomLifecycleRoutes(d);
      registerRoomControlRoutes(d);
      registerRoomExecutionRoutes(d);
      registerAiRoutes({ engine, control: deps, execution: deps.execution, ai: deps.ai });
    },
    async start() {
      await scheduler.start();
      await releaseEndedSubmitLocks(engine, deps.execution);
    },
    async close() {
      unfollow();
      unwatch();
      unrecord();
      scheduler.close();
      await engine.drain();
    },
  };
}

/** The clocks re-armed here are re-armed in the other processes too. */
function announcing(scheduler: RoomScheduler, coordination: RoomCoordination): RoomTimers {
  return {
    async roomChanged(room) {
      await scheduler.roomChanged(room);
      coordination.announce(room.id);
    },
    roomFinished(roomId) {
      scheduler.roomFinished(roomId);
      coordination.announce(roomId);
    },
  };
}

export { createCallbackRouter } from './callback-routes.ts';
