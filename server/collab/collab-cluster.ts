// What the collab plane needs from the cluster when several server processes share the rooms (hosted
// scale-out, server/cluster/): where a room is served, a pipe to its owner, and the connection-attempt limit
// counted across processes. Without it the plane serves every room itself, as in one process.
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';

/** Here; at the owner's internal URL; or nowhere for the moment (the client retries, close 1013). */
export type CollabPlacement = { kind: 'local' } | { kind: 'remote'; url: string } | { kind: 'retry' };

/** Handshake step 7's counter: one attempt per call, false when over the limit. */
export interface ConnectionAttempts {
  attempt(key: string, now: number): boolean | Promise<boolean>;
}

export interface CollabCluster {
  /** Whether the upgrade was forwarded by another process of the cluster (it is served here or refused). */
  isPeerHop(req: IncomingMessage): boolean;
  place(roomId: string, fromPeer: boolean): Promise<CollabPlacement>;
  /** Whether this process still holds the room's lease (a renewal may have found it lost meanwhile). */
  owns(roomId: string): boolean;
  /** Pipes the upgrade to the owner; false when it could not be reached (nothing was written to `socket`). */
  pipe(req: IncomingMessage, socket: Duplex, head: Buffer, ownerUrl: string): Promise<boolean>;
  attempts: ConnectionAttempts;
}
