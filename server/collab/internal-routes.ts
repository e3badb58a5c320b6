import { ApiRouter } from '../http/api-router.ts';
import { constantTimeEqual } from '../http/access-guard.ts';
import { AppError, INTERNAL_SECRET_HEADER, type CollabControl, type PushableRoomEvent, type RoomClosedReason } from '../protocol/index.ts';
import type { Logger } from '../server-options.ts';
import { manualSnapshotSchema, parseOrThrow } from './control-schemas.ts';
import { UUID_PATTERN } from './handshake.ts';

/** The §12 internal HTTP API over a CollabControl, behind `X-Internal-Secret` (constant-time). */
export function createInternalRouter(control: CollabControl, internalSecret: string, log: Logger): ApiRouter {
  const router = new ApiRouter((error) => log.error('unhandled error in /internal handler', { error: String(error) }));
  router.use((ctx) => {
    const given = ctx.req.headers[INTERNAL_SECRET_HEADER];
    if (typeof given !== 'string' || !constantTimeEqual(given, internalSecret)) {
      throw new AppError('AUTH_UNAUTHENTICATED', 'Missing or wrong internal secret.');
    }
  });
  const roomIdOf = (params: Record<string, string>): string => {
    const roomId = params.roomId ?? '';
    if (!UUID_PATTERN.test(roomId)) throw new AppError('ROOM_NOT_FOUND', 'No document exists for this room.');
    return roomId;
  };
  router.add('POST', '/internal/documents', async (ctx) => ({
    status: 201,
    body: await control.createDocument(ctx.body as never),
  }));
  router.add('DELETE', '/internal/documents/:roomId', async (ctx) => ({
    status: 200,
    body: await control.destroyDocument(roomIdOf(ctx.params), ctx.query.get('reason') as RoomClosedReason),
  }));
  router.add('POST', '/internal/documents/:roomId/kick', async (ctx) => ({
    status: 200,
    body: await control.kickUser(roomIdOf(ctx.params), ctx.body as never),
  }));
  router.add('POST', '/internal/documents/:roomId/lock', async (ctx) => ({
    status: 200,
    body: await control.lockEditor(roomIdOf(ctx.params), ctx.body as never),
  }));
  router.add('POST', '/internal/documents/:roomId/events', async (ctx) => {
    const body = ctx.body as { event?: unknown } | undefined;
    return { status: 200, body: await control.pushEvent(roomIdOf(ctx.params), body?.event as PushableRoomEvent) };
  });
  router.add('POST', '/internal/documents/:roomId/snapshots', async (ctx) => {
    const roomId = roomIdOf(ctx.params);
    const { trigger } = parseOrThrow(manualSnapshotSchema, ctx.body);
    return { status: 201, body: await control.takeSnapshot(roomId, trigger) };
  });
  // Additive to §12: the live whiteboard for the control plane's JSON export (control-plane.md §9.13).
  router.add('GET', '/internal/documents/:roomId/whiteboard', async (ctx) => ({
    status: 200,
    body: await control.readWhiteboard(roomIdOf(ctx.params)),
  }));
  router.add('GET', '/internal/health', async () => ({ status: 200, body: await control.health() }));
  return router;
}
