// Rooms routes: lifecycle, participants, media token, feedback, control and settings.
import * as z from 'zod';
import { zEmpty, zPage } from '../common.ts';
import { zRoomSummary } from '../room-summary.ts';
import {
  zCreateRoomBody,
  zFeedbackBody,
  zJoinRoomBody,
  zJoinRoomResponse,
  zKickBody,
  zListParticipantsQuery,
  zListRoomsQuery,
  zMediaToken,
  zPatchParticipantBody,
  zPeerFeedbackEntry,
  zPhaseBody,
  zProblemBody,
  zRoleSwapAnswerBody,
  zRoleSwapRequest,
  zRoomDetail,
  zRoomParticipantSummary,
  zRoomPreview,
  zSettingsBody,
  zTimerState,
} from '../rooms.ts';
import { zCodeSnapshot } from '../sessions.ts';
import { defineRoutes } from './route-spec.ts';

const rooms = 'rooms';
const control = 'room-control';
const zItems = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });

export const roomRoutes = defineRoutes({
  'POST /v1/rooms': {
    tag: rooms, summary: 'Create a room', body: zCreateRoomBody, status: 201, response: zRoomDetail,
    errors: ['PROBLEM_NOT_FOUND', 'PROBLEM_LANGUAGE_UNSUPPORTED', 'USER_QUOTA_EXCEEDED', 'ROOM_COLLAB_UNAVAILABLE'],
  },
  'GET /v1/rooms': { tag: rooms, summary: 'List my rooms', query: zListRoomsQuery, status: 200, response: zPage(zRoomSummary) },
  'GET /v1/rooms/lookup/:code': { tag: rooms, summary: 'Preview a room by invite code', status: 200, response: zRoomPreview, errors: ['ROOM_NOT_FOUND'] },
  'GET /v1/rooms/:roomId': { tag: rooms, summary: 'Room detail', status: 200, response: zRoomDetail },
  'DELETE /v1/rooms/:roomId': { tag: rooms, summary: 'Destroy the room (host)', status: 204 },
  'POST /v1/rooms/:roomId/join': {
    tag: rooms, summary: 'Join the room or renew the collab token', body: zJoinRoomBody, status: 200, response: zJoinRoomResponse,
    errors: ['ROOM_CODE_INVALID', 'ROOM_KICKED', 'ROOM_FULL', 'ROOM_ROLE_UNAVAILABLE', 'ROOM_CLOSED', 'ROOM_COLLAB_UNAVAILABLE'],
  },
  'POST /v1/rooms/:roomId/leave': { tag: rooms, summary: 'Leave the room', status: 204 },
  'GET /v1/rooms/:roomId/participants': {
    tag: rooms, summary: 'List participants', query: zListParticipantsQuery, status: 200, response: zItems(zRoomParticipantSummary),
  },
  'PATCH /v1/rooms/:roomId/participants/:userId': {
    tag: rooms, summary: 'Change a participant role or mute', body: zPatchParticipantBody, status: 200, response: zRoomParticipantSummary,
    errors: ['ROOM_PARTICIPANT_NOT_FOUND', 'ROOM_ROLE_UNAVAILABLE', 'ROOM_MODE_UNSUPPORTED'],
  },
  'DELETE /v1/rooms/:roomId/participants/:userId': {
    tag: rooms, summary: 'Kick a participant (host)', body: zKickBody, status: 204, errors: ['ROOM_PARTICIPANT_NOT_FOUND', 'ROOM_FORBIDDEN'],
  },
  'POST /v1/rooms/:roomId/media/token': {
    tag: rooms, summary: 'LiveKit access token', body: zEmpty, status: 200, response: zMediaToken, errors: ['ROOM_MEDIA_UNAVAILABLE', 'ROOM_CLOSED'],
  },
  'POST /v1/rooms/:roomId/feedback': {
    tag: rooms, summary: 'Give peer feedback', body: zFeedbackBody, status: 201, response: zPeerFeedbackEntry,
    errors: ['ROOM_INVALID_PHASE', 'ROOM_FEEDBACK_EXISTS', 'ROOM_FEEDBACK_INVALID_TARGET'],
  },
  'GET /v1/rooms/:roomId/feedback': { tag: rooms, summary: 'All feedback of the room', status: 200, response: zItems(zPeerFeedbackEntry) },
  'GET /v1/rooms/:roomId/feedback/mine': { tag: rooms, summary: 'Feedback I wrote', status: 200, response: zItems(zPeerFeedbackEntry) },

  'POST /v1/rooms/:roomId/control/phase': {
    tag: control, summary: 'Advance the phase', body: zPhaseBody, status: 200, response: zRoomDetail, errors: ['ROOM_INVALID_TRANSITION', 'ROOM_CLOSED'],
  },
  'POST /v1/rooms/:roomId/control/problem': {
    tag: control, summary: 'Select the problem or language', body: zProblemBody, status: 200, response: zRoomDetail,
    errors: ['PROBLEM_NOT_FOUND', 'PROBLEM_LANGUAGE_UNSUPPORTED', 'ROOM_EDITOR_LOCKED', 'ROOM_CLOSED'],
  },
  'PATCH /v1/rooms/:roomId/settings': {
    tag: control, summary: 'Change name and config (host)', body: zSettingsBody, status: 200, response: zRoomDetail, errors: ['VALIDATION_FAILED', 'ROOM_CLOSED'],
  },
  'POST /v1/rooms/:roomId/control/lock': { tag: control, summary: 'Lock the editor', body: zEmpty, status: 200, response: zRoomDetail, errors: ['ROOM_CLOSED'] },
  'POST /v1/rooms/:roomId/control/unlock': { tag: control, summary: 'Unlock the editor', body: zEmpty, status: 200, response: zRoomDetail, errors: ['ROOM_CLOSED'] },
  'POST /v1/rooms/:roomId/control/timer/pause': {
    tag: control, summary: 'pause the phase timer', body: zEmpty, status: 200, response: zTimerState, errors: ['ROOM_TIMER_CONFLICT'],
  },
  'POST /v1/rooms/:roomId/control/timer/resume': {
    tag: control, summary: 'resume the phase timer', body: zEmpty, status: 200, response: zTimerState, errors: ['ROOM_TIMER_CONFLICT'],
  },
  'POST /v1/rooms/:roomId/control/role-swap': {
    tag: control, summary: 'Request a role swap (peer mode)', body: zEmpty, status: 202, response: zRoleSwapRequest,
    errors: ['ROOM_MODE_UNSUPPORTED', 'ROOM_SWAP_PENDING', 'ROOM_ROLE_UNAVAILABLE'],
  },
  'POST /v1/rooms/:roomId/control/role-swap/:requestId': {
    tag: control, summary: 'Accept or decline a role swap', body: zRoleSwapAnswerBody, status: 200, response: zRoleSwapRequest,
    errors: ['ROOM_SWAP_NOT_FOUND', 'ROOM_FORBIDDEN'],
  },
  'POST /v1/rooms/:roomId/control/snapshot': {
    tag: control, summary: 'Take a manual code snapshot', body: zEmpty, status: 201, response: zCodeSnapshot, errors: ['ROOM_CLOSED', 'ROOM_COLLAB_UNAVAILABLE'],
  },
});
