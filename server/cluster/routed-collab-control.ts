// CollabControl for several processes: a call about a room goes to the room's owner, in-process when that
// is this process (or the room had no owner and now has this one), else over the owner's internal HTTP API
// with the internal secret. Reads that load nothing (whiteboard records, the replay log, health) are
// answered from the shared database here.
import { AppError, type CollabControl } from '../protocol/index.ts';
import { createCollabHttpClient } from '../collab/index.ts';
import type { RoomPlacement } from './room-placement.ts';

export interface RoutingOptions {
  internalSecret: string;
  /** Forwarded by a peer (the internal API): served here or refused, never forwarded again. */
  fromPeer: boolean;
  /** After a call served here: the room is this process's now (its periodic snapshots run here). */
  adopted(roomId: string): void;
}

export function createRoutedCollabControl(local: CollabControl, placement: RoomPlacement, options: RoutingOptions): CollabControl {
  const owners = new Map<string, CollabControl>();
  const owner = (url: string): CollabControl => {
    let client = owners.get(url);
    if (!client) owners.set(url, (client = createCollabHttpClient(url, options.internalSecret)));
    return client;
  };
  async function route<T>(roomId: string, call: (collab: CollabControl) => Promise<T>): Promise<T> {
    const where = await placement.place(roomId, options.fromPeer);
    switch (where.kind) {
      case 'local': {
        const result = await call(local);
        options.adopted(roomId);
        return result;
      }
      case 'remote':
        return call(owner(where.url));
      case 'retry':
        throw new AppError('ROOM_COLLAB_UNAVAILABLE', "The room's server is changing over; try again in a few seconds.");
    }
  }
  return {
    createDocument: (req) => route(req.roomId, (c) => c.createDocument(req)),
    destroyDocument: (roomId, reason) => route(roomId, (c) => c.destroyDocument(roomId, reason)),
    kickUser: (roomId, req) => route(roomId, (c) => c.kickUser(roomId, req)),
    lockEditor: (roomId, req) => route(roomId, (c) => c.lockEditor(roomId, req)),
    pushEvent: (roomId, event) => route(roomId, (c) => c.pushEvent(roomId, event)),
    takeSnapshot: (roomId, trigger) => route(roomId, (c) => c.takeSnapshot(roomId, trigger)),
    // Committed state only, which the shared database holds as well as the owner does.
    readWhiteboard: (roomId) => local.readWhiteboard(roomId),
    readReplay: (roomId, req) => local.readReplay(roomId, req),
    health: () => local.health(),
  };
}
