// Named REST shapes the renderer's components hold in state: the types inferred from the server's zod
// schemas in server/protocol/api/ (type-only imports: no zod in the bundle). Calls take their request and
// response types from the route map through ApiClient.call.
import type { RouteResponse } from '../../../server/protocol/api/routes/index.ts';

export type { AuthTokens, UserProfile } from '../../../server/protocol/api/auth.ts';
export type { ProblemDetail, ProblemSummary } from '../../../server/protocol/api/problems.ts';
export type { RoomSummary } from '../../../server/protocol/api/room-summary.ts';
export type {
  JoinRoomResponse,
  PeerFeedbackEntry,
  RoomDetail,
  RoomParticipantSummary,
  RoomPreview,
} from '../../../server/protocol/api/rooms.ts';
export type {
  ReplayUpdate,
  SessionComparison,
  SessionDetail,
  SessionEvent,
  SessionSummary,
  TrainingReport,
  WhiteboardExport,
} from '../../../server/protocol/api/sessions.ts';

export type AiMessage = RouteResponse<'GET /v1/rooms/:roomId/ai/messages'>['items'][number];
export type AiMessageJob = RouteResponse<'GET /v1/rooms/:roomId/ai/messages/:jobId'>;
export type AiHintJob = RouteResponse<'GET /v1/rooms/:roomId/ai/hints/:jobId'>;
export type AiReviewJob = RouteResponse<'GET /v1/rooms/:roomId/ai/reviews/:jobId'>;
export type CodeReview = NonNullable<AiReviewJob['result']>;
export type WeaknessEntry = RouteResponse<'GET /v1/rooms/:roomId/ai/weaknesses'>['items'][number];
