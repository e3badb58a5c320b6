// The /v1/rooms routes (lifecycle, participants, media token, feedback) and the execution routes (run, submit,
// static analysis) with their job reads. Handlers authenticate first, then hand over to the operation modules,
// which check not-found → permission → validation → state in that order (they call the lazy `body`/`query` parser
// only once the earlier checks passed).
import { AppError } from '../../protocol/index.ts';
import type { ApiContext } from '../../http/api-context.ts';
import { handle } from '../handle-route.ts';
import { toPage } from '../../pagination.ts';
import type { RoomDeps } from './room-deps.ts';
import { createRoom, destroyRoom, getRoom, joinRoom, leaveRoom } from './room-lifecycle.ts';
import { kickParticipant, listParticipants, patchParticipant } from './room-participants.ts';
import { getRun, getSubmission, listRuns, listSubmissions, startRun, startSubmission } from './room-execution.ts';
import { getAnalysis, startAnalysis } from './room-analysis.ts';
import { listFeedback, submitFeedback } from './room-feedback.ts';
import { mediaToken } from './room-media.ts';
import { normalizeInviteCode } from './room-model.ts';
import { roomPreview, roomSummary } from './room-views.ts';

export function registerRoomLifecycleRoutes(d: RoomDeps): void {
  const { router, auth, cursors } = d.control;

  handle(router, 'POST /v1/rooms', async (api, { body }) => {
    const user = await auth.requireUser(api);
    return { status: 201, body: await createRoom(d, user, body(), api.ip) };
  });

  handle(router, 'GET /v1/rooms', async (api, { query }) => {
    const user = await auth.requireUser(api);
    const q = query();
    const after = q.cursor ? cursors.decode('rooms.mine', q.cursor) : undefined;
    const rows = d.engine.store.rooms.listRoomsOfUser(user.id, {
      status: q.status,
      mode: q.mode,
      limit: q.limit,
      after: after ? [Number(after[0]), String(after[1])] : undefined,
    });
    const page = toPage(rows, q.limit, cursors, 'rooms.mine', (r) => [r.createdAt, r.id], (r) => roomSummary(d.engine.store, d.problems, r, user.id));
    return { status: 200, body: { ...page, items: await Promise.all(page.items) } };
  });

  handle(router, 'GET /v1/rooms/lookup/:code', async (api, { params }) => {
    await auth.requireUser(api);
    const room = d.engine.store.rooms.findOpenRoomByCode(normalizeInviteCode(params.code));
    if (!room) throw new AppError('ROOM_NOT_FOUND', 'No open room has that invite code.');
    return { status: 200, body: await roomPreview(d.engine.store, d.problems, room) };
  });

  handle(router, 'GET /v1/rooms/:roomId', async (api, { params }) => {
    const user = await auth.requireUser(api);
    return { status: 200, body: await getRoom(d, user, params.roomId) };
  });

  handle(router, 'DELETE /v1/rooms/:roomId', async (api, { params }) => {
    const user = await auth.requireUser(api);
    await destroyRoom(d, user, params.roomId, api.ip);
    return { status: 204 };
  });

  handle(router, 'POST /v1/rooms/:roomId/join', async (api, { params, body }) => {
    const user = await auth.requireUser(api);
    return { status: 200, body: await joinRoom(d, user, params.roomId, body, collabUrl(d)) };
  });

  handle(router, 'POST /v1/rooms/:roomId/leave', async (api, { params }) => {
    const user = await auth.requireUser(api);
    await leaveRoom(d, user, params.roomId);
    return { status: 204 };
  });

  handle(router, 'GET /v1/rooms/:roomId/participants', async (api, { params, query }) => {
    const user = await auth.requireUser(api);
    const items = listParticipants(d, user, params.roomId, () => query().includeLeft ?? false);
    return { status: 200, body: { items } };
  });

  handle(router, 'PATCH /v1/rooms/:roomId/participants/:userId', async (api, { params, body }) => {
    const user = await auth.requireUser(api);
    return { status: 200, body: await patchParticipant(d, user, params.roomId, params.userId, api.body, body) };
  });

  handle(router, 'DELETE /v1/rooms/:roomId/participants/:userId', async (api, { params, body }) => {
    const user = await auth.requireUser(api);
    await kickParticipant(d, user, params.roomId, params.userId, body, api.ip);
    return { status: 204 };
  });

  handle(router, 'POST /v1/rooms/:roomId/media/token', async (api, { params }) => {
    const user = await auth.requireUser(api);
    return { status: 200, body: await mediaToken(d, user, params.roomId) };
  });

  handle(router, 'POST /v1/rooms/:roomId/feedback', async (api, { params, body }) => {
    const user = await auth.requireUser(api);
    return { status: 201, body: await submitFeedback(d, user, params.roomId, body) };
  });

  handle(router, 'GET /v1/rooms/:roomId/feedback', async (api, { params }) => {
    const user = await auth.requireUser(api);
    return { status: 200, body: { items: listFeedback(d, user, params.roomId, false) } };
  });

  handle(router, 'GET /v1/rooms/:roomId/feedback/mine', async (api, { params }) => {
    const user = await auth.requireUser(api);
    return { status: 200, body: { items: listFeedback(d, user, params.roomId, true) } };
  });
}

export function registerRoomExecutionRoutes(d: RoomDeps): void {
  const { router, auth } = d.control;

  handle(router, 'POST /v1/rooms/:roomId/run', async (api, { params, body }) => {
    const user = await auth.requireUser(api);
    const job = await startRun(d, user, params.roomId, body);
    return { status: 202, body: job, headers: { location: job.pollUrl } };
  });

  handle(router, 'POST /v1/rooms/:roomId/submit', async (api, { params, body }) => {
    const user = await auth.requireUser(api);
    const job = await startSubmission(d, user, params.roomId, body);
    return { status: 202, body: job, headers: { location: job.pollUrl } };
  });

  handle(router, 'POST /v1/rooms/:roomId/analysis', async (api, { params, body }) => {
    const user = await auth.requireUser(api);
    const job = await startAnalysis(d, user, params.roomId, body);
    return { status: 202, body: job, headers: { location: job.pollUrl } };
  });

  handle(router, 'GET /v1/rooms/:roomId/analysis/:jobId', async (api, { params }) => {
    const user = await auth.requireUser(api);
    return { status: 200, body: getAnalysis(d, user, params.roomId, params.jobId) };
  });

  handle(router, 'GET /v1/rooms/:roomId/runs', async (api, { params, query }) => {
    const user = await auth.requireUser(api);
    return { status: 200, body: listRuns(d, user, params.roomId, () => pageOf(query())) };
  });

  handle(router, 'GET /v1/rooms/:roomId/submissions', async (api, { params, query }) => {
    const user = await auth.requireUser(api);
    return { status: 200, body: listSubmissions(d, user, params.roomId, () => pageOf(query())) };
  });

  handle(router, 'GET /v1/runs/:runId', async (api, { params }) => {
    const user = await auth.requireUser(api);
    return { status: 200, body: getRun(d, user, params.runId) };
  });

  handle(router, 'GET /v1/submissions/:submissionId', async (api, { params }) => {
    const user = await auth.requireUser(api);
    return { status: 200, body: getSubmission(d, user, params.submissionId) };
  });
}

function pageOf(q: { limit: number; cursor?: string | undefined }): { limit: number; cursor?: string } {
  return q.cursor === undefined ? { limit: q.limit } : { limit: q.limit, cursor: q.cursor };
}

/** From the configured public URL (split deployment: the collab process's public URL), never from the request's Host. */
function collabUrl(d: RoomDeps): string {
  return d.collabUrl().replace(/\/+$/, '');
}
