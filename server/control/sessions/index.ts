// The sessions module's public face: registers the /v1/sessions routes (finished rooms, their history,
// snapshots, reports and whiteboard) over the rooms storage.
import type { RoomStore } from '../../storage/rooms/index.ts';
import type { ControlServices, SessionRouteDeps } from '../context.ts';
import { catalogProblems } from '../rooms/catalog-problems.ts';
import { registerSessionRouteTable } from './session-routes.ts';

/** `store`: the room service's store (opened once, by the control plane). */
export function registerSessionRoutes(deps: SessionRouteDeps & Pick<ControlServices, 'problems'>, store: RoomStore): void {
  registerSessionRouteTable(deps, store, catalogProblems(deps.problems));
}
