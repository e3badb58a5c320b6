// The wire enums. Every list keeps its contract order; RoomStatus is in phase order.

export const ROOM_STATUSES = ['waiting', 'warmup', 'coding', 'wrapup', 'finished'] as const;
export type RoomStatus = (typeof ROOM_STATUSES)[number];

export const ROOM_ROLES = ['host', 'interviewer', 'candidate', 'spectator'] as const;
export type RoomRole = (typeof ROOM_ROLES)[number];

export const ROOM_MODES = ['interview', 'peer', 'practice'] as const;
export type RoomMode = (typeof ROOM_MODES)[number];

export const SUPPORTED_LANGUAGES = ['javascript', 'typescript', 'python', 'go', 'rust', 'java', 'cpp', 'c'] as const;
export type SupportedLanguage = (typeof SUPPORTED_LANGUAGES)[number];

export const DIFFICULTIES = ['easy', 'medium', 'hard'] as const;
export type Difficulty = (typeof DIFFICULTIES)[number];

export const USER_ROLES = ['user', 'admin'] as const;
export type UserRole = (typeof USER_ROLES)[number];

export const SNAPSHOT_TRIGGERS = ['periodic', 'phase-change', 'submit', 'session-end', 'manual'] as const;
export type SnapshotTrigger = (typeof SNAPSHOT_TRIGGERS)[number];

export const JOB_STATUSES = ['queued', 'running', 'completed', 'failed'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

export const VERDICTS = [
  'ACCEPTED',
  'WRONG_ANSWER',
  'TIME_LIMIT',
  'MEMORY_LIMIT',
  'RUNTIME_ERROR',
  'COMPILE_ERROR',
  'OUTPUT_LIMIT',
] as const;
export type Verdict = (typeof VERDICTS)[number];

export const PARTICIPANT_STATES = ['active', 'left', 'kicked'] as const;
export type ParticipantState = (typeof PARTICIPANT_STATES)[number];

export const LOCK_REASONS = ['manual', 'submit'] as const;
export type LockReason = (typeof LOCK_REASONS)[number];

/** The interviewer's hiring call on a scorecard (an additive feedback field: docs/spec-deviations.md). */
export const RECOMMENDATIONS = ['strong-no', 'no', 'yes', 'strong-yes'] as const;
export type Recommendation = (typeof RECOMMENDATIONS)[number];

export const MATCH_STATES = ['idle', 'queued', 'proposed', 'matched', 'expired'] as const;
export type MatchState = (typeof MATCH_STATES)[number];

export const SERVER_MODES = ['embedded', 'hosted'] as const;
export type ServerMode = (typeof SERVER_MODES)[number];

/** Phase order comparison: negative when `a` comes before `b`. */
export function comparePhases(a: RoomStatus, b: RoomStatus): number {
  return ROOM_STATUSES.indexOf(a) - ROOM_STATUSES.indexOf(b);
}

/** Compile-time exhaustiveness check for switches over unions. */
export function assertNever(value: never): never {
  throw new Error(`Unexpected value: ${JSON.stringify(value)}`);
}
