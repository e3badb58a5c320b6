// A diff of the code between any two moments of the replay: A and B are set from the player's position.
import { useMemo, useState } from 'react';
import { CODE_TEXT, type SupportedLanguage } from '../../../../server/protocol/index.ts';
import { DiffView } from '../SnapshotViewer.tsx';
import type { ReplayClock } from './replay-clock.ts';
import type { ReplayTrack } from './replay-track.ts';

function textAt(track: ReplayTrack, wall: number): string {
  const doc = track.docAt(track.countAt(wall));
  try {
    return doc.getText(CODE_TEXT).toString();
  } finally {
    doc.destroy();
  }
}

export function ReplayDiff({ track, wall, clock, language }: { track: ReplayTrack; wall: number; clock: ReplayClock; language: SupportedLanguage }) {
  const [from, setFrom] = useState(clock.start);
  const [to, setTo] = useState(clock.end);
  const original = useMemo(() => textAt(track, from), [track, from]);
  const modified = useMemo(() => textAt(track, to), [track, to]);
  const at = (t: number) => new Date(t).toLocaleTimeString();
  return (
    <section className="stack replay-diff">
      <h4>Compare two moments</h4>
      <div className="row">
        <button type="button" onClick={() => setFrom(wall)} data-testid="replay-diff-from">From here</button>
        <span data-testid="replay-diff-range">{at(from)} → {at(to)}</span>
        <button type="button" onClick={() => setTo(wall)} data-testid="replay-diff-to">To here</button>
      </div>
      <DiffView original={original} modified={modified} language={language} testId="replay-diff" />
    </section>
  );
}
