import { randomUUID } from 'node:crypto';
import { SignJWT } from 'jose';
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { startCollabServer, type RunningCollabServer } from '../../../server/collab/index.ts';
import { silentLogger } from '../../../server/logger.ts';
import type {
  CollabCallbacks,
  CollabControl,
  CollabDoc,
  RoomEvent,
  RoomRole,
  SnapshotReadyPayload,
  UserDisconnectedPayload,
} from '../../../server/protocol/index.ts';
import { MessageType, readRoomEvent } from '../../../server/protocol/index.ts';
import type { CollabPlaneOptions } from '../../../server/collab/index.ts';
import { pollUntil } from '../../support/poll.ts';
import { makeTempDir } from '../../support/temp-dir.ts';
import { testDatabaseUrl } from '../../support/test-database.ts';

export const JWT_SECRET = 'collab-test-secret-0123456789abcdef0123456789';
export const INTERNAL_SECRET = 'collab-internal-secret-0123456789abcdef';

/**
 * Stands in for the control plane's callback receiver (not built yet): records what the plane reports,
 * and acknowledges like the real one would.
 */
export class RecordingCallbacks implements CollabCallbacks {
  readonly snapshots: SnapshotReadyPayload[] = [];
  readonly disconnects: UserDisconnectedPayload[] = [];
  /** While set, snapshot deliveries fail (the control plane is down). */
  refuseSnapshots = false;
  async snapshotReady(payload: SnapshotReadyPayload) {
    if (this.refuseSnapshots) throw new Error('control plane unavailable');
    this.snapshots.push(payload);
    return { received: payload.snapshots.length };
  }
  async userDisconnected(payload: UserDisconnectedPayload) {
    this.disconnects.push(payload);
    return { received: 1 };
  }
  allSnapshotItems() {
    return this.snapshots.flatMap((p) => p.snapshots);
  }
}

export interface TokenClaims {
  userId: string;
  roomId: string;
  role?: RoomRole;
  name?: string;
  /** Seconds; default now. */
  iat?: number;
  /** Seconds; default iat + 600. */
  exp?: number;
  typ?: string;
  secret?: string;
}

export async function mintCollabToken(c: TokenClaims): Promise<string> {
  const iat = c.iat ?? Math.floor(Date.now() / 1000);
  return new SignJWT({ roomId: c.roomId, role: c.role ?? 'candidate', name: c.name ?? 'Ada', color: '#336699', typ: c.typ ?? 'collab' })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(c.userId)
    .setIssuedAt(iat)
    .setExpirationTime(c.exp ?? iat + 600)
    .sign(new TextEncoder().encode(c.secret ?? JWT_SECRET));
}

export interface Harness {
  server: RunningCollabServer;
  control: CollabControl;
  callbacks: RecordingCallbacks;
  dataDir: string;
  /** The PostgreSQL database on the PostgreSQL test run (test/support/test-database.ts); restarts reuse it. */
  databaseUrl: string | undefined;
  /** `ws://127.0.0.1:PORT/collab` */
  collabUrl: string;
  createRoom(opts?: Partial<{ initialCode: string; phase: 'waiting' | 'coding'; locked: boolean; participants: { userId: string; role: RoomRole }[] }>): Promise<string>;
  connect(roomId: string, doc: CollabDoc, userId: string, role?: RoomRole): Promise<ProviderClient>;
  /** Restarts the plane on the same data directory and database (same port not kept). */
  restart(): Promise<void>;
  close(): Promise<void>;
}

export interface ProviderClient {
  ydoc: Y.Doc;
  provider: WebsocketProvider;
  text(): string;
  destroy(): void;
}

export type HarnessOptions = Partial<Omit<CollabPlaneOptions, 'callbacks' | 'log' | 'jwtSecret'>>;

/**
 * A real collab server (standalone, in this process) on 127.0.0.1 port 0 with a fresh data directory, and a
 * fresh PostgreSQL database when the suite runs on PostgreSQL.
 */
export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const dir = options.dataDir ? undefined : makeTempDir('syncode-collab-');
  const dataDir = options.dataDir ?? dir!.path;
  const databaseUrl = options.databaseUrl ?? (options.dataDir ? undefined : await testDatabaseUrl());
  const callbacks = new RecordingCallbacks();
  const start = () =>
    startCollabServer({
      ...options,
      dataDir,
      ...(databaseUrl ? { databaseUrl } : {}),
      jwtSecret: JWT_SECRET,
      internalSecret: INTERNAL_SECRET,
      callbacks,
      log: silentLogger,
    });
  let server = await start();
  const clients = new Set<ProviderClient>();
  const harness: Harness = {
    server,
    control: server.plane.control,
    callbacks,
    dataDir,
    databaseUrl,
    collabUrl: `ws://127.0.0.1:${server.port}/collab`,
    async createRoom(opts = {}) {
      const roomId = randomUUID();
      await harness.control.createDocument({
        roomId,
        mode: 'interview',
        phase: opts.phase ?? 'coding',
        language: 'python',
        problemId: null,
        initialCode: opts.initialCode ?? '',
        editorLocked: opts.locked ?? false,
        participants: opts.participants ?? [],
      });
      return roomId;
    },
    async connect(roomId, doc, userId, role = 'candidate') {
      const token = await mintCollabToken({ userId, roomId, role });
      const client = connectProvider(harness.collabUrl, roomId, doc, token);
      clients.add(client);
      await pollUntil(() => client.provider.synced, Boolean, { what: `${doc} provider synced` });
      return client;
    },
    async restart() {
      await server.close();
      server = await start();
      harness.server = server;
      harness.control = server.plane.control;
      harness.collabUrl = `ws://127.0.0.1:${server.port}/collab`;
    },
    async close() {
      for (const c of clients) c.destroy();
      await server.close();
      dir?.remove();
    },
  };
  return harness;
}

/** Collects the room events a stock provider receives, through the protocol's decoder (the product client's); an unreadable event throws. */
export function recordEvents(client: ProviderClient): RoomEvent[] {
  const events: RoomEvent[] = [];
  client.provider.messageHandlers[MessageType.ROOM_EVENT] = (_encoder, decoder) => {
    const reading = readRoomEvent(decoder);
    if (!reading.ok) throw new Error(reading.error);
    events.push(reading.event);
  };
  return events;
}

/** A stock y-websocket v3 provider, configured as clients must be: token in the params, no BroadcastChannel. */
export function connectProvider(collabUrl: string, roomId: string, doc: CollabDoc, token: string, ydoc = new Y.Doc()): ProviderClient {
  const provider = new WebsocketProvider(collabUrl, `${roomId}/${doc}`, ydoc, {
    params: { token },
    disableBc: true,
    WebSocketPolyfill: WebSocket as never,
    maxBackoffTime: 200,
  });
  return {
    ydoc,
    provider,
    text: () => ydoc.getText('code').toString(),
    destroy() {
      provider.destroy();
      ydoc.destroy();
    },
  };
}
