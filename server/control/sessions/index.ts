// The sessions module's public face: registers the /v1/sessions routes (finished rooms, their history,
// snapshots, reports and whiteboard) over the rooms storage.
import { openRoomStore } from '../../storage/rooms/index.ts';
import type { ControlServices, SessionRouteDeps } from '../context.ts';
import { catalogProblems } from '../rooms/catalog-problems.ts';
import { registerSessionRouteTable } from './session-routes.ts';

export function registerSessionRoutes(deps: SessionRouteDeps & Pick<ControlServices, 'db' | 'problems'>): void {
  registerSessionRouteTable(deps, openRoomStore(deps.db), catalogProblems(deps.problems));
}
