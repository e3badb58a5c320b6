// Room schemas (the /v1/rooms endpoints and their wire shapes): request bodies and queries (validated by
// the server with parseBody/parseQuery) and response shapes (the renderer's client types are z.infer of
// these). Bounds are the spec's; per-mode rules (practice fixes maxParticipants at 1) live in the room model.
import * as z from 'zod';
import { LOCK_REASONS, PARTICIPANT_STATES, RECOMMENDATIONS } from '../enums.ts';
import {
  zJobAccepted,
  zLimit,
  zRoomMode,
  zRoomRole,
  zRoomStatus,
  zSupportedLanguage,
  zTimestamp,
  zUuid,
} from './common.ts';
import { zProblemSummary } from './problems.ts';

export { zRoomSummary, type RoomSummary } from './room-summary.ts';

const zHexColor = z.string().regex(/^#[0-9a-f]{6}$/);
const zLockReason = z.enum(LOCK_REASONS);
/** `≤64KiB` in the spec's notation: at most 65,536 bytes as UTF-8. */
const utf8 = new TextEncoder();
const zUtf8Max64KiB = z.string().refine((s) => utf8.encode(s).length <= 65536, 'must be at most 64 KiB (UTF-8)');

export const zRoomConfig = z.object({
  maxParticipants: z.number().int().min(1).max(10),
  allowSpectators: z.boolean(),
  warmupDurationMs: z.number().int().min(0).max(3_600_000),
  codingDurationMs: z.number().int().min(0).max(14_400_000),
  wrapupDurationMs: z.number().int().min(0).max(3_600_000),
  autoAdvance: z.boolean(),
  aiEnabled: z.boolean(),
});
export const zRoomConfigPatch = zRoomConfig.partial();
export type RoomConfigPatch = z.infer<typeof zRoomConfigPatch>;

export const zTimerState = z.object({
  phase: zRoomStatus,
  durationMs: z.number().int(),
  elapsedMs: z.number().int(),
  remainingMs: z.number().int(),
  running: z.boolean(),
  startedAt: zTimestamp.nullable(),
  pausedAt: zTimestamp.nullable(),
  endsAt: zTimestamp.nullable(),
  serverTime: zTimestamp,
});

export const zRecordingState = z.object({
  recording: z.boolean(),
  recordingId: zUuid.nullable(),
  startedAt: zTimestamp.nullable(),
  stoppedAt: zTimestamp.nullable(),
  consents: z.array(z.object({ userId: zUuid, consent: z.boolean().nullable() })),
});
export type RecordingState = z.infer<typeof zRecordingState>;

export const zRoomParticipantSummary = z.object({
  userId: zUuid,
  displayName: z.string(),
  avatarUrl: z.string().nullable(),
  role: zRoomRole,
  state: z.enum(PARTICIPANT_STATES),
  color: zHexColor,
  muted: z.boolean(),
  recordingConsent: z.boolean().nullable(),
  joinedAt: zTimestamp,
  leftAt: zTimestamp.nullable(),
});
export type RoomParticipantSummary = z.infer<typeof zRoomParticipantSummary>;

export const zRoleSwapRequest = z.object({
  id: zUuid,
  roomId: zUuid,
  requestedBy: zUuid,
  counterpartId: zUuid,
  status: z.enum(['pending', 'accepted', 'declined', 'expired']),
  createdAt: zTimestamp,
  expiresAt: zTimestamp,
  resolvedAt: zTimestamp.nullable(),
});

export const zRoomDetail = z.object({
  id: zUuid,
  code: z.string(),
  name: z.string(),
  mode: zRoomMode,
  status: zRoomStatus,
  hostId: zUuid,
  ownerId: zUuid,
  problem: zProblemSummary.nullable(),
  language: zSupportedLanguage,
  config: zRoomConfig,
  editorLocked: z.boolean(),
  lockReason: zLockReason.nullable(),
  timer: zTimerState.nullable(),
  recording: zRecordingState,
  participants: z.array(zRoomParticipantSummary),
  myRole: zRoomRole.nullable(),
  pendingRoleSwap: zRoleSwapRequest.nullable(),
  createdAt: zTimestamp,
  startedAt: zTimestamp.nullable(),
  finishedAt: zTimestamp.nullable(),
});
export type RoomDetail = z.infer<typeof zRoomDetail>;

export const zRoomPreview = z.object({
  id: zUuid,
  name: z.string(),
  mode: zRoomMode,
  status: zRoomStatus,
  hostName: z.string(),
  participantCount: z.number().int(),
  maxParticipants: z.number().int(),
  isFull: z.boolean(),
  candidateSeatFree: z.boolean(),
  allowSpectators: z.boolean(),
  /** Additive (docs/spec-deviations.md): the join screen says which problem the room is for. */
  problemTitle: z.string().nullable(),
});
export type RoomPreview = z.infer<typeof zRoomPreview>;

export const zJoinRoomResponse = z.object({
  room: zRoomDetail,
  me: zRoomParticipantSummary,
  collabToken: z.string(),
  collabTokenExpiresAt: zTimestamp,
  collabUrl: z.string(),
  docs: z.object({ code: z.string(), whiteboard: z.string() }),
});
export type JoinRoomResponse = z.infer<typeof zJoinRoomResponse>;

export const zMediaToken = z.object({
  token: z.string(),
  url: z.string(),
  roomName: z.string(),
  identity: z.string(),
  canPublish: z.boolean(),
  expiresAt: zTimestamp,
});
export type MediaToken = z.infer<typeof zMediaToken>;

const zRecommendation = z.enum(RECOMMENDATIONS);
export const zPeerFeedbackRatings = z.object({
  problemSolving: z.number().int().min(1).max(5),
  communication: z.number().int().min(1).max(5),
  codeQuality: z.number().int().min(1).max(5),
  overall: z.number().int().min(1).max(5),
});
export const zPeerFeedbackEntry = z.object({
  id: zUuid,
  roomId: zUuid,
  authorId: zUuid,
  authorName: z.string(),
  targetUserId: zUuid,
  ratings: zPeerFeedbackRatings,
  comment: z.string().nullable(),
  /** Additive: the scorecard's recommendation, `null` when the author gave none. */
  recommendation: zRecommendation.nullable(),
  createdAt: zTimestamp,
});
export type PeerFeedbackEntry = z.infer<typeof zPeerFeedbackEntry>;

export const zSubmitAccepted = zJobAccepted.extend({ snapshotId: zUuid });

// ---- requests ----

export const zCreateRoomBody = z.object({
  mode: zRoomMode,
  name: z.string().min(1).max(80).optional(),
  problemId: zUuid.optional(),
  language: zSupportedLanguage.optional(),
  config: zRoomConfigPatch.optional(),
});
export const zListRoomsQuery = z.object({
  status: zRoomStatus.optional(),
  mode: zRoomMode.optional(),
  limit: zLimit(),
  cursor: z.string().min(1).optional(),
});
export const zJoinRoomBody = z.object({
  code: z.string().optional(),
  role: z.enum(['candidate', 'spectator']).optional(),
});
export const zRunBody = z.object({
  code: zUtf8Max64KiB,
  language: zSupportedLanguage,
  stdin: zUtf8Max64KiB.optional(),
});
export const zSubmitBody = z.object({ language: zSupportedLanguage.optional() });
export const zListParticipantsQuery = z.object({
  includeLeft: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
});
export const zPatchParticipantBody = z.object({ role: zRoomRole.optional(), muted: z.boolean().optional() });
export const zKickBody = z.object({ reason: z.string().max(200).optional() });
export const zPhaseBody = z.object({ to: zRoomStatus });
export const zProblemBody = z
  .object({
    problemId: zUuid.nullable().optional(),
    language: zSupportedLanguage.optional(),
    resetCode: z.boolean().optional(),
  })
  .refine((b) => b.problemId !== undefined || b.language !== undefined, {
    message: 'at least one of problemId and language is required',
    path: ['problemId'],
  });
export const zSettingsBody = z.object({ name: z.string().min(1).max(80).optional(), config: zRoomConfigPatch.optional() });
export const zRoleSwapAnswerBody = z.object({ accept: z.boolean() });
export const zFeedbackBody = z.object({
  targetUserId: zUuid,
  ratings: zPeerFeedbackRatings,
  comment: z.string().max(2000).optional(),
  recommendation: zRecommendation.optional(),
});
