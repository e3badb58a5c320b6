// The live whiteboard of a room that has not finished, read from the collab plane (the session whiteboard export).
import { AppError, isAppError, type CollabControl } from '../../protocol/index.ts';
import type { Logger } from '../../server-options.ts';

/**
 * The records of the live whiteboard document. A room without (or with already destroyed) collab documents
 * has nothing to export: SESSION_WHITEBOARD_NOT_FOUND. Any other failure of the collab plane (unreachable,
 * misconfigured secret, crash) is 503 ROOM_COLLAB_UNAVAILABLE.
 */
export async function readLiveWhiteboard(collab: CollabControl, log: Logger, roomId: string): Promise<Record<string, unknown>[]> {
  try {
    return (await collab.readWhiteboard(roomId)).records;
  } catch (error) {
    if (isAppError(error) && (error.code === 'ROOM_NOT_FOUND' || error.code === 'ROOM_CLOSED')) {
      throw new AppError('SESSION_WHITEBOARD_NOT_FOUND', 'This room has no live whiteboard document.');
    }
    if (isAppError(error) && error.code === 'ROOM_COLLAB_UNAVAILABLE') throw error;
    log.warn('collab plane call failed', { what: 'readWhiteboard', error: String(error) });
    throw new AppError('ROOM_COLLAB_UNAVAILABLE', 'The collaboration service could not be reached.');
  }
}
