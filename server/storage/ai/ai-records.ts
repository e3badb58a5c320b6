// Stored shapes of area `ai` (epoch-millisecond instants; JSON columns already parsed).
import type { JobStatus } from '../../protocol/index.ts';

export type AiJobKind = 'message' | 'hint' | 'review';

export interface AiJobError {
  code: string;
  message: string;
}

export interface AiJobRecord {
  id: string;
  roomId: string;
  userId: string;
  kind: AiJobKind;
  status: JobStatus;
  input: Record<string, unknown>;
  result: unknown;
  /** Message jobs: the assistant message the job produced (also set for a reply cut short by a cancel). */
  replyMessageId: string | null;
  error: AiJobError | null;
  createdAt: number;
  completedAt: number | null;
  /** The server process that runs (or ran) the job; null for jobs stored before processes were recorded. */
  nodeId: string | null;
  /**
   * A message job's reply text so far, while a clustered process generates it (see ReplyRelay.shared); kept
   * only on a job failed as abandoned (its process died), else dropped when the job ends.
   */
  replyText: string | null;
}

export interface AiMessageRecord {
  seq: number;
  id: string;
  roomId: string;
  /** The conversation owner (for an assistant reply, the user it answered). */
  userId: string;
  role: 'user' | 'assistant';
  content: string;
  createdAt: number;
}

export type ReportState = 'pending' | 'ready' | 'failed';

export interface ReportRecord {
  roomId: string;
  subjectUserId: string;
  status: ReportState;
  report: unknown;
  weaknesses: unknown;
  errorMessage: string | null;
  createdAt: number;
  generatedAt: number | null;
  /** When the session finished (orders a subject's reports for comparisons and weakness trends). */
  finishedAt: number;
}
