import * as Y from 'yjs';
import { CODE_META, CODE_TEXT, WHITEBOARD_ARRAY, type CollabDoc } from '../protocol/index.ts';
import type { StoredDocument } from '../storage/collab/index.ts';
import { AwarenessHub, type AwarenessSettings } from './awareness-hub.ts';
import type { CollabConnection } from './collab-connection.ts';
import { encodeSyncStep2, encodeSyncUpdate } from './collab-wire.ts';

/** Marks transactions that carry a client's accepted update (as opposed to server-origin writes). */
export const CLIENT_ORIGIN = Symbol('client');
export const SERVER_ORIGIN = Symbol('server');

/** Loaded with the document: its persisted enforcement state. */
export interface DocEnforcement {
  bans: number[];
  owners: Map<number, string>;
  /** Users flagged resync-required on this document (probation on their next connection). */
  resyncFlags: string[];
}

interface PendingEffect {
  /** Runs once this many accepted updates are committed. */
  upTo: number;
  /** Reveals the whole document: runs only when nothing accepted is uncommitted at that moment. */
  whole: boolean;
  effect: () => void;
  /** Called instead when the document is dropped first. */
  dropped?: () => void;
}

/**
 * One loaded document of a room: the authoritative Y.Doc, its connections and awareness, its bans, clientID
 * owners and resync flags, and the write-ahead outbox. Anything that could reveal document state (relays,
 * SyncStep2 replies, snapshots) goes through `afterCommit` or `whenAllCommitted`, so no peer observes an update
 * before the store committed it. Commits complete while later updates are already applied in memory (the
 * store is asynchronous), so an effect waits for exactly what was accepted before it.
 */
export class LiveDoc {
  readonly roomId: string;
  readonly name: CollabDoc;
  ydoc: Y.Doc;
  readonly connections = new Set<CollabConnection>();
  readonly awareness: AwarenessHub<CollabConnection>;
  readonly bans: Set<number>;
  /** Yjs clientID → owning userId (or SERVER_CLIENT_OWNER); a rejection bans only its sender's clientIDs. */
  readonly owners: Map<number, string>;
  readonly resyncFlags: Set<string>;
  /** Id of the last committed update. */
  lastUpdateId: number;
  updatesSinceCheckpoint: number;
  /**
   * An upper bound of the encoded state's size: exact at each checkpoint, plus the bytes of every update
   * accepted since (a checkpoint comes at least every few thousand updates, so the bound stays close).
   */
  stateBytesBound: number;
  /** When host and interviewers were last warned that this document is full. */
  lastSizeWarningAt = -Infinity;
  idleTimer: NodeJS.Timeout | null = null;
  /**
   * The full state as of the last checkpoint (framed as a SyncStep2) plus the updates accepted since: what a
   * fresh joiner gets, so a join never re-encodes a large document. A checkpoint's state is framed as soon as it
   * exists and kept only inside its frame: a separate copy would live on until a major GC (3 MiB of a 3 MiB
   * document).
   */
  #fullStateFrame: Uint8Array | null;
  /** Updates accepted since the cached state, in order, and their merge as one update frame (cached). */
  #tail: Uint8Array[];
  #tailFrame: Uint8Array | null = null;
  /** Updates accepted since the load, and how many of them are committed. */
  #acceptedCount = 0;
  #committedCount = 0;
  #outbox: PendingEffect[] = [];
  #destroyed = false;

  constructor(roomId: string, name: CollabDoc, stored: StoredDocument, enforcement: DocEnforcement, awareness: AwarenessSettings<CollabConnection>) {
    this.roomId = roomId;
    this.name = name;
    this.ydoc = buildDoc(name, stored);
    this.lastUpdateId = stored.lastUpdateId;
    this.updatesSinceCheckpoint = stored.updates.length;
    this.bans = new Set(enforcement.bans);
    this.owners = enforcement.owners;
    this.resyncFlags = new Set(enforcement.resyncFlags);
    this.awareness = new AwarenessHub(awareness, () => this.connections);
    this.#fullStateFrame = stored.checkpoint ? encodeSyncStep2(stored.checkpoint) : null;
    this.#tail = stored.checkpoint ? [...stored.updates] : [];
    this.stateBytesBound = storedBytes(stored);
  }

  /** Accepted updates applied in memory but not yet committed. */
  get uncommitted(): number {
    return this.#acceptedCount - this.#committedCount;
  }

  /** An accepted update, applied in memory; its commit is queued (PlaneCore.enqueue). */
  accepted(update: Uint8Array): void {
    this.#acceptedCount++;
    this.stateBytesBound += update.length;
    if (!this.#fullStateFrame) return;
    this.#tail.push(update);
    this.#tailFrame = null;
  }

  /**
   * The whole document for a joiner with an empty state vector, in the order to send: the updates accepted
   * since the cached state merged into one update frame, then the cached state as one ready SyncStep2 frame
   * (shared by every joiner, never copied). The tail goes first because the stock client is `synced` when
   * the SyncStep2 arrives, and must by then hold everything committed; Yjs keeps the tail's structs pending
   * until the SyncStep2 brings what they depend on. Merging costs the tail's size, never the document's.
   */
  fullStateFrames(): Uint8Array[] {
    if (!this.#fullStateFrame) {
      this.#fullStateFrame = encodeSyncStep2(Y.encodeStateAsUpdate(this.ydoc));
      this.#tail = [];
      this.#tailFrame = null;
    }
    if (this.#tail.length === 0) return [this.#fullStateFrame];
    this.#tailFrame ??= encodeSyncUpdate(this.#tail.length === 1 ? this.#tail[0]! : Y.mergeUpdates(this.#tail));
    return [this.#tailFrame, this.#fullStateFrame];
  }

  /**
   * After a checkpoint: the document is rebuilt from its own compacted state. A document grown from many
   * small updates holds fragmented strings that encode several times slower; the rebuilt one is compact.
   * Returns the state as kept in the joiners' frame (a view of it), for the checkpoint's write.
   */
  rebase(state: Uint8Array): Uint8Array {
    const previous = this.ydoc;
    this.ydoc = buildDoc(this.name, { checkpoint: state, updates: [], lastUpdateId: this.lastUpdateId });
    previous.destroy();
    this.#fullStateFrame = encodeSyncStep2(state);
    this.#tail = [];
    this.#tailFrame = null;
    this.updatesSinceCheckpoint = 0;
    this.stateBytesBound = state.length;
    return this.#fullStateFrame.subarray(this.#fullStateFrame.length - state.length);
  }

  /** Runs `effect` once every update accepted so far is committed (at once if they are): a relay. */
  afterCommit(effect: () => void): void {
    if (this.uncommitted === 0) effect();
    else this.#outbox.push({ upTo: this.#acceptedCount, whole: false, effect });
  }

  /**
   * Runs `effect` at a moment when everything applied in memory is committed: for what reveals the whole
   * document (a SyncStep2, a snapshot). Under a steady stream of updates it waits for a commit that no newer
   * update overtook, which the group commit gives within a commit or two.
   */
  whenAllCommitted(effect: () => void, dropped?: () => void): void {
    if (this.uncommitted === 0) effect();
    else this.#outbox.push({ upTo: this.#acceptedCount, whole: true, effect, dropped });
  }

  /** The store committed the next `count` accepted updates, the last with id `lastUpdateId`: release what waited for them, in order. */
  committed(lastUpdateId: number, count: number): void {
    this.lastUpdateId = lastUpdateId;
    this.updatesSinceCheckpoint += count;
    this.#committedCount += count;
    while (this.#outbox.length > 0 && this.#outbox[0]!.upTo <= this.#committedCount) {
      const pending = this.#outbox.shift()!;
      if (pending.whole && this.uncommitted > 0) this.#outbox.push({ ...pending, upTo: this.#acceptedCount });
      else pending.effect();
    }
  }

  broadcast(frame: Uint8Array, except?: CollabConnection): void {
    for (const c of this.connections) if (c !== except) c.send(frame);
  }

  get destroyed(): boolean {
    return this.#destroyed;
  }

  /** Drops the document from memory; effects still waiting for a commit are dropped with it. */
  destroy(): void {
    if (this.#destroyed) return;
    this.#destroyed = true;
    const outbox = this.#outbox;
    this.#outbox = [];
    this.awareness.close();
    this.ydoc.destroy();
    for (const pending of outbox) pending.dropped?.();
  }
}

function storedBytes(stored: StoredDocument): number {
  let bytes = stored.checkpoint?.length ?? 0;
  for (const update of stored.updates) bytes += update.length;
  return bytes;
}

function buildDoc(name: CollabDoc, stored: StoredDocument): Y.Doc {
  const doc = new Y.Doc();
  // Root types are declared before anything is applied so that integrated items get their real types.
  if (name === 'code') {
    doc.getText(CODE_TEXT);
    doc.getMap(CODE_META);
  } else {
    doc.getArray(WHITEBOARD_ARRAY);
  }
  Y.transact(doc, () => {
    if (stored.checkpoint) Y.applyUpdate(doc, stored.checkpoint);
    for (const update of stored.updates) Y.applyUpdate(doc, update);
  });
  return doc;
}
