// Split deployment only: the §13 callback routes the collab process POSTs to, behind `X-Internal-Secret`
// (constant time; missing or wrong → 401 AUTH_UNAUTHENTICATED). In-process mode has no /internal routes.
import { z } from 'zod';
import { ApiRouter } from '../../http/api-router.ts';
import { constantTimeEqual } from '../../http/access-guard.ts';
import { AppError, COLLAB_DOCS, INTERNAL_SECRET_HEADER, SNAPSHOT_TRIGGERS, type CollabCallbacks } from '../../protocol/index.ts';
import { zTimestamp, zUuid } from '../../protocol/api/common.ts';
import type { Logger } from '../../server-options.ts';
import { parseBody } from '../../protocol/validation.ts';

const zSnapshotReady = z.object({
  snapshots: z
    .array(
      z.object({
        id: zUuid,
        roomId: zUuid,
        doc: z.enum(COLLAB_DOCS),
        takenAt: zTimestamp,
        trigger: z.enum(SNAPSHOT_TRIGGERS),
        bytes: z.base64(),
        sizeBytes: z.number().int().min(0),
      }),
    )
    .min(1),
});

const zUserDisconnected = z.object({
  roomId: zUuid,
  userId: zUuid,
  doc: z.enum(COLLAB_DOCS),
  closeCode: z.number().int(),
  disconnectedAt: zTimestamp,
});

/** A router for `/internal/callbacks/*`; the main server hands it every `/internal` request in split mode. */
export function createCallbackRouter(callbacks: CollabCallbacks, internalSecret: string, log: Logger): ApiRouter {
  const router = new ApiRouter((error) => log.error('unhandled error in /internal callback', { error: String(error) }));
  router.use((ctx) => {
    const given = ctx.req.headers[INTERNAL_SECRET_HEADER];
    if (typeof given !== 'string' || !constantTimeEqual(given, internalSecret)) {
      throw new AppError('AUTH_UNAUTHENTICATED', 'Missing or wrong internal secret.');
    }
  });
  router.add('POST', '/internal/callbacks/snapshot-ready', async (ctx) => ({
    status: 200,
    body: await callbacks.snapshotReady(parseBody(zSnapshotReady, ctx.body)),
  }));
  router.add('POST', '/internal/callbacks/user-disconnected', async (ctx) => ({
    status: 200,
    body: await callbacks.userDisconnected(parseBody(zUserDisconnected, ctx.body)),
  }));
  return router;
}
