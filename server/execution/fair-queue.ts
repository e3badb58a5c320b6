/**
 * Per-user FIFO queues served round-robin: a user who queues twenty jobs delays the next user's job by at most
 * one job per worker, not twenty.
 */
export class FairQueue<T> {
  /** Insertion order of the Map is the round-robin order; a served user moves to the back. */
  readonly #queues = new Map<string, T[]>();
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
    const first = this.#queues.entries().next();
    if (first.done) return undefined;
    const [userId, queue] = first.value;
    const job = queue.shift()!;
    this.#queues.delete(userId);
    if (queue.length > 0) this.#queues.set(userId, queue);
    this.#size--;
    return job;
  }
}
