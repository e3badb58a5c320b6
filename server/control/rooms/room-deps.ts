// What every room operation module receives: the engine (storage, collab, queue), the problems and media
// ports, the execution plane, and the control plane's shared pieces rooms use (routes, tokens, audit, cursors).
import type { ExecutionPlane } from '../../execution/types.ts';
import type { LiveKitOptions } from '../../server-options.ts';
import type { ControlServices, RouteKit } from '../context.ts';
import type { MediaControl } from './media-control.ts';
import type { RoomEngine } from './room-engine.ts';
import type { RoomProblems } from './room-problems.ts';

export interface RoomDeps {
  engine: RoomEngine;
  problems: RoomProblems;
  control: RouteKit & Pick<ControlServices, 'audit' | 'tokens' | 'cursors'>;
  execution: ExecutionPlane;
  /** Server-side media mute (LiveKit when configured, otherwise a no-op). */
  media: MediaControl;
  /** Media tokens are signed with these; absent, `media/token` answers 503 ROOM_MEDIA_UNAVAILABLE. */
  livekit: LiveKitOptions | undefined;
  /** JoinRoomResponse.collabUrl: `ws(s)://…/collab` of the configured public URL, or the collab process's public URL. */
  collabUrl(): string;
}
