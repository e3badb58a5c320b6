// Phase timers as pure functions over the stored TimerRecord. Clients count down
// from `endsAt` with the `serverTime` offset, so the server only reports state changes, never ticks.
import type { RoomStatus, TimerState } from '../../protocol/index.ts';
import type { TimerRecord } from '../../storage/rooms/index.ts';
import { toTimestamp, toTimestampOrNull } from '../../protocol/timestamps.ts';

/** A timer for a phase just entered; null when the phase is untimed (duration 0). */
export function startTimer(durationMs: number, now: number): TimerRecord | null {
  if (durationMs <= 0) return null;
  return { durationMs, elapsedMs: 0, startedAt: now, resumedAt: now, pausedAt: null };
}

export function elapsedMs(t: TimerRecord, now: number): number {
  const running = t.resumedAt === null ? 0 : Math.max(0, now - t.resumedAt);
  return Math.min(t.durationMs, t.elapsedMs + running);
}

export function isRunning(t: TimerRecord): boolean {
  return t.resumedAt !== null;
}

export function isPaused(t: TimerRecord): boolean {
  return t.pausedAt !== null;
}

/** Epoch ms at which a running timer expires; undefined when not running. */
export function expiresAt(t: TimerRecord): number | undefined {
  return t.resumedAt === null ? undefined : t.resumedAt + (t.durationMs - t.elapsedMs);
}

export function pauseTimer(t: TimerRecord, now: number): TimerRecord {
  return { ...t, elapsedMs: elapsedMs(t, now), resumedAt: null, pausedAt: now };
}

export function resumeTimer(t: TimerRecord, now: number): TimerRecord {
  return { ...t, resumedAt: now, pausedAt: null };
}

/** The timer at expiry: all time used, neither running nor paused. */
export function expireTimer(t: TimerRecord): TimerRecord {
  return { ...t, elapsedMs: t.durationMs, resumedAt: null, pausedAt: null };
}

/**
 * A changed duration of the current phase re-bases its timer (PATCH /v1/rooms/:roomId/settings): the time already run is kept and
 * the new duration applies from now; 0 removes the timer. A phase that had no timer gets a fresh one.
 */
export function rebaseTimer(t: TimerRecord | null, durationMs: number, now: number): TimerRecord | null {
  if (durationMs <= 0) return null;
  if (!t) return startTimer(durationMs, now);
  const used = Math.min(elapsedMs(t, now), durationMs);
  const running = t.resumedAt !== null;
  return { ...t, durationMs, elapsedMs: used, resumedAt: running ? now : null };
}

/** The wire TimerState. */
export function timerState(t: TimerRecord, phase: RoomStatus, now: number): TimerState {
  const elapsed = elapsedMs(t, now);
  const end = expiresAt(t);
  return {
    phase,
    durationMs: t.durationMs,
    elapsedMs: elapsed,
    remainingMs: t.durationMs - elapsed,
    running: isRunning(t),
    startedAt: toTimestamp(t.startedAt),
    pausedAt: toTimestampOrNull(t.pausedAt),
    endsAt: end === undefined ? null : toTimestamp(end),
    serverTime: toTimestamp(now),
  };
}
