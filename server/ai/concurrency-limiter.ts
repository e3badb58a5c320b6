// Slots for provider requests: at most `maxActive` in flight for the server and `maxActivePerUser` for one
// user. Work beyond that waits in one FIFO queue (a user at their own limit does not hold up others behind
// them); the queue is bounded, so an overloaded server refuses new work up front instead of queueing forever.

export interface LimiterOptions {
  maxActive: number;
  maxActivePerUser: number;
  maxQueued: number;
}

interface Waiter {
  userId: string;
  grant: (release: () => void) => void;
}

export class ConcurrencyLimiter {
  readonly #options: LimiterOptions;
  readonly #queue: Waiter[] = [];
  readonly #activeByUser = new Map<string, number>();
  #active = 0;

  constructor(options: LimiterOptions) {
    this.#options = options;
  }

  /** Whether one more job may be queued now. */
  hasRoom(): boolean {
    return this.#queue.length < this.#options.maxQueued;
  }

  get active(): number {
    return this.#active;
  }

  get queued(): number {
    return this.#queue.length;
  }

  /**
   * Resolves with a release function once a slot is free for `userId`. Rejects with `signal.reason` if the
   * signal aborts while waiting (the waiter leaves the queue).
   */
  acquire(userId: string, signal?: AbortSignal): Promise<() => void> {
    return new Promise((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason);
      const waiter: Waiter = { userId, grant: resolve };
      this.#queue.push(waiter);
      signal?.addEventListener(
        'abort',
        () => {
          const i = this.#queue.indexOf(waiter);
          if (i >= 0) {
            this.#queue.splice(i, 1);
            reject(signal.reason);
          }
        },
        { once: true },
      );
      this.#dispatch();
    });
  }

  #dispatch(): void {
    for (let i = 0; i < this.#queue.length && this.#active < this.#options.maxActive; ) {
      const waiter = this.#queue[i]!;
      if ((this.#activeByUser.get(waiter.userId) ?? 0) >= this.#options.maxActivePerUser) {
        i++;
        continue;
      }
      this.#queue.splice(i, 1);
      this.#take(waiter.userId);
      let released = false;
      waiter.grant(() => {
        if (released) return;
        released = true;
        this.#give(waiter.userId);
        this.#dispatch();
      });
    }
  }

  #take(userId: string): void {
    this.#active++;
    this.#activeByUser.set(userId, (this.#activeByUser.get(userId) ?? 0) + 1);
  }

  #give(userId: string): void {
    this.#active--;
    const n = (this.#activeByUser.get(userId) ?? 1) - 1;
    if (n === 0) this.#activeByUser.delete(userId);
    else this.#activeByUser.set(userId, n);
  }
}
