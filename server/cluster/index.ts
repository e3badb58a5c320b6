// Hosted scale-out: several server processes on one PostgreSQL and one Redis (SYNCODE_REDIS_URL). This
// module is everything the processes share live, on Redis: node presence, room leases and placement (the
// collab plane serves a room only while it holds the room's lease; other processes proxy to it), the
// per-room lock of RoomEngine.exclusive, the room-clock fan-out, the rate-limit counters, and the AI plane's
// relay (replies followed and jobs cancelled through any process). Without a
// Redis URL none of this exists and the server runs alone, as it always did.
//
//   const cluster = await openCluster({ redisUrl, internalSecret, log });      // before the planes
//   createCollabPlane({ ..., cluster: cluster.collab });
//   const collab = cluster.routeControl(collabPlane);                         // the control plane's CollabControl
//   ... listen ...; await cluster.start(nodeId, internalUrl, collabPlane);   // join: leases, presence
//   shutdown: await collabPlane.close(); await cluster.handOver(); ...; await cluster.close();
import type { IncomingMessage } from 'node:http';
import { hostname } from 'node:os';
import { constantTimeEqual } from '../http/access-guard.ts';
import type { ApiRouter } from '../http/api-router.ts';
import { CONNECTION_RATE_LIMIT, INTERNAL_SECRET_HEADER, type CollabControl } from '../protocol/index.ts';
import { createInternalRouter, type CollabCluster, type CollabPlane } from '../collab/index.ts';
import type { RateCounter, RoomCoordination } from '../control/index.ts';
import type { ReplyRelay } from '../ai/index.ts';
import type { NodeLiveness } from '../node-liveness.ts';
import type { Logger } from '../server-options.ts';
import { CollabProxy } from './collab-proxy.ts';
import { NODE_TTL_MS, NodePresence } from './node-presence.ts';
import { OwnedKeys } from './owned-keys.ts';
import { connectRedis } from './redis-client.ts';
import { RedisAttemptWindow, RedisRateCounter } from './redis-rate-limits.ts';
import { RedisReplyRelay } from './redis-reply-relay.ts';
import { RoomChangeFanOut } from './room-change-fan-out.ts';
import { RedisRoomLock } from './room-lock.ts';
import { RoomPlacement } from './room-placement.ts';
import { createRoutedCollabControl } from './routed-collab-control.ts';

export interface ClusterOptions {
  redisUrl: string;
  /** SYNCODE_INTERNAL_SECRET, the same in every process: peers' proxied sockets and calls carry it. */
  internalSecret: string;
  log: Logger;
}

export interface Cluster {
  /** For createCollabPlane: placement, the pipe to owners, shared connection-attempt counts. */
  collab: CollabCluster;
  /** The REST rate limits' shared counters. */
  rateCounter: RateCounter;
  /** RoomEngine's cross-process lock and room-clock fan-out. */
  coordination: RoomCoordination;
  /** The control plane's CollabControl: each room's calls reach its owner. */
  routeControl(plane: CollabPlane): CollabControl;
  /** `/internal/documents/*` for peers that found this process the owner of a room. */
  peerRouter(plane: CollabPlane): ApiRouter;
  /** Once listening: joins the cluster as `nodeId`, reachable by its peers at `internalUrl`. */
  start(nodeId: string, internalUrl: string, plane: CollabPlane): Promise<void>;
  /** Live server processes (at least this one). */
  nodes(): Promise<number>;
  /**
   * Which processes are alive, for the planes' recovery of what a dead process left unfinished. Counts this
   * process as alive from now on, before it starts any work (registering its URL comes once it listens).
   */
  liveness(nodeId: string): Promise<NodeLiveness>;
  /** The AI plane's replies and cancels across processes. */
  replyRelay: ReplyRelay;
  /** Why Redis cannot be used right now; null while it can. */
  problem(): string | null;
  /**
   * Drain, once the collab plane closed its sockets and flushed: piped connections end with 1012, the room
   * leases and the node registration are released, so peers take the rooms over at once.
   */
  handOver(): Promise<void>;
  close(): Promise<void>;
}

export async function openCluster(options: ClusterOptions): Promise<Cluster> {
  const { log } = options;
  const conn = await connectRedis(options.redisUrl, log, 'syncode');
  const keys = new OwnedKeys(conn);
  const presence = new NodePresence(conn, keys, log);
  const placement = new RoomPlacement(keys, presence, log);
  const proxy = new CollabProxy(options.internalSecret);
  const lock = new RedisRoomLock(keys, log);
  const fanOut = new RoomChangeFanOut(conn, log);
  const replyRelay = new RedisReplyRelay(conn, log);
  try {
    await fanOut.start();
    await replyRelay.start();
  } catch (error) {
    await fanOut.close();
    replyRelay.close();
    await conn.close();
    throw error;
  }
  const attempts = new RedisAttemptWindow(conn, log, CONNECTION_RATE_LIMIT.attempts, CONNECTION_RATE_LIMIT.windowMs);
  const isPeerHop = (req: IncomingMessage): boolean => {
    const given = req.headers[INTERNAL_SECRET_HEADER];
    return typeof given === 'string' && constantTimeEqual(given, options.internalSecret);
  };
  const routed = (plane: CollabPlane, fromPeer: boolean): CollabControl =>
    createRoutedCollabControl(plane.control, placement, { internalSecret: options.internalSecret, fromPeer, adopted: (roomId) => plane.adopt(roomId) });
  let closed = false;

  return {
    collab: {
      isPeerHop,
      place: (roomId, fromPeer) => placement.place(roomId, fromPeer),
      owns: (roomId) => placement.leases?.holds(roomId) ?? false,
      pipe: (req, socket, head, ownerUrl) => proxy.pipe(req, socket, head, ownerUrl),
      attempts: { attempt: (key) => attempts.attempt(key) },
    },
    rateCounter: new RedisRateCounter(conn, log),
    coordination: {
      // Announced again once the operation is over: a change announced from inside a database transaction may
      // have been read elsewhere before it committed.
      run: (roomId, fn) => lock.run(roomId, fn).finally(() => fanOut.announce(roomId)),
      announce: (roomId) => fanOut.announce(roomId),
      onChange: (listener) => fanOut.onChange(listener),
    },
    routeControl: (plane) => routed(plane, false),
    peerRouter: (plane) => createInternalRouter(routed(plane, true), options.internalSecret, log),
    start: (nodeId, internalUrl, plane) =>
      placement.start(nodeId, internalUrl, { isLoaded: (id) => plane.isLoaded(id), lost: (id) => void plane.drop(id), acquired: (id) => void plane.drop(id) }),
    nodes: () => presence.count(),
    // A dead process drops out of presence within NODE_TTL_MS; sweeping twice as often finds its work within
    // 1.5 × NODE_TTL_MS of its death.
    async liveness(nodeId) {
      await presence.announce(nodeId);
      return { nodeId, liveNodes: () => presence.liveNodes(), sweepEveryMs: NODE_TTL_MS / 2 };
    },
    replyRelay,
    problem: () => conn.problem(),
    async handOver() {
      await proxy.closeAll();
      await placement.handOver();
    },
    async close() {
      if (closed) return;
      closed = true;
      placement.stop();
      await fanOut.close();
      replyRelay.close();
      await conn.close();
    },
  };
}

/**
 * The address peers reach this process at, unless SYNCODE_INTERNAL_URL says otherwise: the bound address,
 * with the host name in place of a wildcard address (0.0.0.0, ::), which peers cannot connect to.
 */
export function defaultInternalUrl(boundUrl: string): string {
  const url = new URL(boundUrl);
  if (url.hostname === '0.0.0.0' || url.hostname === '[::]') url.hostname = hostname();
  return url.origin;
}
