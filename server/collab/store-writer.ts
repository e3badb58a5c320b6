import type { ClientClaim, CollabStore, NewUpdate } from '../storage/collab/index.ts';
import type { Logger } from '../server-options.ts';
import { CommitPacer } from './commit-pacer.ts';
import type { LiveDoc } from './live-doc.ts';
import { errorFields } from '../error-fields.ts';

export interface QueuedUpdate {
  doc: LiveDoc;
  row: NewUpdate;
}

export interface CommitHandlers {
  /** The batch is committed; `ids` are its log ids in batch order; the commit took `durationMs`. */
  committed(batch: readonly QueuedUpdate[], ids: readonly number[], durationMs: number): void;
  /** Nothing of the commit may be assumed stored: `docs` are those of its updates and clientID claims. */
  failed(docs: ReadonlySet<LiveDoc>, error: unknown): void;
}

const settle = (): void => {};

/**
 * The plane's writes to the store, one at a time in the order they were issued: the group commits of the
 * accepted-update queue and every other write (rejections, room state, checkpoints). One writer means a later
 * batch never overtakes an earlier one (log ids ascend in commit order), bookkeeping lands before the updates
 * that follow it, and a load that waits for `flush()` reads everything written before it. Updates accepted
 * while a commit is in flight wait for the next one: the slower the store, the larger the batch (group
 * commit). ClientID claims, one per new Yjs client and as frequent as new connections, ride with the commits:
 * one insert for all of them, before the updates.
 */
export class StoreWriter {
  readonly #store: CollabStore;
  readonly #log: Logger;
  readonly #handlers: CommitHandlers;
  readonly #queue: QueuedUpdate[] = [];
  readonly #claims: { doc: LiveDoc; claim: ClientClaim }[] = [];
  /** Null where a commit costs too little to be worth spacing (CollabStore.spacesCommits). */
  readonly #pacer: CommitPacer | null;
  #flushScheduled = false;
  /** The last write issued; never rejects. */
  #tail: Promise<void> = Promise.resolve();

  constructor(store: CollabStore, log: Logger, handlers: CommitHandlers) {
    this.#store = store;
    this.#pacer = store.spacesCommits ? new CommitPacer() : null;
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
    this.write(op).catch((error: unknown) => this.#log.error(`collab ${what} failed`, errorFields(error)));
  }

  /** Queues an accepted update for the next group commit (see CommitPacer for when that is). */
  enqueue(doc: LiveDoc, row: NewUpdate): void {
    this.#queue.push({ doc, row });
    if (!this.#flushScheduled) this.#scheduleFlush();
  }

  /** Queues clientID claims for the next commit (written before its updates). */
  claim(doc: LiveDoc, owner: string, clientIds: readonly number[]): void {
    for (const clientId of clientIds) this.#claims.push({ doc, claim: { roomId: doc.roomId, doc: doc.name, clientId, owner } });
    if (!this.#flushScheduled) this.#scheduleFlush();
  }

  /** Removes a dropped document's queued updates: they are never committed. */
  forget(doc: LiveDoc): void {
    for (let i = this.#queue.length - 1; i >= 0; i--) if (this.#queue[i]!.doc === doc) this.#queue.splice(i, 1);
  }

  /**
   * Commits everything queued (after the writes issued before); resolves once it is committed and released, so
   * once everything the plane wrote or queued so far is in the store.
   */
  flush(): Promise<void> {
    this.#flushScheduled = false;
    return this.write(() => this.#commit());
  }

  #scheduleFlush(): void {
    this.#flushScheduled = true;
    const wait = this.#pacer?.delayBeforeCommit(performance.now()) ?? 0;
    if (wait > 0) setTimeout(() => void this.flush(), wait);
    else setImmediate(() => void this.flush());
  }

  /** Never rejects: what follows a commit (relays, checkpoints) must not stop the writes after it. */
  async #commit(): Promise<void> {
    if (this.#queue.length === 0 && this.#claims.length === 0) return;
    const batch = this.#queue.splice(0);
    const claims = this.#claims.splice(0);
    const startedAt = performance.now();
    this.#pacer?.committed(startedAt, batch.length);
    try {
      let ids: number[];
      try {
        if (claims.length > 0) await this.#store.claimClients(claims.map((c) => c.claim));
        ids = await this.#store.appendUpdates(batch.map((b) => b.row));
      } catch (error) {
        this.#handlers.failed(new Set([...batch.map((b) => b.doc), ...claims.map((c) => c.doc)]), error);
        return;
      }
      this.#handlers.committed(batch, ids, performance.now() - startedAt);
    } catch (error) {
      this.#log.error('collab commit follow-up failed', errorFields(error));
    }
  }
}
