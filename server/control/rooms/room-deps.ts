// What every room operation module receives: the engine (storage, collab, queue), the problems and media
// ports, and the control plane's shared context (tokens, audit, cursors, execution, config).
import type { ControlContext } from '../context.ts';
import type { MediaControl } from './media-control.ts';
import type { RoomEngine } from './room-engine.ts';
import type { RoomProblems } from './room-problems.ts';

export interface RoomDeps {
  engine: RoomEngine;
  problems: RoomProblems;
  control: ControlContext;
  /** Server-side media mute (LiveKit when configured, otherwise a no-op). */
  media: MediaControl;
  /** Split deployment: the collab process's public `…/collab` URL, used as given in JoinRoomResponse. */
  collabPublicUrl: string | undefined;
}
