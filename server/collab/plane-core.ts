import * as Y from 'yjs';
import { CloseCode, encodeRoomEvent, MAX_ROOM_EVENT_BYTES, type CollabCallbacks, type CollabDoc, type RoomEvent } from '../protocol/index.ts';
import { SERVER_CLIENT_OWNER, type CollabStore, type NewUpdate } from '../storage/collab/index.ts';
import { KeyedQueue } from '../keyed-queue.ts';
import type { Logger } from '../server-options.ts';
import type { AwarenessRules } from './awareness-hub.ts';
import type { CollabConnection } from './collab-connection.ts';
import { encodeSyncUpdate } from './collab-wire.ts';
import { LiveDoc, SERVER_ORIGIN } from './live-doc.ts';
import { Room } from './room.ts';
import { StoreWriter, type QueuedUpdate } from './store-writer.ts';
import { errorFields } from '../error-fields.ts';

/** A compacted checkpoint is written after this many logged updates, so loading stays fast. */
const CHECKPOINT_EVERY_UPDATES = 2000;

export interface CoreSettings {
  documentIdleTtlMs: number;
  awareness: AwarenessRules;
  onCommit?: (durationMs: number, updates: readonly NewUpdate[]) => void;
}

type CloseCodeEntry = (typeof CloseCode)[keyof typeof CloseCode];

/**
 * The state every part of the plane shares: rooms and their loaded documents, the store's ordered writes with
 * the group-commit write-ahead queue, event delivery, and connection teardown. No sockets are accepted here
 * (see collab-plane.ts).
 */
export class PlaneCore {
  readonly store: CollabStore;
  readonly writer: StoreWriter;
  readonly log: Logger;
  readonly settings: CoreSettings;
  readonly rooms = new Map<string, Room>();
  /** Rooms being read from the store: every caller waits for the one read. */
  readonly #roomLoads = new Map<string, Promise<Room | undefined>>();
  /** Each room's control operations (see exclusive). */
  readonly #roomTasks = new KeyedQueue();
  #callbacks: CollabCallbacks | undefined;

  constructor(store: CollabStore, log: Logger, settings: CoreSettings) {
    this.store = store;
    this.log = log;
    this.settings = settings;
    this.writer = new StoreWriter(store, log, {
      committed: (batch, ids, durationMs) => {
        if (batch.length > 0) this.settings.onCommit?.(durationMs, batch.map((b) => b.row));
        this.#committed(batch, ids);
      },
      failed: (docs, error) => {
        this.log.error('collab commit failed; dropping uncommitted state', errorFields(error));
        for (const doc of docs) this.discard(doc);
      },
    });
  }

  /**
   * The control plane's callback receiver, attached by the plane's start() before it accepts a socket or
   * re-sends a session-end snapshot: nothing reaches the callbacks earlier.
   */
  get callbacks(): CollabCallbacks {
    if (!this.#callbacks) throw new Error('The collab plane reported to the control plane before start().');
    return this.#callbacks;
  }

  attach(callbacks: CollabCallbacks): void {
    this.#callbacks = callbacks;
  }

  /** The room from memory or the store; undefined when no document was ever created for it. */
  room(roomId: string): Promise<Room | undefined> {
    const cached = this.rooms.get(roomId);
    if (cached) return Promise.resolve(cached);
    let load = this.#roomLoads.get(roomId);
    if (!load) {
      load = this.#loadRoom(roomId).finally(() => this.#roomLoads.delete(roomId));
      this.#roomLoads.set(roomId, load);
    }
    return load;
  }

  async #loadRoom(roomId: string): Promise<Room | undefined> {
    // A room dropped from memory is read back with everything written for it.
    await this.writer.flush();
    const [record, participants] = await Promise.all([this.store.getRoom(roomId), this.store.participants(roomId)]);
    if (!record) return undefined;
    const room = new Room(record, participants);
    this.rooms.set(roomId, room);
    return room;
  }

  /** The loaded document, loading it first if needed (one load however many callers wait); an unused one unloads after the idle TTL. */
  async doc(room: Room, name: CollabDoc): Promise<LiveDoc> {
    for (;;) {
      const loaded = room.docs.get(name);
      if (loaded) return loaded;
      await (room.transitions.get(name) ?? this.#transition(room, name, () => this.#loadDoc(room, name)));
    }
  }

  async #loadDoc(room: Room, name: CollabDoc): Promise<void> {
    await this.writer.flush();
    const [stored, bans, owners, resyncFlags] = await Promise.all([
      this.store.loadDocument(room.id, name),
      this.store.bannedClients(room.id, name),
      this.store.clientOwners(room.id, name),
      this.store.resyncFlags(room.id, name),
    ]);
    const doc = new LiveDoc(room.id, name, stored, { bans, owners, resyncFlags }, {
      ...this.settings.awareness,
      identify: (c) => ({ id: c.userId, name: c.name, role: room.roleOf(c.userId, c.tokenRole) }),
    });
    room.docs.set(name, doc);
    this.scheduleIdleUnload(room, doc);
  }

  /** A load or unload of one document; the room leaves memory once it has neither documents nor work on them. */
  #transition(room: Room, name: CollabDoc, work: () => Promise<void>): Promise<void> {
    const done = work().finally(() => {
      if (room.transitions.get(name) === done) room.transitions.delete(name);
      this.#dropIfIdle(room);
    });
    room.transitions.set(name, done);
    return done;
  }

  #dropIfIdle(room: Room): void {
    if (room.docs.size === 0 && room.transitions.size === 0 && room.periodicTimer === null && this.rooms.get(room.id) === room) this.rooms.delete(room.id);
  }

  scheduleIdleUnload(room: Room, doc: LiveDoc): void {
    if (doc.idleTimer) clearTimeout(doc.idleTimer);
    doc.idleTimer = null;
    if (doc.connections.size > 0) return;
    doc.idleTimer = setTimeout(() => {
      doc.idleTimer = null;
      if (doc.connections.size === 0) void this.unload(room, doc);
    }, this.settings.documentIdleTtlMs);
    doc.idleTimer.unref();
  }

  /**
   * Unloading is invisible to clients: everything is durable, the checkpoint only speeds up the next load. The
   * document leaves the room at once; a connection arriving meanwhile loads it again after the unload.
   */
  unload(room: Room, doc: LiveDoc): Promise<void> {
    if (room.docs.get(doc.name) !== doc) return Promise.resolve();
    room.docs.delete(doc.name);
    if (doc.idleTimer) clearTimeout(doc.idleTimer);
    doc.idleTimer = null;
    return this.#transition(room, doc.name, async () => {
      await this.writer.flush();
      this.checkpoint(doc, false);
      await this.writer.flush();
      doc.destroy();
    });
  }

  /**
   * Drops a document whose memory cannot be trusted (a failed commit or apply): its connections close with 1011,
   * its queued updates are never committed, and the next connection loads it from the store.
   */
  discard(doc: LiveDoc): void {
    if (doc.destroyed) return;
    this.writer.forget(doc);
    for (const c of [...doc.connections]) this.closeConnection(c, CloseCode.INTERNAL_ERROR);
    const room = this.rooms.get(doc.roomId);
    if (room?.docs.get(doc.name) === doc) {
      room.docs.delete(doc.name);
      this.#dropIfIdle(room);
    }
    if (doc.idleTimer) clearTimeout(doc.idleTimer);
    doc.destroy();
  }

  /** Writes a compacted checkpoint; a document that stays loaded is rebuilt from it (see LiveDoc.rebase). */
  checkpoint(doc: LiveDoc, stayLoaded = true): void {
    if (doc.destroyed || doc.updatesSinceCheckpoint === 0 || doc.uncommitted > 0) return;
    const { roomId, name, lastUpdateId } = doc;
    const encoded = Y.encodeStateAsUpdate(doc.ydoc);
    const state = stayLoaded ? doc.rebase(encoded) : encoded;
    if (!stayLoaded) doc.updatesSinceCheckpoint = 0;
    this.writer.persist(() => this.store.writeCheckpoint(roomId, name, lastUpdateId, state), 'checkpoint');
  }

  /** Releases what waited for a committed batch, per document in order. */
  #committed(batch: readonly QueuedUpdate[], ids: readonly number[]): void {
    const last = new Map<LiveDoc, { id: number; count: number }>();
    batch.forEach((b, i) => last.set(b.doc, { id: ids[i]!, count: (last.get(b.doc)?.count ?? 0) + 1 }));
    for (const [doc, { id, count }] of last) {
      doc.committed(id, count);
      if (doc.updatesSinceCheckpoint >= CHECKPOINT_EVERY_UPDATES) this.checkpoint(doc);
    }
  }

  /** Applies and queues an accepted update (the caller relays it with doc.afterCommit). */
  enqueue(doc: LiveDoc, row: NewUpdate): void {
    doc.accepted(row.update);
    this.writer.enqueue(doc, row);
  }

  /** Commits everything queued; resolves once it is committed and released. */
  flush(): Promise<void> {
    return this.writer.flush();
  }

  /**
   * Reads the document at a moment when everything applied to it is committed (snapshots, exports): committed
   * state only, as for any peer.
   */
  whenAllCommitted<T>(doc: LiveDoc, read: (doc: LiveDoc) => T): Promise<T> {
    const result = new Promise<T>((resolve, reject) =>
      doc.whenAllCommitted(
        () => {
          try {
            resolve(read(doc));
          } catch (error) {
            reject(error as Error);
          }
        },
        () => reject(new Error('The document was dropped before its updates were committed.')),
      ),
    );
    void this.flush();
    return result;
  }

  /** Runs one room's control operations one at a time in call order, so their events reach clients in that order. */
  exclusive<T>(roomId: string, task: () => Promise<T>): Promise<T> {
    return this.#roomTasks.run(roomId, task);
  }

  /** A server-origin write (meta, code reset): persisted and relayed exactly like an accepted client update; resolves once committed. */
  async serverWrite(doc: LiveDoc, write: (ydoc: Y.Doc) => void): Promise<void> {
    const updates: Uint8Array[] = [];
    const capture = (u: Uint8Array): void => void updates.push(u);
    doc.ydoc.on('update', capture);
    try {
      Y.transact(doc.ydoc, () => write(doc.ydoc), SERVER_ORIGIN);
    } finally {
      doc.ydoc.off('update', capture);
    }
    const serverClients = [doc.ydoc.clientID].filter((id) => !doc.owners.has(id));
    for (const id of serverClients) doc.owners.set(id, SERVER_CLIENT_OWNER);
    if (serverClients.length > 0) this.writer.claim(doc, SERVER_CLIENT_OWNER, serverClients);
    for (const update of updates) {
      const frame = encodeSyncUpdate(update);
      this.enqueue(doc, { roomId: doc.roomId, doc: doc.name, update, userId: null, acceptedAt: Date.now() });
      doc.afterCommit(() => doc.broadcast(frame));
    }
    await this.flush();
  }

  /** Sends a room event to the room's code connections (or those `to` selects); returns how many got it. */
  sendEvent(room: Room, event: RoomEvent, to?: (c: CollabConnection) => boolean): number {
    const frame = encodeRoomEvent(event);
    if (frame.length > MAX_ROOM_EVENT_BYTES + 8) {
      this.log.warn('room event over 64 KiB not sent', { type: event.type, roomId: room.id });
      return 0;
    }
    const code = room.docs.get('code');
    let delivered = 0;
    const targets = to ? room.connections().filter(to) : code ? [...code.connections] : [];
    for (const c of targets) {
      c.send(frame);
      delivered++;
    }
    return delivered;
  }

  /**
   * Closes a connection from the server side. Its state goes at once (awareness removal is broadcast, the
   * user-disconnected callback fires if it was the user's last connection to the room).
   */
  closeConnection(conn: CollabConnection, close: CloseCodeEntry): void {
    this.dropConnection(conn, close.code);
    if (conn.ws.readyState === conn.ws.OPEN || conn.ws.readyState === conn.ws.CONNECTING) conn.ws.close(close.code, close.reason);
  }

  dropConnection(conn: CollabConnection, closeCode: number): void {
    if (conn.closed) return;
    conn.closed = true;
    const room = this.rooms.get(conn.roomId);
    const doc = room?.docs.get(conn.doc);
    if (!room || !doc) return;
    doc.connections.delete(conn);
    doc.awareness.disconnect(conn, Date.now());
    this.scheduleIdleUnload(room, doc);
    // A replaced connection (4009) is never the user's last: its successor is being opened.
    if (closeCode !== CloseCode.REPLACED.code && room.connectionsOf(conn.userId).length === 0) {
      const payload = { roomId: room.id, userId: conn.userId, doc: conn.doc, closeCode, disconnectedAt: new Date().toISOString() };
      this.callbacks.userDisconnected(payload).catch((error: unknown) => {
        this.log.warn('user-disconnected callback failed', { error: String(error), roomId: room.id });
      });
    }
  }

  /**
   * Stops the periodic snapshots, lets the control operations and loads in progress finish, commits what is
   * queued, unloads every document and waits for the store's last write.
   */
  async close(): Promise<void> {
    for (const room of this.rooms.values()) {
      if (room.periodicTimer) clearInterval(room.periodicTimer);
      room.periodicTimer = null;
    }
    await this.#roomTasks.drain();
    await Promise.allSettled([
      ...this.#roomLoads.values(),
      ...[...this.rooms.values()].flatMap((room) => [...room.transitions.values()]),
    ]);
    await this.flush();
    await Promise.allSettled([...this.rooms.values()].flatMap((room) => [...room.docs.values()].map((doc) => this.unload(room, doc))));
    this.rooms.clear();
    await this.writer.flush();
  }
}
