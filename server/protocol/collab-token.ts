// The collab JWT: HS256, issued by `POST /v1/rooms/:roomId/join`, accepted only on /collab (as the `token`
// query parameter of the upgrade). The same secret signs access tokens; `typ` keeps the two apart.

import type { RoomRole } from './enums.ts';

export const COLLAB_TOKEN_TYP = 'collab';
/** Default lifetime set by the control plane: 10 minutes; clients renew through join. */
export const COLLAB_TOKEN_LIFETIME_MS = 600_000;

export interface CollabTokenClaims {
  /** userId. */
  sub: string;
  roomId: string;
  /** Used only when the collab plane has no effective role for the user yet (its own participant list wins). */
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
