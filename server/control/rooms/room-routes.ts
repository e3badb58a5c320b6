// The /v1/rooms routes (lifecycle, participants, media token, feedback) and the /v1/runs and /v1/submissions
// job reads. Handlers authenticate first, then hand over to the operation modules, which check not-found → permission →
// validation → state in that order.
import { z } from 'zod';
import { AppError } from '../../protocol/index.ts';
import { zEmpty, zJobAccepted, zPage, zPageQuery } from '../../protocol/api/common.ts';
import { zRoomSummary } from '../../protocol/api/room-summary.ts';
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
  zRoomDetail,
  zRoomParticipantSummary,
  zRoomPreview,
  zRunBody,
  zSubmitAccepted,
  zSubmitBody,
} from '../../protocol/api/rooms.ts';
import type { ApiContext } from '../../http/api-context.ts';
import { defineRoute } from '../route-docs.ts';
import { toPage } from '../../pagination.ts';
import { parseBody, parseQuery } from '../../protocol/validation.ts';
import type { RoomDeps } from './room-deps.ts';
import { createRoom, destroyRoom, getRoom, joinRoom, leaveRoom } from './room-lifecycle.ts';
import { kickParticipant, listParticipants, patchParticipant } from './room-participants.ts';
import { getRun, getSubmission, listRuns, listSubmissions, startRun, startSubmission } from './room-execution.ts';
import { listFeedback, submitFeedback } from './room-feedback.ts';
import { mediaToken } from './room-media.ts';
import { normalizeInviteCode } from './room-model.ts';
import { roomPreview, roomSummary } from './room-views.ts';
import { zRunResult, zSubmissionResult, zSubmissionSummary } from '../../protocol/api/executions.ts';

const ROOM = '/v1/rooms/:roomId';
const zItems = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });

export function registerRoomLifecycleRoutes(d: RoomDeps): void {
  const { router, docs, auth, cursors } = d.control;
  const tag = 'rooms';

  defineRoute(router, docs, 'POST', '/v1/rooms', { summary: 'Create a room', tag, body: zCreateRoomBody, status: 201, response: zRoomDetail,
    errors: ['PROBLEM_NOT_FOUND', 'PROBLEM_LANGUAGE_UNSUPPORTED', 'USER_QUOTA_EXCEEDED', 'ROOM_COLLAB_UNAVAILABLE'] }, async (api) => {
    const user = await auth.requireUser(api);
    return { status: 201, body: await createRoom(d, user, parseBody(zCreateRoomBody, api.body), api.ip) };
  });

  defineRoute(router, docs, 'GET', '/v1/rooms', { summary: 'List my rooms', tag, query: zListRoomsQuery, response: zPage(zRoomSummary) }, async (api) => {
    const user = await auth.requireUser(api);
    const q = parseQuery(zListRoomsQuery, api.query);
    const after = q.cursor ? cursors.decode('rooms.mine', q.cursor) : undefined;
    const rows = d.engine.store.rooms.listRoomsOfUser(user.id, {
      status: q.status,
      mode: q.mode,
      limit: q.limit,
      after: after ? [Number(after[0]), String(after[1])] : undefined,
    });
    const page = toPage(rows, q.limit, cursors, 'rooms.mine', (r) => [r.createdAt, r.id], (r) => roomSummary(d.engine.store, d.problems, r, user.id));
    return { status: 200, body: page };
  });

  defineRoute(router, docs, 'GET', '/v1/rooms/lookup/:code', { summary: 'Preview a room by invite code', tag, response: zRoomPreview, errors: ['ROOM_NOT_FOUND'] }, async (api) => {
    await auth.requireUser(api);
    const room = d.engine.store.rooms.findOpenRoomByCode(normalizeInviteCode(api.params.code ?? ''));
    if (!room) throw new AppError('ROOM_NOT_FOUND', 'No open room has that invite code.');
    return { status: 200, body: roomPreview(d.engine.store, room) };
  });

  defineRoute(router, docs, 'GET', ROOM, { summary: 'Room detail', tag, response: zRoomDetail }, async (api) => {
    const user = await auth.requireUser(api);
    return { status: 200, body: getRoom(d, user, api.params.roomId) };
  });

  defineRoute(router, docs, 'DELETE', ROOM, { summary: 'Destroy the room (host)', tag, status: 204 }, async (api) => {
    const user = await auth.requireUser(api);
    await destroyRoom(d, user, api.params.roomId, api.ip);
    return { status: 204 };
  });

  defineRoute(router, docs, 'POST', `${ROOM}/join`, { summary: 'Join the room or renew the collab token', tag, body: zJoinRoomBody, response: zJoinRoomResponse,
    errors: ['ROOM_CODE_INVALID', 'ROOM_KICKED', 'ROOM_FULL', 'ROOM_ROLE_UNAVAILABLE', 'ROOM_CLOSED', 'ROOM_COLLAB_UNAVAILABLE'] }, async (api) => {
    const user = await auth.requireUser(api);
    const body = await joinRoom(d, user, api.params.roomId, () => parseBody(zJoinRoomBody, api.body), collabUrl(d));
    return { status: 200, body };
  });

  defineRoute(router, docs, 'POST', `${ROOM}/leave`, { summary: 'Leave the room', tag, status: 204 }, async (api) => {
    const user = await auth.requireUser(api);
    await leaveRoom(d, user, api.params.roomId);
    return { status: 204 };
  });

  defineRoute(router, docs, 'GET', `${ROOM}/participants`, { summary: 'List participants', tag, query: zListParticipantsQuery, response: zItems(zRoomParticipantSummary) }, async (api) => {
    const user = await auth.requireUser(api);
    const items = listParticipants(d, user, api.params.roomId, () => parseQuery(zListParticipantsQuery, api.query).includeLeft ?? false);
    return { status: 200, body: { items } };
  });

  defineRoute(router, docs, 'PATCH', `${ROOM}/participants/:userId`, { summary: 'Change a participant role or mute', tag, body: zPatchParticipantBody, response: zRoomParticipantSummary,
    errors: ['ROOM_PARTICIPANT_NOT_FOUND', 'ROOM_ROLE_UNAVAILABLE', 'ROOM_MODE_UNSUPPORTED'] }, async (api) => {
    const user = await auth.requireUser(api);
    const body = await patchParticipant(d, user, api.params.roomId, api.params.userId, api.body, () => parseBody(zPatchParticipantBody, api.body));
    return { status: 200, body };
  });

  defineRoute(router, docs, 'DELETE', `${ROOM}/participants/:userId`, { summary: 'Kick a participant (host)', tag, body: zKickBody, status: 204,
    errors: ['ROOM_PARTICIPANT_NOT_FOUND', 'ROOM_FORBIDDEN'] }, async (api) => {
    const user = await auth.requireUser(api);
    await kickParticipant(d, user, api.params.roomId, api.params.userId, () => parseBody(zKickBody, api.body), api.ip);
    return { status: 204 };
  });

  defineRoute(router, docs, 'POST', `${ROOM}/media/token`, { summary: 'LiveKit access token', tag, body: zEmpty, response: zMediaToken,
    errors: ['ROOM_MEDIA_UNAVAILABLE', 'ROOM_CLOSED'] }, async (api) => {
    const user = await auth.requireUser(api);
    return { status: 200, body: await mediaToken(d, user, api.params.roomId) };
  });

  defineRoute(router, docs, 'POST', `${ROOM}/feedback`, { summary: 'Give peer feedback', tag, body: zFeedbackBody, status: 201, response: zPeerFeedbackEntry,
    errors: ['ROOM_INVALID_PHASE', 'ROOM_FEEDBACK_EXISTS', 'ROOM_FEEDBACK_INVALID_TARGET'] }, async (api) => {
    const user = await auth.requireUser(api);
    return { status: 201, body: await submitFeedback(d, user, api.params.roomId, () => parseBody(zFeedbackBody, api.body)) };
  });

  defineRoute(router, docs, 'GET', `${ROOM}/feedback`, { summary: 'All feedback of the room', tag, response: zItems(zPeerFeedbackEntry) }, async (api) => {
    const user = await auth.requireUser(api);
    return { status: 200, body: { items: listFeedback(d, user, api.params.roomId, false) } };
  });

  defineRoute(router, docs, 'GET', `${ROOM}/feedback/mine`, { summary: 'Feedback I wrote', tag, response: zItems(zPeerFeedbackEntry) }, async (api) => {
    const user = await auth.requireUser(api);
    return { status: 200, body: { items: listFeedback(d, user, api.params.roomId, true) } };
  });
}

export function registerRoomExecutionRoutes(d: RoomDeps): void {
  const { router, docs, auth } = d.control;
  const tag = 'execution';

  defineRoute(router, docs, 'POST', `${ROOM}/run`, { summary: 'Interactive run', tag, body: zRunBody, status: 202, response: zJobAccepted,
    errors: ['ROOM_EDITOR_LOCKED', 'ROOM_INVALID_PHASE', 'EXEC_UNAVAILABLE', 'USER_QUOTA_EXCEEDED'] }, async (api) => {
    const user = await auth.requireUser(api);
    const job = await startRun(d, user, api.params.roomId, () => parseBody(zRunBody, api.body));
    return { status: 202, body: job, headers: { location: job.pollUrl } };
  });

  defineRoute(router, docs, 'POST', `${ROOM}/submit`, { summary: 'Submit the room code for judging', tag, body: zSubmitBody, status: 202, response: zSubmitAccepted,
    errors: ['ROOM_EDITOR_LOCKED', 'ROOM_INVALID_PHASE', 'EXEC_NO_PROBLEM', 'EXEC_SUBMISSION_IN_PROGRESS', 'PROBLEM_LANGUAGE_UNSUPPORTED', 'EXEC_UNAVAILABLE', 'USER_QUOTA_EXCEEDED', 'ROOM_COLLAB_UNAVAILABLE'] }, async (api) => {
    const user = await auth.requireUser(api);
    const job = await startSubmission(d, user, api.params.roomId, () => parseBody(zSubmitBody, api.body));
    return { status: 202, body: job, headers: { location: job.pollUrl } };
  });

  defineRoute(router, docs, 'GET', `${ROOM}/runs`, { summary: 'Runs of the room', tag, query: zPageQuery, response: zPage(zRunResult) }, async (api) => {
    const user = await auth.requireUser(api);
    return { status: 200, body: listRuns(d, user, api.params.roomId, () => pageOf(api)) };
  });

  defineRoute(router, docs, 'GET', `${ROOM}/submissions`, { summary: 'Submissions of the room', tag, query: zPageQuery, response: zPage(zSubmissionSummary) }, async (api) => {
    const user = await auth.requireUser(api);
    return { status: 200, body: listSubmissions(d, user, api.params.roomId, () => pageOf(api)) };
  });

  defineRoute(router, docs, 'GET', '/v1/runs/:runId', { summary: 'One run result', tag, response: zRunResult, errors: ['EXEC_RUN_NOT_FOUND', 'ROOM_FORBIDDEN'] }, async (api) => {
    const user = await auth.requireUser(api);
    return { status: 200, body: getRun(d, user, api.params.runId) };
  });

  defineRoute(router, docs, 'GET', '/v1/submissions/:submissionId', { summary: 'One submission result', tag, response: zSubmissionResult,
    errors: ['EXEC_SUBMISSION_NOT_FOUND', 'ROOM_FORBIDDEN'] }, async (api) => {
    const user = await auth.requireUser(api);
    return { status: 200, body: getSubmission(d, user, api.params.submissionId) };
  });
}

function pageOf(api: ApiContext): { limit: number; cursor?: string } {
  const q = parseQuery(zPageQuery, api.query);
  return q.cursor === undefined ? { limit: q.limit } : { limit: q.limit, cursor: q.cursor };
}

/** From the configured public URL (split deployment: the collab process's public URL), never from the request's Host. */
function collabUrl(d: RoomDeps): string {
  return d.collabUrl().replace(/\/+$/, '');
}
