// REST shapes of control-plane.md §10 that the renderer reads. They mirror the spec until the zod
// schemas in server/protocol/api/ cover them; the wire enums and room/execution types come from
// server/protocol directly so there is one source for every code and status.
import type {
  Difficulty,
  JobStatus,
  ParticipantState,
  RoomMode,
  RoomRole,
  RoomStatus,
  SnapshotTrigger,
  SupportedLanguage,
  UserRole,
  Verdict,
} from '../../../server/protocol/index.ts';
import type { LockReason, RoleSwapRequest, RoomConfig, TimerState } from '../../../server/protocol/index.ts';
import type { SubmissionSummary } from '../../../server/protocol/index.ts';

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface UserProfile {
  id: string;
  email: string;
  displayName: string;
  avatarUrl: string | null;
  bio: string | null;
  preferredLanguage: SupportedLanguage | null;
  role: UserRole;
  createdAt: string;
  updatedAt: string;
}

export interface AuthTokens {
  accessToken: string;
  accessTokenExpiresAt: string;
  refreshToken: string;
  refreshTokenExpiresAt: string;
  user: UserProfile;
}

export interface RoomParticipantSummary {
  userId: string;
  displayName: string;
  avatarUrl: string | null;
  role: RoomRole;
  state: ParticipantState;
  color: string;
  muted: boolean;
  recordingConsent: boolean | null;
  joinedAt: string;
  leftAt: string | null;
}

export interface RoomSummary {
  id: string;
  name: string;
  mode: RoomMode;
  status: RoomStatus;
  hostId: string;
  participantCount: number;
  problemTitle: string | null;
  myRole: RoomRole | null;
  createdAt: string;
  updatedAt: string;
}

export interface ProblemSummary {
  id: string;
  slug: string;
  title: string;
  difficulty: Difficulty;
  tags: string[];
  languages: SupportedLanguage[];
  acceptanceRate: number | null;
  bookmarked: boolean;
  solved: boolean;
}

export interface ProblemExample {
  input: string;
  output: string;
  explanation: string | null;
}

export interface ProblemDetail extends ProblemSummary {
  description: string;
  constraints: string[];
  examples: ProblemExample[];
  starterCode: Partial<Record<SupportedLanguage, string>>;
  timeLimitMs: number;
  memoryLimitKb: number;
}

export interface TagInfo {
  name: string;
  problemCount: number;
}

export interface RoomDetail {
  id: string;
  code: string;
  name: string;
  mode: RoomMode;
  status: RoomStatus;
  hostId: string;
  ownerId: string;
  problem: ProblemSummary | null;
  language: SupportedLanguage;
  config: RoomConfig;
  editorLocked: boolean;
  lockReason: LockReason | null;
  timer: TimerState | null;
  participants: RoomParticipantSummary[];
  myRole: RoomRole | null;
  pendingRoleSwap: RoleSwapRequest | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

export interface RoomPreview {
  id: string;
  name: string;
  mode: RoomMode;
  status: RoomStatus;
  hostName: string;
  participantCount: number;
  maxParticipants: number;
  isFull: boolean;
  candidateSeatFree: boolean;
  allowSpectators: boolean;
}

export interface JoinRoomResponse {
  room: RoomDetail;
  me: RoomParticipantSummary;
  collabToken: string;
  collabTokenExpiresAt: string;
  collabUrl: string;
  docs: { code: string; whiteboard: string };
}

export interface CreateRoomRequest {
  mode: RoomMode;
  name?: string;
  problemId?: string;
  language?: SupportedLanguage;
  config?: Partial<RoomConfig>;
}

export interface MediaToken {
  token: string;
  url: string;
  roomName: string;
  identity: string;
  canPublish: boolean;
  expiresAt: string;
}

export interface SessionSummary {
  id: string;
  name: string;
  mode: RoomMode;
  myRole: RoomRole;
  problem: { id: string; title: string; difficulty: Difficulty } | null;
  language: SupportedLanguage;
  startedAt: string | null;
  finishedAt: string | null;
  durationMs: number | null;
  finalVerdict: Verdict | null;
  overallScore: number | null;
}

export interface SessionParticipant {
  userId: string;
  displayName: string;
  role: RoomRole;
  joinedAt: string;
  leftAt: string | null;
  kicked: boolean;
}

export interface SessionDetail extends SessionSummary {
  status: RoomStatus;
  participants: SessionParticipant[];
  submissions: SubmissionSummary[];
  snapshotCount: number;
  hasRecording: boolean;
  hasWhiteboard: boolean;
  reportStatus: 'none' | 'pending' | 'ready' | 'failed' | 'unavailable';
}

export interface SessionEvent {
  id: string;
  sessionId: string;
  at: string;
  type: string;
  actorId: string | null;
  data: Record<string, unknown>;
}

export interface PeerFeedbackEntry {
  id: string;
  roomId: string;
  authorId: string;
  authorName: string;
  targetUserId: string;
  ratings: { problemSolving: number; communication: number; codeQuality: number; overall: number };
  comment: string | null;
  createdAt: string;
}

export interface WhiteboardExport {
  sessionId: string;
  format: 'json' | 'png';
  exportedAt: string;
  records: Record<string, unknown>[] | null;
  url: string | null;
  expiresAt: string | null;
}

export type { JobStatus, SnapshotTrigger };
