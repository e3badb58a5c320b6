import type { TimerState } from '../protocol/index.ts';

/**
 * A stored timer state as of `now`. Clients take their clock offset from `serverTime` ("stamped just now"), so
 * a state kept since its last change and sent as is to a later joiner, or after a room moved to another
 * process, would shift their countdown by its age. A running timer's elapsed and remaining time move with
 * the clock; a paused one's do not.
 */
export function timerAt(timer: TimerState, now: number): TimerState {
  const serverTime = new Date(now).toISOString();
  if (!timer.running || timer.endsAt === null) return { ...timer, serverTime };
  const remainingMs = Math.max(0, Date.parse(timer.endsAt) - now);
  return { ...timer, remainingMs, elapsedMs: timer.durationMs - remainingMs, serverTime };
}
