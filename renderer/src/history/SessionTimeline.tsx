// The session's timeline under the replay: one sentence per event (repeats folded into one row), each a button
// that shows its moment in the replay above.
import type { SessionEvent } from '../api/types.ts';
import { timelineRows, type NameOf } from './event-labels.ts';

export function SessionTimeline({ timeline, nameOf, onSeek }: { timeline: readonly SessionEvent[]; nameOf: NameOf; onSeek: (at: number) => void }) {
  return (
    <ol className="timeline" data-testid="timeline">
      {timelineRows(timeline, nameOf).map(({ event, text, count }) => (
        <li key={event.id} data-type={event.type} data-count={count}>
          <button type="button" className="timeline-moment" title="Show this moment in the replay" onClick={() => onSeek(Date.parse(event.at))}>
            <span className="muted small">{new Date(event.at).toLocaleTimeString()}</span> {text}
          </button>
        </li>
      ))}
    </ol>
  );
}
