// The player's clock. Wall time (ms since the epoch) is what the logs and events carry; play time is what the
// scrub bar shows: from the first to the last moment of the session, with every quiet stretch longer than
// IDLE_GAP_MS shortened to IDLE_GAP_MS when idle skipping is on.

export const IDLE_GAP_MS = 3000;

export class ReplayClock {
  readonly start: number;
  readonly end: number;
  /** Sorted activity times; between two consecutive ones a gap longer than IDLE_GAP_MS is shortened. */
  readonly #marks: number[];
  /** Play time at each mark (idle skipping on). */
  readonly #playAt: number[];
  readonly skipIdle: boolean;

  constructor(activity: readonly number[], skipIdle: boolean) {
    const marks = [...new Set(activity)].sort((a, b) => a - b);
    this.start = marks[0] ?? 0;
    this.end = marks[marks.length - 1] ?? 0;
    this.skipIdle = skipIdle;
    this.#marks = marks;
    this.#playAt = [];
    let play = 0;
    for (let i = 0; i < marks.length; i++) {
      if (i > 0) play += Math.min(marks[i]! - marks[i - 1]!, skipIdle ? IDLE_GAP_MS : Infinity);
      this.#playAt.push(play);
    }
  }

  /** Length of the replay in play time. */
  get duration(): number {
    return this.#playAt[this.#playAt.length - 1] ?? 0;
  }

  toPlay(wall: number): number {
    if (!this.skipIdle) return Math.max(0, Math.min(wall, this.end) - this.start);
    const i = this.#lastMarkAtOrBefore(wall, this.#marks);
    if (i < 0) return 0;
    if (i === this.#marks.length - 1) return this.duration;
    return this.#playAt[i]! + Math.min(wall - this.#marks[i]!, this.#playAt[i + 1]! - this.#playAt[i]!);
  }

  toWall(play: number): number {
    if (!this.skipIdle) return this.start + Math.max(0, Math.min(play, this.duration));
    const i = this.#lastMarkAtOrBefore(play, this.#playAt);
    if (i < 0) return this.start;
    if (i === this.#marks.length - 1) return this.end;
    return this.#marks[i]! + (play - this.#playAt[i]!);
  }

  #lastMarkAtOrBefore(value: number, sorted: readonly number[]): number {
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (sorted[mid]! <= value) lo = mid + 1;
      else hi = mid;
    }
    return lo - 1;
  }
}
