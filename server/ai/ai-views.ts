// Stored jobs and messages → the AI shapes of the REST API (AiJob<T>, AiMessage).
import type { AiMessage, CodeReview, HintResult } from '../protocol/api/ai.ts';
import type { JobStatus } from '../protocol/index.ts';
import { toTimestamp, toTimestampOrNull } from '../protocol/timestamps.ts';
import type { AiJobKind, AiJobRecord, AiMessageRecord } from '../storage/ai/index.ts';

export interface AiJobView<K extends AiJobKind, T> {
  id: string;
  kind: K;
  status: JobStatus;
  createdAt: string;
  completedAt: string | null;
  error: { code: string; message: string } | null;
  result: T | null;
}

export interface AiResults {
  message: AiMessage;
  hint: HintResult;
  review: CodeReview;
}

export function messageView(m: AiMessageRecord): AiMessage {
  return { id: m.id, roomId: m.roomId, userId: m.userId, role: m.role, content: m.content, createdAt: toTimestamp(m.createdAt) };
}

/** `reply`: a message job's assistant message (looked up by the caller from `replyMessageId`). */
export function jobView<K extends AiJobKind>(job: AiJobRecord & { kind: K }, reply?: AiMessageRecord): AiJobView<K, AiResults[K]> {
  const result = job.kind === 'message' ? (reply ? messageView(reply) : null) : (job.result as AiResults[K] | null);
  return {
    id: job.id,
    kind: job.kind,
    status: job.status,
    createdAt: toTimestamp(job.createdAt),
    completedAt: toTimestampOrNull(job.completedAt),
    error: job.error,
    result: result as AiResults[K] | null,
  };
}
