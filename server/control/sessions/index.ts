// The sessions module's public face: registers the /v1/sessions routes (§9.13) over the rooms storage.
import type { ApiRouter } from '../../http/api-router.ts';
import { openRoomStore } from '../../storage/rooms/index.ts';
import type { ControlContext } from '../context.ts';
import { catalogProblems } from '../rooms/catalog-problems.ts';
import { registerSessionRouteTable } from './session-routes.ts';

export function registerSessionRoutes(router: ApiRouter, ctx: ControlContext): void {
  registerSessionRouteTable({ ...ctx, router }, openRoomStore(ctx.db), catalogProblems(ctx.problems));
}
