// Peer feedback (POST /v1/rooms/:roomId/feedback). Live rooms take feedback in `wrapup`; a finished room takes it for 7 more days
// from anyone who was a non-spectator participant at the finish (the one exception to ROOM_CLOSED).
import { randomUUID } from 'node:crypto';
import { AppError } from '../../protocol/index.ts';
import type { PeerFeedbackEntry } from '../../protocol/api/rooms.ts';
import type { FeedbackRecord } from '../../storage/rooms/index.ts';
import type { AuthUser } from '../auth/authenticate.ts';
import { toTimestamp } from '../../protocol/timestamps.ts';
import { NON_SPECTATOR, STAFF, allow, roomAccess } from './room-access.ts';
import { withRoom } from './room-control.ts';
import type { RoomDeps } from './room-deps.ts';

export const FEEDBACK_GRACE_MS = 7 * 24 * 60 * 60 * 1000;

export function feedbackView(f: FeedbackRecord): PeerFeedbackEntry {
  return {
    id: f.id,
    roomId: f.roomId,
    authorId: f.authorId,
    authorName: f.authorName,
    targetUserId: f.targetUserId,
    ratings: f.ratings,
    comment: f.comment,
    recommendation: f.recommendation,
    createdAt: toTimestamp(f.createdAt),
  };
}

export interface FeedbackInput {
  targetUserId: string;
  ratings: FeedbackRecord['ratings'];
  comment?: string;
  recommendation?: FeedbackRecord['recommendation'];
}

export function submitFeedback(d: RoomDeps, user: AuthUser, roomId: string | undefined, parse: () => FeedbackInput): Promise<PeerFeedbackEntry> {
  return withRoom(d, user, roomId, async (a) => {
    const { engine } = d;
    if (a.room.status === 'finished') {
      // After the finish: any non-spectator who was still a participant (active or left, not kicked).
      if (!a.me || a.me.state === 'kicked' || a.me.role === 'spectator') {
        throw new AppError('ROOM_FORBIDDEN', 'Only non-spectator participants may give feedback.');
      }
    } else {
      allow(a, { roles: NON_SPECTATOR });
    }
    const input = parse();
    if (a.room.status !== 'finished' && a.room.status !== 'wrapup') {
      throw new AppError('ROOM_INVALID_PHASE', 'Feedback opens in wrapup.', { phase: a.room.status, allowed: ['wrapup', 'finished'] });
    }
    if (a.room.status === 'finished' && engine.now() - (a.room.finishedAt ?? 0) > FEEDBACK_GRACE_MS) {
      throw new AppError('ROOM_CLOSED', 'Feedback closed 7 days after the room finished.');
    }
    const target = await engine.store.rooms.getParticipant(a.room.id, input.targetUserId);
    if (!target || target.userId === user.id || target.role === 'spectator') {
      throw new AppError('ROOM_FEEDBACK_INVALID_TARGET', 'Feedback goes to another non-spectator participant.');
    }
    const id = randomUUID();
    const stored = await engine.store.feedback.insert({
      id,
      roomId: a.room.id,
      authorId: user.id,
      targetUserId: target.userId,
      ratings: input.ratings,
      comment: input.comment ?? null,
      recommendation: input.recommendation ?? null,
      createdAt: engine.now(),
    });
    if (!stored) throw new AppError('ROOM_FEEDBACK_EXISTS', 'You already gave feedback to this participant.');
    await engine.record(a.room.id, 'feedback-submitted', user.id, { feedbackId: id, targetUserId: target.userId });
    return feedbackView((await engine.store.feedback.get(id))!);
  });
}

export async function listFeedback(d: RoomDeps, user: AuthUser, roomId: string | undefined, mine: boolean): Promise<PeerFeedbackEntry[]> {
  const access = await roomAccess(d.engine, roomId, user);
  if (mine) allow(access, { roles: NON_SPECTATOR });
  else allow(access, { roles: STAFF, admin: true });
  const all = await d.engine.store.feedback.listForRoom(access.room.id);
  return (mine ? all.filter((f) => f.authorId === user.id) : all).map(feedbackView);
}
