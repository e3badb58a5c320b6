// REST shapes the renderer reads: the types inferred from the server's zod schemas in server/protocol/api/
// (type-only imports: no zod in the bundle), so a schema change breaks the renderer's type-check, not the UI.
export type { AuthTokens, UserProfile } from '../../../server/protocol/api/auth.ts';
export type { ProblemDetail, ProblemExample, ProblemSummary } from '../../../server/protocol/api/problems.ts';
export type { RoomSummary } from '../../../server/protocol/api/room-summary.ts';
export type {
  JoinRoomResponse,
  MediaToken,
  PeerFeedbackEntry,
  RoomDetail,
  RoomParticipantSummary,
  RoomPreview,
} from '../../../server/protocol/api/rooms.ts';
export type { SessionDetail, SessionEvent, SessionSummary, WhiteboardExport } from '../../../server/protocol/api/sessions.ts';
import type { z } from 'zod';
import type { zTagInfo } from '../../../server/protocol/api/problems.ts';
import type { zCreateRoomBody } from '../../../server/protocol/api/rooms.ts';

/** The **Pagination** schema of control-plane.md §2. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** GET /v1/problems/tags items (§10.3). */
export type TagInfo = z.infer<typeof zTagInfo>;

/** POST /v1/rooms body (§9.3), as the client may send it (defaults left to the server). */
export type CreateRoomRequest = z.input<typeof zCreateRoomBody>;
