// Who may do what in a room: the permission matrix's room rows. Endpoints name the active roles they
// allow and whether a non-participant admin may read; anything else is ROOM_FORBIDDEN. A participant who
// is also an admin has the union of both sets of rights.
import { AppError, type RoomRole } from '../../protocol/index.ts';
import { isUuid } from '../../protocol/api/common.ts';
import type { ParticipantRecord, RoomRecord } from '../../storage/rooms/index.ts';
import type { AuthUser } from '../auth/authenticate.ts';
import type { RoomEngine } from './room-engine.ts';

export interface RoomAccess {
  user: AuthUser;
  room: RoomRecord;
  /** The caller's participant row in any state, if they ever joined. */
  me: ParticipantRecord | undefined;
  /** The caller's role while `active`, else null. */
  role: RoomRole | null;
  isAdmin: boolean;
}

/** Loads the room of a `:roomId` path (not a UUID or unknown → ROOM_NOT_FOUND) and the caller's standing. */
export async function roomAccess(engine: RoomEngine, roomId: string | undefined, user: AuthUser): Promise<RoomAccess> {
  if (!isUuid(roomId)) throw new AppError('ROOM_NOT_FOUND', 'No such room.');
  const room = await engine.requireRoom(roomId);
  const me = await engine.store.rooms.getParticipant(roomId, user.id);
  return { user, room, me, role: me?.state === 'active' ? me.role : null, isAdmin: user.role === 'admin' };
}

export interface Allowed {
  /** Active roles allowed (H I C S: host, interviewer, candidate, spectator). */
  roles: readonly RoomRole[];
  /** Whether an admin who is not a participant (A) is allowed too. */
  admin?: boolean;
}

export const ANY_ROLE: readonly RoomRole[] = ['host', 'interviewer', 'candidate', 'spectator'];
export const NON_SPECTATOR: readonly RoomRole[] = ['host', 'interviewer', 'candidate'];
export const STAFF: readonly RoomRole[] = ['host', 'interviewer'];

/** Throws ROOM_FORBIDDEN unless the caller's active role (or admin standing) is allowed. */
export function allow(access: RoomAccess, allowed: Allowed): void {
  if (access.role && allowed.roles.includes(access.role)) return;
  if (allowed.admin && access.isAdmin) return;
  throw new AppError('ROOM_FORBIDDEN', 'Your role in this room does not allow this.');
}

/** A mutation on a finished room → ROOM_CLOSED. */
export function requireOpen(room: RoomRecord): void {
  if (room.status === 'finished') throw new AppError('ROOM_CLOSED', 'This room has finished.');
}
