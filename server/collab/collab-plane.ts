import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import * as Y from 'yjs';
import {
  AWARENESS_BYTE_RATE,
  AWARENESS_THROTTLE_MS,
  AWARENESS_TIMEOUT_MS,
  CloseCode,
  CONNECTION_RATE_LIMIT,
  DOCUMENT_IDLE_TTL_MS,
  encodeRoomEvent,
  MAX_AWARENESS_CLIENTS_PER_CONNECTION,
  MAX_AWARENESS_STATE_BYTES,
  MAX_AWARENESS_STATES_PER_DOC,
  MAX_INCOMING_FRAME_BYTES,
  MESSAGE_RATE_LIMIT,
  PING_INTERVAL_MS,
  SNAPSHOT_INTERVAL_MS,
  type CollabCallbacks,
  type CollabControl,
  type CollabDoc,
  type CollabHealth,
  type CollabTokenClaims,
} from '../protocol/index.ts';
import { openCollabStore } from '../storage/collab/index.ts';
import type { Logger } from '../server-options.ts';
import { CollabConnection } from './collab-connection.ts';
import { encodeAwarenessMessage, encodeSyncStep1 } from './collab-wire.ts';
import type { CollabCluster } from './collab-cluster.ts';
import { AttemptLimiter, checkHandshake, parseCollabPath, roomRefusal, verifyCollabToken } from './handshake.ts';
import { createInProcessControl } from './in-process-control.ts';
import type { LiveDoc } from './live-doc.ts';
import { PlaneCore } from './plane-core.ts';
import type { Room } from './room.ts';
import { resendPendingSnapshots, resumePeriodicSnapshots, schedulePeriodic } from './snapshots.ts';
import { handleFrame } from './sync-handler.ts';
import { loadTldrawSchema } from './tldraw-schema.ts';
import { timerAt } from './timer-now.ts';
import { errorFields } from '../error-fields.ts';

export interface CollabPlaneOptions {
  /** `collab.sqlite` lives here (without databaseUrl). */
  dataDir: string;
  /** PostgreSQL for the documents and their log instead of collab.sqlite in dataDir (SYNCODE_DATABASE_URL). */
  databaseUrl?: string;
  jwtSecret: string;
  /** Message and connection-attempt rate limits per connection and per user. Default true. */
  rateLimits?: boolean;
  documentIdleTtlMs?: number;
  snapshotIntervalMs?: number;
  pingIntervalMs?: number;
  /** Awareness timings; tests shorten them. */
  awarenessTimeoutMs?: number;
  awarenessThrottleMs?: number;
  /** Called after each write-ahead group commit (metrics): how long it took and the updates it made durable. */
  onCommit?: (durationMs: number, updates: readonly { doc: CollabDoc }[]) => void;
  /**
   * Several server processes (hosted scale-out): each room is served by the process holding its lease; a
   * connection for another process's room is piped to it; shutdown hands the rooms over with 1012.
   */
  cluster?: CollabCluster;
  log: Logger;
}

/** The control plane's callback receiver; an HTTP sender also reports how many deliveries are pending. */
export type CollabPlaneCallbacks = CollabCallbacks & { pendingCount?: () => number };

/**
 * Created first (the control plane drives it through `control`), then started with the control plane's
 * callbacks: only start() resumes live rooms, re-sends pending session-end snapshots and accepts sockets,
 * so the callbacks exist before anything can report to them.
 */
export interface CollabPlane {
  control: CollabControl;
  start(callbacks: CollabPlaneCallbacks): void;
  /** Completes the WebSocket upgrade of a `/collab/...` request, then runs the token handshake on the socket. */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void;
  health(): Promise<CollabHealth>;
  /** Rooms whose documents are live here and open connections, read synchronously (metrics). */
  load(): { rooms: number; connections: number };
  /** Whether the room's state (record, documents, snapshot timer) is held here (the cluster's room leases). */
  isLoaded(roomId: string): boolean;
  /** The room is this process's now: its periodic snapshots run here. A no-op when it is not loaded. */
  adopt(roomId: string): void;
  /**
   * The room's lease was lost to another process (or just taken anew, and what is cached from an earlier
   * ownership is stale): its sockets close with 1012 and it is unloaded. What was accepted is committed; no
   * checkpoint is written, since another owner may be appending to the log already. Never rejects.
   */
  drop(roomId: string): Promise<void>;
  /**
   * Closes every socket (1001; 1012 in a cluster, where another process takes the rooms over), flushes and
   * closes the store.
   */
  close(): Promise<void>;
}

export async function createCollabPlane(options: CollabPlaneOptions): Promise<CollabPlane> {
  const startedAt = Date.now();
  const rateLimits = options.rateLimits ?? true;
  const snapshotIntervalMs = options.snapshotIntervalMs ?? SNAPSHOT_INTERVAL_MS;
  const awarenessTimeoutMs = options.awarenessTimeoutMs ?? AWARENESS_TIMEOUT_MS;
  const store = await openCollabStore({ dataDir: options.dataDir, ...(options.databaseUrl ? { databaseUrl: options.databaseUrl } : {}) });
  const core = new PlaneCore(store, options.log, {
    documentIdleTtlMs: options.documentIdleTtlMs ?? DOCUMENT_IDLE_TTL_MS,
    onCommit: options.onCommit,
    awareness: {
      throttleMs: options.awarenessThrottleMs ?? AWARENESS_THROTTLE_MS,
      timeoutMs: awarenessTimeoutMs,
      maxStateBytes: MAX_AWARENESS_STATE_BYTES,
      maxClientsPerPeer: MAX_AWARENESS_CLIENTS_PER_CONNECTION,
      maxStates: MAX_AWARENESS_STATES_PER_DOC,
      byteRate: AWARENESS_BYTE_RATE,
    },
  });
  const control = createInProcessControl(core, {
    snapshotIntervalMs,
    startedAt,
    pendingCallbacks: () => pendingCount?.() ?? 0,
  });
  const key = new TextEncoder().encode(options.jwtSecret);
  const cluster = options.cluster;
  const localAttempts = new AttemptLimiter(CONNECTION_RATE_LIMIT.attempts, CONNECTION_RATE_LIMIT.windowMs);
  const attempts = cluster?.attempts ?? localAttempts;
  const shutdownClose = cluster ? CloseCode.SERVICE_RESTART : CloseCode.GOING_AWAY;
  // One server per document kind so `ws` enforces each document's frame limit itself (close 1009).
  const servers: Record<CollabDoc, WebSocketServer> = {
    code: new WebSocketServer({ noServer: true, maxPayload: MAX_INCOMING_FRAME_BYTES.code }),
    whiteboard: new WebSocketServer({ noServer: true, maxPayload: MAX_INCOMING_FRAME_BYTES.whiteboard }),
  };
  const sockets = new Set<WebSocket>();
  const connections = new Set<CollabConnection>();
  let closing: Promise<void> | null = null;
  let started = false;
  let resumed: Promise<void> = Promise.resolve();
  let pendingCount: (() => number) | undefined;
  let sweep: NodeJS.Timeout | undefined;
  let ping: NodeJS.Timeout | undefined;

  function start(callbacks: CollabPlaneCallbacks): void {
    if (started || closing) throw new Error('The collab plane starts once, before it is closed.');
    started = true;
    core.attach(callbacks);
    pendingCount = callbacks.pendingCount;
    resumed = (async () => {
      // In a cluster a room's snapshots start when a process takes it over (adopt), not for every room here.
      if (!cluster) await resumePeriodicSnapshots(core, snapshotIntervalMs);
      await resendPendingSnapshots(core);
    })().catch((error: unknown) => {
      options.log.error('resuming the collab plane after a restart failed', errorFields(error));
    });

    sweep = setInterval(() => {
      const now = Date.now();
      for (const room of core.rooms.values()) for (const doc of room.docs.values()) doc.awareness.sweep(now);
      localAttempts.prune(now);
    }, Math.max(10, Math.floor(awarenessTimeoutMs / 10)));
    sweep.unref();

    // A connection that has not answered the previous ping by the next one is terminated.
    ping = setInterval(() => {
      for (const c of connections) {
        if (!c.alive) {
          c.ws.terminate();
          continue;
        }
        c.alive = false;
        c.ws.ping();
      }
    }, options.pingIntervalMs ?? PING_INTERVAL_MS);
    ping.unref();
  }

  async function accept(ws: WebSocket, target: { roomId: string; doc: CollabDoc } | null, token: string | null): Promise<void> {
    const queued: Uint8Array[] = [];
    let conn: CollabConnection | null = null;
    let refused = false;
    ws.on('error', () => {
      // ws reports protocol errors (e.g. 1009 over maxPayload) here and closes the socket itself.
    });
    ws.on('message', (data, isBinary) => {
      if (refused) return;
      if (!isBinary) {
        refused = true;
        if (conn) core.closeConnection(conn, CloseCode.POLICY_VIOLATION);
        else ws.close(CloseCode.POLICY_VIOLATION.code, CloseCode.POLICY_VIOLATION.reason);
        return;
      }
      const frame = toBytes(data);
      if (conn) onFrame(conn, frame);
      else queued.push(frame);
    });
    ws.on('close', (code) => {
      sockets.delete(ws);
      if (conn) {
        connections.delete(conn);
        core.dropConnection(conn, code);
      }
    });
    ws.on('pong', () => {
      if (conn) conn.alive = true;
    });
    const refuse = (close: (typeof CloseCode)[keyof typeof CloseCode]): void => {
      refused = true;
      ws.close(close.code, close.reason);
    };
    const outcome = await checkHandshake(core, key, rateLimits ? attempts : null, target, token);
    if (ws.readyState !== ws.OPEN || refused) return;
    if ('refuse' in outcome) return refuse(outcome.refuse);
    // Whiteboard records are checked against the tldraw schema, loaded on the first whiteboard connection.
    if (outcome.doc === 'whiteboard') await loadTldrawSchema();
    // The connection opens on the room and document current once the document is loaded, in the same turn as
    // the last checks: meanwhile the document may have been unloaded, or the room closed or the user kicked.
    for (;;) {
      const room = await core.room(outcome.claims.roomId);
      const doc = room && (await core.doc(room, outcome.doc));
      if (ws.readyState !== ws.OPEN || refused) return;
      if (closing) return refuse(shutdownClose);
      if (!room || !doc) return refuse(CloseCode.ROOM_NOT_FOUND);
      if (core.rooms.get(room.id) !== room || room.docs.get(doc.name) !== doc) continue;
      // The lease was lost while the handshake ran: the room is another process's now.
      if (cluster && !cluster.owns(room.id)) return refuse(CloseCode.SERVICE_RESTART);
      const refusal = roomRefusal(room, outcome.claims);
      if (refusal) return refuse(refusal);
      if (cluster) adopt(room);
      conn = open(ws, outcome.claims, room, doc);
      break;
    }
    for (const frame of queued.splice(0)) if (!conn.closed) onFrame(conn, frame);
  }

  function open(ws: WebSocket, claims: CollabTokenClaims, room: Room, doc: LiveDoc): CollabConnection {
    // One connection per user and document: the newer connection survives; the older one goes first, with
    // its awareness states, so the new one's first message is still the SyncStep1.
    for (const old of [...doc.connections]) if (old.userId === claims.sub) core.closeConnection(old, CloseCode.REPLACED);
    const conn = new CollabConnection(ws, claims, doc.name, doc.resyncFlags.has(claims.sub), rateLimits ? MESSAGE_RATE_LIMIT : null);
    doc.connections.add(conn);
    connections.add(conn);
    core.scheduleIdleUnload(room, doc);
    // The server speaks first: SyncStep1, awareness, then (code document) room-state.
    doc.whenAllCommitted(() => {
      if (conn.closed) return;
      conn.send(encodeSyncStep1(Y.encodeStateVector(doc.ydoc)));
    });
    const states = doc.awareness.encodeAll();
    if (states) conn.send(encodeAwarenessMessage(states));
    if (doc.name === 'code') {
      const r = room.record;
      const now = Date.now();
      conn.send(
        encodeRoomEvent({
          type: 'room-state',
          roomId: room.id,
          at: new Date(now).toISOString(),
          phase: r.phase,
          editorLocked: r.editorLocked,
          lockReason: r.lockReason,
          role: room.roleOf(claims.sub, claims.role),
          problemId: r.problemId,
          language: r.language,
          timer: r.timer && timerAt(r.timer, now),
          recording: r.recording,
        }),
      );
    }
    return conn;
  }

  function onFrame(conn: CollabConnection, frame: Uint8Array): void {
    if (conn.closed) return;
    if (!conn.countMessage(Date.now())) {
      core.closeConnection(conn, CloseCode.RATE_LIMITED);
      return;
    }
    const room = core.rooms.get(conn.roomId);
    const doc = room?.docs.get(conn.doc);
    if (room && doc) handleFrame(core, room, doc, conn, frame);
  }

  function adopt(room: Room): void {
    schedulePeriodic(core, room, snapshotIntervalMs);
  }

  function upgrade(req: IncomingMessage, socket: Duplex, head: Buffer, url: URL, target: ReturnType<typeof parseCollabPath>): void {
    servers[target?.doc ?? 'code'].handleUpgrade(req, socket, head, (ws) => {
      sockets.add(ws);
      accept(ws, target, url.searchParams.get('token')).catch((error: unknown) => {
        options.log.error('collab handshake failed', errorFields(error));
        ws.close(CloseCode.INTERNAL_ERROR.code, CloseCode.INTERNAL_ERROR.reason);
      });
    });
  }

  /** Completes the upgrade only to close the socket at once (close codes are all a browser can read). */
  function refuseUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer, close: (typeof CloseCode)[keyof typeof CloseCode]): void {
    servers.code.handleUpgrade(req, socket, head, (ws) => {
      ws.on('error', () => {});
      ws.close(close.code, close.reason);
    });
  }

  /**
   * A cluster member serves the connection if it owns the room (or takes it over), else pipes it to the owner,
   * else tells the client to try again. A malformed path or a bad token is refused here, as in one process,
   * without looking the room up.
   */
  async function routeUpgrade(cluster: CollabCluster, req: IncomingMessage, socket: Duplex, head: Buffer, url: URL): Promise<void> {
    const target = parseCollabPath(url.pathname);
    const claims = target ? await verifyCollabToken(url.searchParams.get('token'), key) : null;
    if (!target || !claims || claims.roomId !== target.roomId) return upgrade(req, socket, head, url, target);
    const placement = await cluster.place(target.roomId, cluster.isPeerHop(req));
    if (placement.kind === 'local') return upgrade(req, socket, head, url, target);
    if (placement.kind === 'remote' && (await cluster.pipe(req, socket, head, placement.url))) return;
    refuseUpgrade(req, socket, head, CloseCode.TRY_AGAIN_LATER);
  }

  async function drop(room: Room): Promise<void> {
    if (room.periodicTimer) clearInterval(room.periodicTimer);
    room.periodicTimer = null;
    for (const c of room.connections()) core.closeConnection(c, CloseCode.SERVICE_RESTART);
    await core.flush();
    for (const doc of [...room.docs.values()]) core.discard(doc);
    if (core.rooms.get(room.id) === room) core.rooms.delete(room.id);
  }

  return {
    control,
    start,
    handleUpgrade(req, socket, head) {
      // Only reachable before start() by misuse: the servers listen after starting the plane.
      if (!started) {
        socket.end('HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\n\r\n');
        return;
      }
      const url = new URL(req.url ?? '/', 'http://localhost');
      if (!cluster) return upgrade(req, socket, head, url, parseCollabPath(url.pathname));
      routeUpgrade(cluster, req, socket, head, url).catch((error: unknown) => {
        options.log.error('collab upgrade routing failed', errorFields(error));
        socket.destroy();
      });
    },
    health: () => control.health(),
    load: () => ({ rooms: core.rooms.size, connections: connections.size }),
    isLoaded: (roomId) => core.rooms.has(roomId),
    adopt(roomId) {
      const room = core.rooms.get(roomId);
      if (room) adopt(room);
    },
    async drop(roomId) {
      const room = core.rooms.get(roomId);
      if (!room) return;
      await drop(room).catch((error: unknown) => options.log.error('unloading a room whose lease is gone failed', { roomId, ...errorFields(error) }));
    },
    close() {
      closing ??= (async () => {
        clearInterval(sweep);
        clearInterval(ping);
        for (const c of [...connections]) core.closeConnection(c, shutdownClose);
        for (const ws of sockets) if (ws.readyState === ws.CONNECTING || ws.readyState === ws.OPEN) ws.close(shutdownClose.code, shutdownClose.reason);
        await resumed;
        await core.close();
        await waitForSockets(sockets);
        for (const server of Object.values(servers)) server.close();
        await store.close();
      })();
      return closing;
    },
  };
}

function toBytes(data: Buffer | ArrayBuffer | Buffer[]): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data));
  return data instanceof ArrayBuffer ? new Uint8Array(data) : new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}

/** Gives closing sockets a moment to finish their close handshake, then cuts the rest. */
async function waitForSockets(sockets: Set<WebSocket>): Promise<void> {
  const deadline = Date.now() + 1000;
  while (sockets.size > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
  for (const ws of sockets) ws.terminate();
}
