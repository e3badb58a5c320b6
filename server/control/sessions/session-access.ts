// Who may read a session: anyone who was ever a participant of the room (any role,
// active or left, not kicked) and admins. A participant who deleted it from their history gets
// SESSION_NOT_FOUND, exactly as for an unknown id.
import { AppError, type RoomRole } from '../../protocol/index.ts';
import { isUuid } from '../../protocol/api/common.ts';
import type { ParticipantRecord, RoomRecord, RoomStore } from '../../storage/rooms/index.ts';
import type { AuthUser } from '../auth/authenticate.ts';

export interface SessionAccess {
  user: AuthUser;
  room: RoomRecord;
  participants: ParticipantRecord[];
  /** The caller's participant row when they took part (not kicked). */
  me: ParticipantRecord | undefined;
  isAdmin: boolean;
}

export async function sessionAccess(store: RoomStore, sessionId: string | undefined, user: AuthUser): Promise<SessionAccess> {
  const notFound = () => new AppError('SESSION_NOT_FOUND', 'No such session.');
  if (!isUuid(sessionId)) throw notFound();
  const room = await store.rooms.getRoom(sessionId);
  if (!room || (await store.sessions.isDeletedFor(sessionId, user.id))) throw notFound();
  const participants = await store.rooms.listParticipants(room.id);
  const row = participants.find((p) => p.userId === user.id);
  const me = row && row.state !== 'kicked' ? row : undefined;
  const isAdmin = user.role === 'admin';
  if (!me && !isAdmin) throw new AppError('SESSION_FORBIDDEN', 'You did not take part in this session.');
  return { user, room, participants, me, isAdmin };
}

/** Whether the caller was host or interviewer (roles at finish, or now for a live room). */
export function isSessionStaff(a: SessionAccess): boolean {
  return a.me?.role === 'host' || a.me?.role === 'interviewer';
}

/** The training report's subject by default: the caller if candidate or practice host, else the candidate. */
export function defaultReportSubject(a: SessionAccess): string {
  if (a.me && isReportSubject(a.room.mode, a.me.role)) return a.user.id;
  return a.participants.find((p) => p.role === 'candidate')?.userId ?? a.user.id;
}

export function isReportSubject(mode: RoomRecord['mode'], role: RoomRole): boolean {
  return role === 'candidate' || (mode === 'practice' && role === 'host');
}

export function requireFinished(room: RoomRecord): void {
  if (room.status !== 'finished') throw new AppError('SESSION_NOT_FINISHED', 'The session has not finished yet.');
}
