import * as Y from 'yjs';
import { CloseCode, encodeRoomEvent, MAX_ROOM_EVENT_BYTES, type CollabCallbacks, type CollabDoc, type RoomEvent } from '../protocol/index.ts';
import { SERVER_CLIENT_OWNER, type CollabStore, type NewUpdate } from '../storage/collab/index.ts';
import type { Logger } from '../server-options.ts';
import type { AwarenessRules } from './awareness-hub.ts';
import type { CollabConnection } from './collab-connection.ts';
import { encodeSyncUpdate } from './collab-wire.ts';
import { CommitPacer } from './commit-pacer.ts';
import { LiveDoc, SERVER_ORIGIN } from './live-doc.ts';
import { Room } from './room.ts';

/** A compacted checkpoint is written after this many logged updates, so loading stays fast. */
const CHECKPOINT_EVERY_UPDATES = 2000;

export interface CoreSettings {
  documentIdleTtlMs: number;
  awareness: AwarenessRules;
  onCommit?: (durationMs: number, updates: readonly NewUpdate[]) => void;
}

type CloseCodeEntry = (typeof CloseCode)[keyof typeof CloseCode];

/**
 * The state every part of the plane shares: rooms and their loaded documents, the group-commit write-ahead
 * queue, event delivery, and connection teardown. No sockets are accepted here (see collab-plane.ts).
 */
export class PlaneCore {
  readonly store: CollabStore;
  readonly log: Logger;
  readonly settings: CoreSettings;
  readonly rooms = new Map<string, Room>();
  readonly #queue: { doc: LiveDoc; row: NewUpdate }[] = [];
  #flushScheduled = false;
  readonly #pacer = new CommitPacer();
  #callbacks: CollabCallbacks | undefined;

  constructor(store: CollabStore, log: Logger, settings: CoreSettings) {
    this.store = store;
    this.log = log;
    this.settings = settings;
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
  room(roomId: string): Room | undefined {
    let room = this.rooms.get(roomId);
    if (room) return room;
    const record = this.store.getRoom(roomId);
    if (!record) return undefined;
    room = new Room(record, this.store.participants(roomId));
    this.rooms.set(roomId, room);
    return room;
  }

  /** Loads the document if needed; an unused one unloads after the idle TTL. */
  doc(room: Room, name: CollabDoc): LiveDoc {
    let doc = room.docs.get(name);
    if (!doc) {
      const enforcement = { bans: this.store.bannedClients(room.id, name), owners: this.store.clientOwners(room.id, name) };
      doc = new LiveDoc(room.id, name, this.store.loadDocument(room.id, name), enforcement, {
        ...this.settings.awareness,
        identify: (c) => ({ id: c.userId, name: c.name, role: room.roleOf(c.userId, c.tokenRole) }),
      });
      room.docs.set(name, doc);
      this.scheduleIdleUnload(room, doc);
    }
    return doc;
  }

  scheduleIdleUnload(room: Room, doc: LiveDoc): void {
    if (doc.idleTimer) clearTimeout(doc.idleTimer);
    doc.idleTimer = null;
    if (doc.connections.size > 0) return;
    doc.idleTimer = setTimeout(() => {
      doc.idleTimer = null;
      if (doc.connections.size === 0) this.unload(room, doc);
    }, this.settings.documentIdleTtlMs);
    doc.idleTimer.unref();
  }

  /** Unloading is invisible to clients: everything is durable, the checkpoint only speeds up the next load. */
  unload(room: Room, doc: LiveDoc): void {
    this.flush();
    if (doc.idleTimer) clearTimeout(doc.idleTimer);
    this.checkpoint(doc, false);
    doc.destroy();
    room.docs.delete(doc.name);
    if (room.docs.size === 0 && room.periodicTimer === null) this.rooms.delete(room.id);
  }

  /** Writes a compacted checkpoint; a document that stays loaded is rebuilt from it (see LiveDoc.rebase). */
  checkpoint(doc: LiveDoc, stayLoaded = true): void {
    if (doc.updatesSinceCheckpoint === 0 || doc.uncommitted > 0) return;
    const state = Y.encodeStateAsUpdate(doc.ydoc);
    this.store.writeCheckpoint(doc.roomId, doc.name, doc.lastUpdateId, state);
    if (stayLoaded) doc.rebase(state);
    else doc.updatesSinceCheckpoint = 0;
  }

  /** Queues an applied update for the next group commit (see CommitPacer for when that is). */
  enqueue(doc: LiveDoc, row: NewUpdate): void {
    doc.uncommitted++;
    this.#queue.push({ doc, row });
    if (!this.#flushScheduled) this.#scheduleFlush();
  }

  #scheduleFlush(): void {
    this.#flushScheduled = true;
    const wait = this.#pacer.delayBeforeCommit(performance.now());
    if (wait > 0) setTimeout(() => this.flush(), wait);
    else setImmediate(() => this.flush());
  }

  /** Commits everything queued, then releases what waited on it. Safe to call at any time. */
  flush(): void {
    this.#flushScheduled = false;
    if (this.#queue.length === 0) return;
    const batch = this.#queue.splice(0);
    const startedAt = performance.now();
    this.#pacer.committed(startedAt, batch.length);
    const rows = batch.map((b) => b.row);
    let ids: number[];
    try {
      ids = this.store.appendUpdates(rows);
    } catch (error) {
      this.log.error('collab commit failed; dropping uncommitted state', { error: String(error) });
      for (const doc of new Set(batch.map((b) => b.doc))) this.#failDoc(doc);
      return;
    }
    this.settings.onCommit?.(performance.now() - startedAt, rows);
    const last = new Map<LiveDoc, { id: number; count: number }>();
    batch.forEach((b, i) => {
      const entry = last.get(b.doc) ?? { id: 0, count: 0 };
      last.set(b.doc, { id: ids[i]!, count: entry.count + 1 });
    });
    for (const [doc, { id, count }] of last) {
      doc.committed(id, count);
      if (doc.updatesSinceCheckpoint >= CHECKPOINT_EVERY_UPDATES) this.checkpoint(doc);
    }
  }

  /** Rebuilds a document from the store after a failed apply, so nothing uncommitted stays in memory. */
  reloadDoc(doc: LiveDoc): void {
    this.flush();
    doc.reset(this.store.loadDocument(doc.roomId, doc.name));
  }

  #failDoc(doc: LiveDoc): void {
    for (const c of [...doc.connections]) this.closeConnection(c, CloseCode.INTERNAL_ERROR);
    try {
      doc.reset(this.store.loadDocument(doc.roomId, doc.name));
    } catch (error) {
      this.log.error('collab reload failed', { error: String(error) });
    }
  }

  /** A server-origin write (meta, code reset): persisted and relayed exactly like an accepted client update. */
  serverWrite(doc: LiveDoc, write: (ydoc: Y.Doc) => void): void {
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
    if (serverClients.length > 0) this.store.claimClients(doc.roomId, doc.name, SERVER_CLIENT_OWNER, serverClients);
    for (const update of updates) {
      const frame = encodeSyncUpdate(update);
      doc.accepted(update);
      this.enqueue(doc, { roomId: doc.roomId, doc: doc.name, update, userId: null, acceptedAt: Date.now() });
      doc.afterCommit(() => doc.broadcast(frame));
    }
    this.flush();
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
}
