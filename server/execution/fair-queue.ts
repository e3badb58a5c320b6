/**
 * Per-user FIFO queues; the next job comes from the user with pending jobs who was served least recently (a user
 * without history first). A user who queues twenty jobs delays another user's job by at most one job per worker.
 */
const MAX_REMEMBERED_USERS = 10_000;

export class FairQueue<T> {
  /** Insertion order breaks ties between users never served. */
  readonly #queues = new Map<string, T[]>();
  /**
   * Kept after a user's queue empties (their job may still be running when they queue the next one); entries of
   * idle users are dropped once the map grows past a bound.
   */
  readonly #lastServed = new Map<string, number>();
  #tick = 0;
  #size = 0;

  get size(): number {
    return this.#size;
  }

  push(userId: string, job: T): void {
    const queue = this.#queues.get(userId);
    if (queue) queue.push(job);
    else this.#queues.set(userId, [job]);
    this.#size++;
  }

  shift(): T | undefined {
    let next: string | undefined;
    let nextServed = Infinity;
    for (const userId of this.#queues.keys()) {
      const served = this.#lastServed.get(userId) ?? -1;
      if (served < nextServed) {
        next = userId;
        nextServed = served;
      }
    }
    if (next === undefined) return undefined;
    const queue = this.#queues.get(next)!;
    const job = queue.shift()!;
    this.#size--;
    this.#lastServed.set(next, this.#tick++);
    if (queue.length === 0) this.#queues.delete(next);
    if (this.#lastServed.size > MAX_REMEMBERED_USERS) {
      for (const userId of this.#lastServed.keys()) if (!this.#queues.has(userId)) this.#lastServed.delete(userId);
    }
    return job;
  }
}
