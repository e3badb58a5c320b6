// Row shapes of area `rooms`, as the repositories hand them out (instants in epoch ms).
import type {
  LockReason,
  ParticipantState,
  Recommendation,
  RoomConfig,
  RoomMode,
  RoomRole,
  RoomStatus,
  SnapshotTrigger,
  SupportedLanguage,
} from '../../protocol/index.ts';

/** The current phase's timer. `resumedAt` is set while running, `pausedAt` while paused; neither after expiry. */
export interface TimerRecord {
  durationMs: number;
  /** Time run before `resumedAt` (or in total, when not running). */
  elapsedMs: number;
  startedAt: number;
  resumedAt: number | null;
  pausedAt: number | null;
}

export interface RoomRecord {
  id: string;
  code: string;
  name: string;
  mode: RoomMode;
  status: RoomStatus;
  hostId: string;
  ownerId: string;
  problemId: string | null;
  language: SupportedLanguage;
  config: RoomConfig;
  editorLocked: boolean;
  lockReason: LockReason | null;
  timer: TimerRecord | null;
  createdAt: number;
  updatedAt: number;
  startedAt: number | null;
  finishedAt: number | null;
}

export interface ParticipantRecord {
  roomId: string;
  userId: string;
  displayName: string;
  avatarUrl: string | null;
  role: RoomRole;
  state: ParticipantState;
  color: string;
  muted: boolean;
  recordingConsent: boolean | null;
  joinedAt: number;
  lastJoinedAt: number;
  leftAt: number | null;
}

export type RoleSwapStatus = 'pending' | 'accepted' | 'declined' | 'expired';

export interface RoleSwapRecord {
  id: string;
  roomId: string;
  requestedBy: string;
  counterpartId: string;
  status: RoleSwapStatus;
  createdAt: number;
  expiresAt: number;
  resolvedAt: number | null;
}

export interface SnapshotRecord {
  id: string;
  roomId: string;
  takenAt: number;
  trigger: SnapshotTrigger;
  bytes: Uint8Array;
}

export interface SessionEventRecord {
  id: string;
  roomId: string;
  seq: number;
  at: number;
  type: string;
  actorId: string | null;
  data: Record<string, unknown>;
}

export interface FeedbackRecord {
  id: string;
  roomId: string;
  authorId: string;
  authorName: string;
  targetUserId: string;
  ratings: { problemSolving: number; communication: number; codeQuality: number; overall: number };
  comment: string | null;
  recommendation: Recommendation | null;
  createdAt: number;
}
