// AI interviewer schemas (request bodies, AiJob<T> and its results, the reply stream's events, weaknesses).
// Without a configured provider the AI routes answer 503 AI_UNAVAILABLE.
import * as z from 'zod';
import { zJobStatus, zSupportedLanguage, zTimestamp, zUuid } from './common.ts';
import { REPORT_DIMENSIONS, zEvidence } from './sessions.ts';

/** Editor text sent as context: at most 64 KiB as UTF-8. */
const zCodeContext = z.string().refine((s) => new TextEncoder().encode(s).length <= 65_536, 'must be at most 64 KiB');

export const zAiMessageBody = z.object({
  content: z.string().min(1).max(4000),
  code: zCodeContext.optional(),
  language: zSupportedLanguage.optional(),
});
export const zAiHintBody = z.object({
  level: z.union([z.literal(1), z.literal(2), z.literal(3)]).optional(),
  code: zCodeContext.optional(),
  language: zSupportedLanguage.optional(),
});
export const zAiReviewBody = z.object({ code: zCodeContext.pipe(z.string().min(1)), language: zSupportedLanguage });

const zJobError = z.object({ code: z.string(), message: z.string() }).nullable();
const zSeverity = z.enum(['error', 'warning', 'info']);

export const zAiMessage = z.object({
  id: zUuid,
  roomId: zUuid,
  userId: zUuid,
  role: z.enum(['user', 'assistant']),
  content: z.string(),
  createdAt: zTimestamp,
});
export type AiMessage = z.infer<typeof zAiMessage>;
export const zHintResult = z.object({ level: z.union([z.literal(1), z.literal(2), z.literal(3)]), content: z.string() });
export const zCodeReview = z.object({
  summary: z.string(),
  score: z.number().int().min(0).max(100),
  dimensions: z.array(
    z.object({
      name: z.enum(REPORT_DIMENSIONS),
      score: z.number().int().min(0).max(100),
      summary: z.string(),
      evidence: z.array(zEvidence),
    }),
  ),
  comments: z.array(z.object({ line: z.number().int().nullable(), severity: zSeverity, message: z.string() })),
});

export type HintResult = z.infer<typeof zHintResult>;
export type CodeReview = z.infer<typeof zCodeReview>;

export function zAiJob<T extends z.ZodType>(kind: 'message' | 'hint' | 'review', result: T) {
  return z.object({
    id: zUuid,
    kind: z.literal(kind),
    status: zJobStatus,
    createdAt: zTimestamp,
    completedAt: zTimestamp.nullable(),
    error: zJobError,
    result: result.nullable(),
  });
}

export const zWeaknessEntry = z.object({
  tag: z.string(),
  label: z.string(),
  severity: z.number().min(0).max(1),
  occurrences: z.number().int(),
  trend: z.enum(['improving', 'stable', 'worsening']),
  lastSeenAt: zTimestamp,
  evidence: z.array(zEvidence).max(5),
});
export type WeaknessEntry = z.infer<typeof zWeaknessEntry>;
export const zWeaknesses = z.object({ items: z.array(zWeaknessEntry) });

/** `event: delta` of the reply stream: the next piece of the assistant's text. */
export const zAiDelta = z.object({ content: z.string() });
/** `event: error` of the reply stream: the job failed (AI_UNAVAILABLE, AI_CANCELLED, INTERNAL). */
export const zAiStreamError = z.object({ code: z.string(), message: z.string() });

export const zAnalysisBody = z.object({ code: zCodeContext, language: zSupportedLanguage });
export const zAnalysisIssue = z.object({
  line: z.number().int().min(1),
  column: z.number().int().min(1),
  endLine: z.number().int().nullable(),
  endColumn: z.number().int().nullable(),
  severity: zSeverity,
  ruleId: z.string(),
  message: z.string(),
});
export const zAnalysisJob = z.object({
  id: zUuid,
  status: zJobStatus,
  createdAt: zTimestamp,
  completedAt: zTimestamp.nullable(),
  error: zJobError,
  result: z.object({ issues: z.array(zAnalysisIssue), complexity: z.object({ time: z.string(), space: z.string() }).nullable() }).nullable(),
});
