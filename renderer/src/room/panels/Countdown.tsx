import { useEffect, useState } from 'react';
import type { TimerState } from '../../../../server/protocol/index.ts';
import { remainingMs } from '../collab/room-view.ts';

/** Counts down from `endsAt` on the server's clock (no ticks from the server: collab-plane.md §7 `timer`). */
export function Countdown({ timer, clockOffsetMs }: { timer: TimerState | null; clockOffsetMs: number }) {
  const [, tick] = useState(0);
  useEffect(() => {
    if (!timer?.running) return;
    const id = setInterval(() => tick((n) => n + 1), 250);
    return () => clearInterval(id);
  }, [timer]);
  if (!timer) return <span className="countdown muted" data-testid="countdown">untimed</span>;
  const left = remainingMs(timer, clockOffsetMs);
  const s = Math.ceil(left / 1000);
  const text = `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
  return (
    <span className={`countdown ${left < 60_000 ? 'urgent' : ''}`} data-testid="countdown" data-running={timer.running} aria-label={`Time left ${text}`}>
      {text}
      {!timer.running && <span className="muted"> paused</span>}
    </span>
  );
}
