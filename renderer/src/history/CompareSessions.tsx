// Scores of 2–5 of my sessions side by side (oldest first): the overall score and each report dimension
// as bars, so progress over time shows at a glance.
import type { ApiClient } from '../api/api-client.ts';
import type { SessionComparison } from '../api/types.ts';
import { ErrorAlert } from '../ui/ErrorAlert.tsx';
import { formatTime } from '../ui/format.ts';
import { dimensionLabel } from '../ui/labels.ts';
import { ScoreBar } from '../ui/Score.tsx';
import { useLoaded } from '../ui/use-loaded.ts';
import { compareSessions } from './session-actions.ts';
import './ai-sections.css';

export const COMPARE_MIN = 2;
export const COMPARE_MAX = 5;

export function CompareSessions({ api, ids, onClose }: { api: ApiClient; ids: readonly string[]; onClose: () => void }) {
  const key = ids.join(',');
  const { data: comparison, error } = useLoaded<SessionComparison>(() => compareSessions(api, key.split(',')), [api, key], { clear: true });

  return (
    <section className="card" data-testid="compare" aria-labelledby="compare-title">
      <div className="row tight">
        <h3 id="compare-title" className="grow">Compare sessions</h3>
        <button type="button" className="link" onClick={onClose}>Close</button>
      </div>
      <ErrorAlert error={error} />
      {!comparison && error === null && <p className="muted">Loading…</p>}
      {comparison && (
        <table className="compare-table">
          <thead>
            <tr>
              <th scope="col">Score</th>
              {comparison.sessions.map((s) => (
                <th key={s.sessionId} scope="col">
                  {s.problemTitle ?? 'No problem'}
                  <br />
                  <span className="muted small">{formatTime(s.finishedAt)}</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">Overall</th>
              {comparison.sessions.map((s) => <td key={s.sessionId}><ScoreBar score={s.overallScore} /></td>)}
            </tr>
            {comparison.dimensions.map((d) => (
              <tr key={d.name}>
                <th scope="row">{dimensionLabel(d.name)}</th>
                {d.scores.map((score, i) => <td key={comparison.sessions[i]?.sessionId ?? i}><ScoreBar score={score} /></td>)}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
