// A session's keystroke-level history, read from the collab plane's update log (in-process or over its internal API).
import { AppError, COLLAB_DOCS, isAppError, type CollabControl, type CollabDoc } from '../../protocol/index.ts';
import type { ReplayPage } from '../../protocol/api/sessions.ts';
import type { Logger } from '../../server-options.ts';

export function replayDoc(doc: string | undefined): CollabDoc {
  if ((COLLAB_DOCS as readonly (string | undefined)[]).includes(doc)) return doc as CollabDoc;
  throw new AppError('VALIDATION_FAILED', 'The document is `code` or `whiteboard`.', { fields: [{ path: 'doc', message: 'must be code or whiteboard' }] });
}

/**
 * One page of the accepted updates of `doc`. A room whose collab documents were never created has no history:
 * an empty page. Any other failure of the collab plane is 503 ROOM_COLLAB_UNAVAILABLE.
 */
export async function readReplayPage(
  collab: CollabControl,
  log: Logger,
  roomId: string,
  req: { doc: CollabDoc; after: number; limit: number },
): Promise<ReplayPage> {
  try {
    return await collab.readReplay(roomId, req);
  } catch (error) {
    if (isAppError(error) && error.code === 'ROOM_NOT_FOUND') return { items: [], nextAfter: null };
    if (isAppError(error) && error.code === 'ROOM_COLLAB_UNAVAILABLE') throw error;
    log.warn('collab plane call failed', { what: 'readReplay', error: String(error) });
    throw new AppError('ROOM_COLLAB_UNAVAILABLE', 'The collaboration service could not be reached.');
  }
}
