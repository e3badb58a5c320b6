// The collab JWT of control-plane.md §3: HS256, issued by `POST /v1/rooms/:roomId/join`, accepted only on
// /collab (collab-plane.md §3). The same secret signs access tokens; `typ` keeps the two apart.

import type { RoomRole } from './enums.ts';

export const COLLAB_TOKEN_TYP = 'collab';
/** Default lifetime set by the control plane (collab-plane.md §11). */
export const COLLAB_TOKEN_LIFETIME_MS = 600_000;

export interface CollabTokenClaims {
  /** userId. */
  sub: string;
  roomId: string;
  /** Used only when the collab plane has no effective role for the user yet (collab-plane.md §3). */
  role: RoomRole;
  /** Display name, shown through awareness. */
  name: string;
  /** `#rrggbb`. */
  color: string;
  typ: typeof COLLAB_TOKEN_TYP;
  /** Seconds since the epoch (JWT). Compared with the left marker at handshake check 6b. */
  iat: number;
  exp: number;
}
