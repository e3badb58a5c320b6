// One document's replay: the accepted updates of GET /v1/sessions/:id/replay/:doc in order, with a checkpoint
// (the encoded state) every CHECKPOINT_EVERY steps, recorded while the pages arrive. The document at any step is
// then its nearest checkpoint plus fewer than CHECKPOINT_EVERY updates, never the whole log from the start.
import { fromBase64 } from 'lib0/buffer';
import * as Y from 'yjs';
import type { ReplayUpdate } from '../../../../server/protocol/api/sessions.ts';

/** Steps between checkpoints: a seek applies at most this many updates after decoding one checkpoint. */
export const CHECKPOINT_EVERY = 200;

export interface ReplayStep {
  seq: number;
  /** Milliseconds since the epoch. */
  at: number;
  userId: string | null;
  update: Uint8Array;
}

export class ReplayTrack {
  readonly steps: ReplayStep[] = [];
  /** Author of each Yjs clientID: the user whose update first brought a struct of it (as the server judges ownership). */
  readonly clientAuthor = new Map<number, string | null>();
  /** `checkpoints[k]` is the state after the first k·CHECKPOINT_EVERY steps. */
  readonly #checkpoints: Uint8Array[] = [];
  readonly #builder = new Y.Doc();

  constructor() {
    this.#checkpoints.push(Y.encodeStateAsUpdate(this.#builder));
  }

  /** Appends a page (ascending seq), applying it once to record authors and checkpoints. */
  append(items: readonly ReplayUpdate[]): void {
    for (const item of items) {
      const update = fromBase64(item.update);
      this.steps.push({ seq: item.seq, at: Date.parse(item.at), userId: item.userId, update });
      for (const client of Y.parseUpdateMeta(update).from.keys()) {
        if (!this.clientAuthor.has(client)) this.clientAuthor.set(client, item.userId);
      }
      Y.applyUpdate(this.#builder, update);
      if (this.steps.length % CHECKPOINT_EVERY === 0) this.#checkpoints.push(Y.encodeStateAsUpdate(this.#builder));
    }
  }

  /** A new document holding the state after the first `count` steps. */
  docAt(count: number): Y.Doc {
    const n = Math.max(0, Math.min(count, this.steps.length));
    const k = Math.floor(n / CHECKPOINT_EVERY);
    const doc = new Y.Doc();
    Y.applyUpdate(doc, this.#checkpoints[k]!);
    this.applyRange(doc, k * CHECKPOINT_EVERY, n);
    return doc;
  }

  /** Applies steps [from, to) to `doc`, which holds the state after `from` steps. */
  applyRange(doc: Y.Doc, from: number, to: number): void {
    if (to <= from) return;
    const slice = this.steps.slice(from, to).map((s) => s.update);
    Y.applyUpdate(doc, slice.length === 1 ? slice[0]! : Y.mergeUpdates(slice));
  }

  /** How many steps happened at or before `time` (ms since the epoch). */
  countAt(time: number): number {
    let lo = 0;
    let hi = this.steps.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.steps[mid]!.at <= time) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

export interface AuthorRun {
  /** Offset in the text (UTF-16 code units, as Monaco counts). */
  start: number;
  length: number;
  userId: string;
}

/** Which user inserted each visible character of `text`: runs of one author, from the Yjs items' client IDs. */
export function authorRuns(text: Y.Text, clientAuthor: ReadonlyMap<number, string | null>): AuthorRun[] {
  const runs: AuthorRun[] = [];
  let offset = 0;
  for (let item = text._start; item !== null; item = item.right) {
    if (item.deleted || !item.countable) continue;
    const userId = clientAuthor.get(item.id.client) ?? null;
    const last = runs[runs.length - 1];
    if (userId !== null) {
      if (last && last.userId === userId && last.start + last.length === offset) last.length += item.length;
      else runs.push({ start: offset, length: item.length, userId });
    }
    offset += item.length;
  }
  return runs;
}

/**
 * A document moved along a track: forward steps are applied to the current document (playback), anything else
 * (backwards, far ahead) rebuilds it from the nearest checkpoint. `onDoc` hears of each new document.
 */
export class TrackCursor {
  readonly track: ReplayTrack;
  doc: Y.Doc;
  count = 0;
  readonly #onDoc: (doc: Y.Doc) => void;

  constructor(track: ReplayTrack, onDoc: (doc: Y.Doc) => void = () => {}) {
    this.track = track;
    this.#onDoc = onDoc;
    this.doc = track.docAt(0);
    onDoc(this.doc);
  }

  /** Moves to the state after `count` steps; false when it was already there. */
  moveTo(count: number): boolean {
    const n = Math.max(0, Math.min(count, this.track.steps.length));
    if (n === this.count) return false;
    if (n > this.count && n - this.count <= CHECKPOINT_EVERY) {
      this.track.applyRange(this.doc, this.count, n);
    } else {
      const old = this.doc;
      this.doc = this.track.docAt(n);
      this.#onDoc(this.doc);
      old.destroy();
    }
    this.count = n;
    return true;
  }

  destroy(): void {
    this.doc.destroy();
  }
}
