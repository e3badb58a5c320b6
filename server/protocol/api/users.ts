// User schemas: the /v1/users endpoints and UserProfile, QuotaInfo and the training stats.
import * as z from 'zod';
import { zSupportedLanguage, zTimestamp, zUrl, zUuid } from './common.ts';
import { zDisplayName } from './auth.ts';
import { zRoomSummary } from './room-summary.ts';

export const zPatchMeBody = z.object({
  displayName: zDisplayName.optional(),
  bio: z.string().max(500).nullable().optional(),
  avatarUrl: zUrl.nullable().optional(),
  preferredLanguage: zSupportedLanguage.nullable().optional(),
});

export const zDeleteMeBody = z.object({ password: z.string() });

export const zPublicProfile = z.object({
  id: zUuid,
  displayName: z.string(),
  avatarUrl: zUrl.nullable(),
  bio: z.string().nullable(),
  createdAt: zTimestamp,
  stats: z.object({ sessionsCompleted: z.number().int(), problemsSolved: z.number().int() }),
});
export type PublicProfile = z.infer<typeof zPublicProfile>;

export const AVATAR_CONTENT_TYPES = ['image/png', 'image/jpeg', 'image/webp'] as const;
export const zAvatarUploadBody = z.object({
  contentType: z.enum(AVATAR_CONTENT_TYPES),
  sizeBytes: z.number().int().min(1).max(2_097_152),
});
export const zAvatarUpload = z.object({
  uploadUrl: zUrl,
  method: z.literal('PUT'),
  headers: z.record(z.string(), z.string()),
  avatarUrl: zUrl,
  expiresAt: zTimestamp,
});

const zQuotaSet = z.object({
  roomsPerDay: z.number().int().nullable(),
  runsPerDay: z.number().int().nullable(),
  submissionsPerDay: z.number().int().nullable(),
  aiRequestsPerDay: z.number().int().nullable(),
  recordingMinutesPerMonth: z.number().int().nullable(),
});
export const zQuotaInfo = z.object({
  plan: z.enum(['local', 'free', 'pro']),
  limits: zQuotaSet,
  usage: zQuotaSet,
  resetsAt: zTimestamp,
});
export type QuotaInfo = z.infer<typeof zQuotaInfo>;

export const zActiveRoom = z.object({ room: zRoomSummary.nullable() });

export const STATS_BUCKETS = ['day', 'week', 'month'] as const;
export type StatsBucket = (typeof STATS_BUCKETS)[number];
export const zStatsQuery = z.object({
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  bucket: z.enum(STATS_BUCKETS).optional(),
});
export const zStatsPoint = z.object({
  periodStart: zTimestamp,
  sessions: z.number().int(),
  practiceMinutes: z.number().int(),
  runs: z.number().int(),
  submissions: z.number().int(),
  accepted: z.number().int(),
  problemsSolved: z.number().int(),
  averageScore: z.number().nullable(),
});
export const zTrainingStats = z.object({
  bucket: z.enum(STATS_BUCKETS),
  from: zTimestamp,
  to: zTimestamp,
  points: z.array(zStatsPoint),
});
export type TrainingStats = z.infer<typeof zTrainingStats>;
