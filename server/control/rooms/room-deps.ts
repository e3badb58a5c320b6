// What every room operation module receives: the engine (storage, collab, queue), the problems port and
// the control plane's shared context (tokens, audit, cursors, execution, config).
import type { ControlContext } from '../context.ts';
import type { RoomEngine } from './room-engine.ts';
import type { RoomProblems } from './room-problems.ts';

export interface RoomDeps {
  engine: RoomEngine;
  problems: RoomProblems;
  control: ControlContext;
  /** Split deployment: the collab process's public `…/collab` URL, used as given in JoinRoomResponse. */
  collabPublicUrl: string | undefined;
}
