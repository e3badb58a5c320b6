// What a finished room asks of the AI plane, and what the AI plane's conversation adds to the session
// record: training reports queued at the finish (one per subject: the candidate, or a practice room's host),
// and an `ai-message` timeline event for every stored message (ids only: the text is the owner's, readable
// through the AI history routes' rules, while the timeline is open to every participant).
import type { AiService } from '../../ai/index.ts';
import type { SessionDetail } from '../../protocol/api/sessions.ts';
import type { RoomRecord } from '../../storage/rooms/index.ts';
import { isReportSubject } from '../sessions/session-access.ts';
import type { RoomEngine } from '../rooms/room-engine.ts';
import { sessionContext, type ContextSources } from './ai-contexts.ts';

export type ReportStatus = SessionDetail['reportStatus'];

/**
 * Queues the reports of a room that just finished (`room` already in its finished state); returns what its
 * `room-finished` event records. A report's context is built from that finished room when the report runs.
 */
export async function queueSessionReports(ai: AiService, sources: ContextSources, room: RoomRecord): Promise<ReportStatus> {
  const subjects = (await sources.store.rooms.listParticipants(room.id))
    .filter((p) => p.state !== 'kicked' && isReportSubject(room.mode, p.role))
    .map((p) => p.userId);
  if (subjects.length === 0) return 'none';
  return ai.reports.queue({
    roomId: room.id,
    finishedAt: room.finishedAt ?? Date.now(),
    subjects,
    context: () => sessionContext(sources, room),
  });
}

/** Records each stored AI message on its room's timeline; returns the unsubscribe function. */
export function recordAiMessages(ai: AiService, engine: RoomEngine): () => void {
  return ai.onDidStoreMessage((m, jobId) => {
    engine
      .record(m.roomId, 'ai-message', m.role === 'user' ? m.userId : null, { messageId: m.id, jobId, userId: m.userId, role: m.role }, m.createdAt)
      .catch((error: unknown) => engine.log.warn('ai-message event not recorded', { roomId: m.roomId, error: String(error) }));
  });
}

/** The subject's overall score in a session's ready report, else null (SessionSummary, training stats, compare). */
export async function reportScore(ai: Pick<AiService, 'reports'>, roomId: string, subjectUserId: string): Promise<number | null> {
  return (await ai.reports.view(roomId, subjectUserId)).overallScore;
}
