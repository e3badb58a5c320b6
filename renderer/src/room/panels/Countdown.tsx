import { useEffect, useState } from 'react';
import type { TimerState } from '../../../../server/protocol/index.ts';
import { remainingMs } from '../collab/room-view.ts';

/** Counts down from `endsAt` on the server's clock (the server sends no ticks, only `timer` room events). */
export function Countdown({ timer, clockOffsetMs }: { timer: TimerState | null; clockOffsetMs: number }) {
  useTick(timer?.running === true, timer);
  if (!timer) return <span className="countdown muted" data-testid="countdown">untimed</span>;
  const left = remainingMs(timer, clockOffsetMs);
  const text = clockText(left);
  return (
    <span className={`countdown ${left < 60_000 ? 'urgent' : ''}`} data-testid="countdown" data-running={timer.running} aria-label={`Time left ${text}`}>
      {text}
      {!timer.running && <span className="muted"> paused</span>}
    </span>
  );
}

/** Re-renders four times a second while `active`; `key` restarts the ticking when what is counted changes. */
export function useTick(active: boolean, key?: unknown): void {
  const [, tick] = useState(0);
  useEffect(() => {
    if (!active) return;
    const id = setInterval(() => tick((n) => n + 1), 250);
    return () => clearInterval(id);
  }, [active, key]);
}

/** m:ss, rounded up (a countdown shows 0:00 only when the time is up). */
export function clockText(ms: number): string {
  const s = Math.ceil(ms / 1000);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}
