// Named REST shapes the renderer's components hold in state: the types inferred from the server's zod
// schemas in server/protocol/api/ (type-only imports: no zod in the bundle). Calls take their request and
// response types from the route map through ApiClient.call.
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
export type { ReplayUpdate, SessionDetail, SessionEvent, SessionSummary, WhiteboardExport } from '../../../server/protocol/api/sessions.ts';
