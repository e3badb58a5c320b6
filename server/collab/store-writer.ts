import type { CollabStore, NewUpdate } from '../storage/collab/index.ts';
import type { Logger } from '../server-options.ts';
import { CommitPacer } from './commit-pacer.ts';
import type { LiveDoc } from './live-doc.ts';

export interface QueuedUpdate {
  doc: LiveDoc;
  row: NewUpdate;
}

export interface CommitHandlers {
  /** The batch is committed; `ids` are its log ids in batch order. */
  committed(batch: readonly QueuedUpdate[], ids: readonly number[]): void;
  failed(batch: readonly QueuedUpdate[], error: unknown): void;
}

const settle = (): void => {};

/**
 * The plane's writes to the store, one at a time in the order they were issued: the group commits of the
 * accepted-update queue and every other write (ownership, rejections, room state, checkpoints). One writer
 * means a later batch never overtakes an earlier one (log ids ascend in commit order), bookkeeping lands before
 * the updates that follow it, and a load that waits for `settled()` reads everything written before it.
 * Updates accepted while a commit is in flight wait for the next one: the slower the store, the larger the
 * batch (group commit).
 */
export class StoreWriter {
  readonly #store: CollabStore;
  readonly #log: Logger;
  readonly #handlers: CommitHandlers;
  readonly #queue: QueuedUpdate[] = [];
  readonly #pacer = new CommitPacer();
  #flushScheduled = false;
  /** The last write issued; never rejects. */
  #tail: Promise<void> = Promise.resolve();

  constructor(store: CollabStore, log: Logger, handlers: CommitHandlers) {
    this.#store = store;
    this.#log = log;
    this.#handlers = handlers;
  }

  /** Runs `op` after every write issued before it; resolves or rejects with it. */
  write<T>(op: () => Promise<T>): Promise<T> {
    const result = this.#tail.then(op);
    this.#tail = result.then(settle, settle);
    return result;
  }

  /** A write nobody waits for: a failure is logged. */
  persist(op: () => Promise<void>, what: string): void {
    this.write(op).catch((error: unknown) => this.#log.error(`collab ${what} failed`, { error: String(error) }));
  }

  /** Resolves once every write issued so far is done. */
  settled(): Promise<void> {
    return this.#tail;
  }

  /** Queues an accepted update for the next group commit (see CommitPacer for when that is). */
  enqueue(doc: LiveDoc, row: NewUpdate): void {
    this.#queue.push({ doc, row });
    if (!this.#flushScheduled) this.#scheduleFlush();
  }

  /** Removes a dropped document's queued updates: they are never committed. */
  forget(doc: LiveDoc): void {
    for (let i = this.#queue.length - 1; i >= 0; i--) if (this.#queue[i]!.doc === doc) this.#queue.splice(i, 1);
  }

  /** Commits everything queued (after the writes issued before); resolves once it is committed and released. */
  flush(): Promise<void> {
    this.#flushScheduled = false;
    return this.write(() => this.#commit());
  }

  #scheduleFlush(): void {
    this.#flushScheduled = true;
    const wait = this.#pacer.delayBeforeCommit(performance.now());
    if (wait > 0) setTimeout(() => void this.flush(), wait);
    else setImmediate(() => void this.flush());
  }

  /** Never rejects: what follows a commit (relays, checkpoints) must not stop the writes after it. */
  async #commit(): Promise<void> {
    if (this.#queue.length === 0) return;
    const batch = this.#queue.splice(0);
    this.#pacer.committed(performance.now(), batch.length);
    try {
      let ids: number[];
      try {
        ids = await this.#store.appendUpdates(batch.map((b) => b.row));
      } catch (error) {
        this.#handlers.failed(batch, error);
        return;
      }
      this.#handlers.committed(batch, ids);
    } catch (error) {
      this.#log.error('collab commit follow-up failed', { error: String(error) });
    }
  }
}
