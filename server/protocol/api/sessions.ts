// Session schemas (the /v1/sessions endpoints and SessionDetail/SessionEvent). A session is the durable record of one room
// (`sessionId` = `roomId`).
import * as z from 'zod';
import { SNAPSHOT_TRIGGERS, VERDICTS } from '../enums.ts';
import { zSubmissionSummary } from './executions.ts';
import { zDifficulty, zLimit, zRoomMode, zRoomRole, zRoomStatus, zSupportedLanguage, zTimestamp, zUuid } from './common.ts';

const zVerdict = z.enum(VERDICTS);
export const zSnapshotTrigger = z.enum(SNAPSHOT_TRIGGERS);

/** The `SessionEvent.type` list. Adding a value is not a breaking change. */
export const SESSION_EVENT_TYPES = [
  'room-created',
  'participant-joined',
  'participant-left',
  'participant-kicked',
  'participant-updated',
  'user-disconnected',
  'phase-changed',
  'problem-changed',
  'settings-changed',
  'editor-locked',
  'editor-unlocked',
  'timer-paused',
  'timer-resumed',
  'timer-expired',
  'role-swapped',
  'run',
  'submission',
  'snapshot',
  'recording-started',
  'recording-stopped',
  'ai-message',
  'feedback-submitted',
  'room-finished',
] as const;
export type SessionEventType = (typeof SESSION_EVENT_TYPES)[number];

export const zSessionEvent = z.object({
  id: zUuid,
  sessionId: zUuid,
  at: zTimestamp,
  type: z.enum(SESSION_EVENT_TYPES),
  actorId: zUuid.nullable(),
  data: z.record(z.string(), z.unknown()),
});
export type SessionEvent = z.infer<typeof zSessionEvent>;

export const zCodeSnapshot = z.object({
  id: zUuid,
  roomId: zUuid,
  takenAt: zTimestamp,
  trigger: zSnapshotTrigger,
  bytes: z.base64(),
  sizeBytes: z.number().int(),
});

export const zSessionSummary = z.object({
  id: zUuid,
  name: z.string(),
  mode: zRoomMode,
  myRole: zRoomRole,
  problem: z.object({ id: zUuid, title: z.string(), difficulty: zDifficulty }).nullable(),
  language: zSupportedLanguage,
  startedAt: zTimestamp.nullable(),
  finishedAt: zTimestamp.nullable(),
  durationMs: z.number().int().nullable(),
  finalVerdict: zVerdict.nullable(),
  overallScore: z.number().int().nullable(),
});
export type SessionSummary = z.infer<typeof zSessionSummary>;

export const zSessionParticipant = z.object({
  userId: zUuid,
  displayName: z.string(),
  role: zRoomRole,
  joinedAt: zTimestamp,
  leftAt: zTimestamp.nullable(),
  kicked: z.boolean(),
});

export const REPORT_STATUSES = ['none', 'pending', 'ready', 'failed', 'unavailable'] as const;
export const zSessionDetail = zSessionSummary.extend({
  status: zRoomStatus,
  participants: z.array(zSessionParticipant),
  submissions: z.array(zSubmissionSummary),
  snapshotCount: z.number().int(),
  hasRecording: z.boolean(),
  hasWhiteboard: z.boolean(),
  reportStatus: z.enum(REPORT_STATUSES),
});
export type SessionDetail = z.infer<typeof zSessionDetail>;

export const REPORT_DIMENSIONS = ['problem-solving', 'code-quality', 'communication', 'testing', 'efficiency'] as const;
export const zEvidence = z.object({
  sessionId: zUuid,
  snapshotId: zUuid.nullable(),
  line: z.number().int().nullable(),
  quote: z.string(),
  note: z.string(),
});
export const zTrainingReport = z.object({
  sessionId: zUuid,
  subjectUserId: zUuid,
  status: z.enum(['pending', 'ready', 'failed', 'unavailable']),
  overallScore: z.number().int().nullable(),
  summary: z.string().nullable(),
  dimensions: z.array(
    z.object({ name: z.enum(REPORT_DIMENSIONS), score: z.number().int(), summary: z.string(), evidence: z.array(zEvidence) }),
  ),
  strengths: z.array(z.string()),
  improvements: z.array(z.string()),
  generatedAt: zTimestamp.nullable(),
});
export type TrainingReport = z.infer<typeof zTrainingReport>;

export const zSessionComparison = z.object({
  sessions: z.array(
    z.object({ sessionId: zUuid, finishedAt: zTimestamp, problemTitle: z.string().nullable(), overallScore: z.number().int().nullable() }),
  ),
  dimensions: z.array(z.object({ name: z.string(), scores: z.array(z.number().int().nullable()) })),
});
export type SessionComparison = z.infer<typeof zSessionComparison>;

/** One accepted update of a session's `code` or `whiteboard` document; `seq` ascends in commit order. */
export const zReplayUpdate = z.object({
  seq: z.number().int(),
  at: zTimestamp,
  userId: zUuid.nullable(),
  update: z.base64(),
});
export type ReplayUpdate = z.infer<typeof zReplayUpdate>;

export const zReplayPage = z.object({ items: z.array(zReplayUpdate), nextAfter: z.number().int().nullable() });
export type ReplayPage = z.infer<typeof zReplayPage>;

export const zWhiteboardExport = z.object({
  sessionId: zUuid,
  format: z.enum(['json', 'png']),
  exportedAt: zTimestamp,
  records: z.array(z.record(z.string(), z.unknown())).nullable(),
  url: z.string().nullable(),
  expiresAt: zTimestamp.nullable(),
});
export type WhiteboardExport = z.infer<typeof zWhiteboardExport>;

// ---- requests ----

export const zListSessionsQuery = z.object({
  mode: zRoomMode.optional(),
  from: zTimestamp.optional(),
  to: zTimestamp.optional(),
  limit: zLimit(),
  cursor: z.string().min(1).optional(),
});
export const zCompareQuery = z.object({
  ids: z
    .string()
    .transform((s) => s.split(','))
    .pipe(z.array(zUuid).min(2).max(5)),
});
export const zReportQuery = z.object({ userId: zUuid.optional() });
export const zTimelineQuery = z.object({ limit: zLimit(500, 100), cursor: z.string().min(1).optional() });
export const zSnapshotsQuery = z.object({
  trigger: zSnapshotTrigger.optional(),
  limit: zLimit(50, 20),
  cursor: z.string().min(1).optional(),
});
export const zWhiteboardQuery = z.object({ format: z.enum(['json', 'png']).optional() });
export const REPLAY_PAGE_MAX = 5000;
export const zReplayQuery = z.object({
  after: z
    .string()
    .regex(/^\d+$/, 'must be a non-negative integer')
    .transform(Number)
    .pipe(z.number().int().min(0).max(Number.MAX_SAFE_INTEGER))
    .optional(),
  limit: zLimit(REPLAY_PAGE_MAX, 1000),
});
export const zAiHistoryQuery = z.object({
  userId: zUuid.optional(),
  limit: zLimit(),
  cursor: z.string().min(1).optional(),
});
