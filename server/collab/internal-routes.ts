import { ApiRouter } from '../http/api-router.ts';
import { requireInternalSecret } from '../http/internal-auth.ts';
import { AppError, type CollabControl } from '../protocol/index.ts';
import type { Logger } from '../server-options.ts';
import {
  zCreateDocumentRequest,
  zKickUserRequest,
  zLockEditorRequest,
  zManualSnapshotRequest,
  zPushableEvent,
  zReadReplayRequest,
  zRoomClosedReason,
} from '../protocol/collab-control.ts';
import { zReplayQuery } from '../protocol/api/sessions.ts';
import { parseOrThrow, parseQuery } from '../protocol/validation.ts';
import { UUID_PATTERN } from './handshake.ts';
import { errorFields } from '../error-fields.ts';

/** The internal HTTP API over a CollabControl, behind `X-Internal-Secret` (constant-time). */
export function createInternalRouter(control: CollabControl, internalSecret: string, log: Logger): ApiRouter {
  const router = new ApiRouter((error) => log.error('unhandled error in /internal handler', errorFields(error)));
  router.use(requireInternalSecret(internalSecret));
  const roomIdOf = (params: Record<string, string>): string => {
    const roomId = params.roomId ?? '';
    if (!UUID_PATTERN.test(roomId)) throw new AppError('ROOM_NOT_FOUND', 'No document exists for this room.');
    return roomId;
  };
  router.add('POST', '/internal/documents', async (ctx) => ({
    status: 201,
    body: await control.createDocument(parseOrThrow(zCreateDocumentRequest, ctx.body)),
  }));
  router.add('DELETE', '/internal/documents/:roomId', async (ctx) => ({
    status: 200,
    body: await control.destroyDocument(roomIdOf(ctx.params), parseOrThrow(zRoomClosedReason, ctx.query.get('reason'))),
  }));
  router.add('POST', '/internal/documents/:roomId/kick', async (ctx) => ({
    status: 200,
    body: await control.kickUser(roomIdOf(ctx.params), parseOrThrow(zKickUserRequest, ctx.body)),
  }));
  router.add('POST', '/internal/documents/:roomId/lock', async (ctx) => ({
    status: 200,
    body: await control.lockEditor(roomIdOf(ctx.params), parseOrThrow(zLockEditorRequest, ctx.body)),
  }));
  router.add('POST', '/internal/documents/:roomId/events', async (ctx) => {
    const roomId = roomIdOf(ctx.params);
    const event = parseOrThrow(zPushableEvent, (ctx.body as { event?: unknown } | undefined)?.event);
    return { status: 200, body: await control.pushEvent(roomId, event) };
  });
  router.add('POST', '/internal/documents/:roomId/snapshots', async (ctx) => {
    const roomId = roomIdOf(ctx.params);
    const { trigger } = parseOrThrow(zManualSnapshotRequest, ctx.body);
    return { status: 201, body: await control.takeSnapshot(roomId, trigger) };
  });
  // The live whiteboard, for the control plane's JSON export of a room that has not finished.
  router.add('GET', '/internal/documents/:roomId/whiteboard', async (ctx) => ({
    status: 200,
    body: await control.readWhiteboard(roomIdOf(ctx.params)),
  }));
  // The accepted-update log of one document, for the control plane's session replay.
  router.add('GET', '/internal/documents/:roomId/replay/:doc', async (ctx) => {
    const roomId = roomIdOf(ctx.params);
    const { after, limit } = parseQuery(zReplayQuery, ctx.query);
    const req = parseOrThrow(zReadReplayRequest, { doc: ctx.params.doc, after: after ?? 0, limit });
    return { status: 200, body: await control.readReplay(roomId, req) };
  });
  router.add('GET', '/internal/health', async () => ({ status: 200, body: await control.health() }));
  return router;
}
