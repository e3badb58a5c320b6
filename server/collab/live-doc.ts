import * as Y from 'yjs';
import { CODE_META, CODE_TEXT, WHITEBOARD_ARRAY, type CollabDoc } from '../protocol/index.ts';
import type { StoredDocument } from '../storage/collab/index.ts';
import { AwarenessHub, type AwarenessSettings } from './awareness-hub.ts';
import type { CollabConnection } from './collab-connection.ts';
import { encodeSyncStep2, encodeSyncUpdate } from './collab-wire.ts';

/** Marks transactions that carry a client's accepted update (as opposed to server-origin writes). */
export const CLIENT_ORIGIN = Symbol('client');
export const SERVER_ORIGIN = Symbol('server');

/**
 * One loaded document of a room: the authoritative Y.Doc, its connections and awareness, its bans and
 * clientID owners, and the write-ahead outbox. Anything that could reveal document state (relays, SyncStep2
 * replies) goes through `afterCommit`, so no peer observes an update before the store committed it.
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
  lastUpdateId: number;
  updatesSinceCheckpoint: number;
  /**
   * An upper bound of the encoded state's size: exact at each checkpoint, plus the bytes of every update
   * accepted since (a checkpoint comes at least every few thousand updates, so the bound stays close).
   */
  stateBytesBound: number;
  /** When host and interviewers were last warned that this document is full. */
  lastSizeWarningAt = -Infinity;
  /** Accepted updates applied in memory but not yet committed. */
  uncommitted = 0;
  idleTimer: NodeJS.Timeout | null = null;
  /**
   * The full state as of the last checkpoint plus the updates accepted since: what a fresh joiner gets, so
   * a join never re-encodes a large document. The state is dropped once framed: one copy stays in memory.
   */
  #fullState: Uint8Array | null;
  #fullStateFrame: Uint8Array | null = null;
  /** Updates accepted since the cached state, in order, and their merge as one update frame (cached). */
  #tail: Uint8Array[];
  #tailFrame: Uint8Array | null = null;
  #outbox: (() => void)[] = [];

  constructor(roomId: string, name: CollabDoc, stored: StoredDocument, enforcement: { bans: number[]; owners: Map<number, string> }, awareness: AwarenessSettings<CollabConnection>) {
    this.roomId = roomId;
    this.name = name;
    this.ydoc = buildDoc(name, stored);
    this.lastUpdateId = stored.lastUpdateId;
    this.updatesSinceCheckpoint = stored.updates.length;
    this.bans = new Set(enforcement.bans);
    this.owners = enforcement.owners;
    this.awareness = new AwarenessHub(awareness, () => this.connections);
    this.#fullState = stored.checkpoint;
    this.#tail = stored.checkpoint ? [...stored.updates] : [];
    this.stateBytesBound = storedBytes(stored);
  }

  /** An accepted update (applied in memory; its commit is pending or done). */
  accepted(update: Uint8Array): void {
    this.stateBytesBound += update.length;
    if (!this.#fullState && !this.#fullStateFrame) return;
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
      this.#fullStateFrame = encodeSyncStep2(this.#fullState ?? Y.encodeStateAsUpdate(this.ydoc));
      if (!this.#fullState) {
        this.#tail = [];
        this.#tailFrame = null;
      }
      this.#fullState = null;
    }
    if (this.#tail.length === 0) return [this.#fullStateFrame];
    this.#tailFrame ??= encodeSyncUpdate(this.#tail.length === 1 ? this.#tail[0]! : Y.mergeUpdates(this.#tail));
    return [this.#tailFrame, this.#fullStateFrame];
  }

  /**
   * After a checkpoint: the document is rebuilt from its own compacted state. A document grown from many
   * small updates holds fragmented strings that encode several times slower; the rebuilt one is compact.
   */
  rebase(state: Uint8Array): void {
    const previous = this.ydoc;
    this.ydoc = buildDoc(this.name, { checkpoint: state, updates: [], lastUpdateId: this.lastUpdateId });
    previous.destroy();
    this.#fullState = state;
    this.#fullStateFrame = null;
    this.#tail = [];
    this.#tailFrame = null;
    this.updatesSinceCheckpoint = 0;
    this.stateBytesBound = state.length;
  }

  afterCommit(effect: () => void): void {
    if (this.uncommitted > 0) this.#outbox.push(effect);
    else effect();
  }

  /** The store committed everything applied so far: release what waited for it, in order. */
  committed(lastUpdateId: number, count: number): void {
    this.lastUpdateId = lastUpdateId;
    this.updatesSinceCheckpoint += count;
    this.uncommitted = 0;
    const effects = this.#outbox;
    this.#outbox = [];
    for (const effect of effects) effect();
  }

  /** After a failed commit or a failed apply: drop what was not committed and rebuild from the store. */
  reset(stored: StoredDocument): void {
    this.ydoc.destroy();
    this.ydoc = buildDoc(this.name, stored);
    this.lastUpdateId = stored.lastUpdateId;
    this.updatesSinceCheckpoint = stored.updates.length;
    this.uncommitted = 0;
    this.#outbox = [];
    this.#fullState = stored.checkpoint;
    this.#fullStateFrame = null;
    this.#tail = stored.checkpoint ? [...stored.updates] : [];
    this.#tailFrame = null;
    this.stateBytesBound = storedBytes(stored);
  }

  broadcast(frame: Uint8Array, except?: CollabConnection): void {
    for (const c of this.connections) if (c !== except) c.send(frame);
  }

  destroy(): void {
    this.awareness.close();
    this.ydoc.destroy();
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
