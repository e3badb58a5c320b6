// Split deployment only: the callback routes the collab process POSTs to, behind `X-Internal-Secret`
// (constant time; missing or wrong → 401 AUTH_UNAUTHENTICATED). In-process mode has no /internal routes.
import { ApiRouter } from '../../http/api-router.ts';
import { requireInternalSecret } from '../../http/internal-auth.ts';
import type { CollabCallbacks } from '../../protocol/index.ts';
import { zSnapshotReadyPayload, zUserDisconnectedPayload } from '../../protocol/collab-control.ts';
import type { Logger } from '../../server-options.ts';
import { parseBody } from '../../protocol/validation.ts';
import { errorFields } from '../../error-fields.ts';

/** A router for `/internal/callbacks/*`; the main server hands it every `/internal` request in split mode. */
export function createCallbackRouter(callbacks: CollabCallbacks, internalSecret: string, log: Logger): ApiRouter {
  const router = new ApiRouter((error) => log.error('unhandled error in /internal callback', errorFields(error)));
  router.use(requireInternalSecret(internalSecret));
  router.add('POST', '/internal/callbacks/snapshot-ready', async (ctx) => ({
    status: 200,
    body: await callbacks.snapshotReady(parseBody(zSnapshotReadyPayload, ctx.body)),
  }));
  router.add('POST', '/internal/callbacks/user-disconnected', async (ctx) => ({
    status: 200,
    body: await callbacks.userDisconnected(parseBody(zUserDisconnectedPayload, ctx.body)),
  }));
  return router;
}
