/** Above this many committed updates per second the plane counts as busy and spaces its commits. */
const BUSY_UPDATES_PER_SEC = 200;
/** The least time between two commits of a busy plane. */
const BUSY_COMMIT_SPACING_MS = 2;
/** How often the update rate is re-measured. */
const RATE_WINDOW_MS = 250;

/**
 * Paces the write-ahead group commit of a store whose commit has a fixed cost (PostgreSQL's round trip;
 * CollabStore.spacesCommits) that dwarfs a keystroke's bytes: a busy plane spaces its commits a couple of
 * milliseconds apart and each commit carries the updates of several event-loop turns. A quiet plane commits on
 * the next turn, adding no latency where it would be felt most.
 */
export class CommitPacer {
  #busy = false;
  #lastCommitAt = -Infinity;
  #windowStart = 0;
  #updatesInWindow = 0;

  /** Milliseconds to wait before the next commit; 0 means on the next turn. */
  delayBeforeCommit(now: number): number {
    return this.#busy ? Math.max(0, this.#lastCommitAt + BUSY_COMMIT_SPACING_MS - now) : 0;
  }

  committed(now: number, updates: number): void {
    this.#lastCommitAt = now;
    const elapsed = now - this.#windowStart;
    if (elapsed >= RATE_WINDOW_MS) {
      this.#busy = (this.#updatesInWindow * 1000) / elapsed > BUSY_UPDATES_PER_SEC;
      this.#windowStart = now;
      this.#updatesInWindow = 0;
    }
    this.#updatesInWindow += updates;
  }
}
