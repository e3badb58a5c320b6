// The History screen's progress card: how much was practised over time (GET /v1/users/me/stats) as a bar per day,
// week or month (finished sessions), with the period's totals: sessions, time, accepted submissions, problems solved.
import { useState } from 'react';
import type { TrainingStats } from '../../../server/protocol/api/users.ts';
import { useSession } from '../app/session-context.tsx';
import { ErrorAlert } from '../ui/ErrorAlert.tsx';
import { formatDuration } from '../ui/format.ts';
import { useLoaded } from '../ui/use-loaded.ts';
import { trainingStats } from './session-actions.ts';

type Point = TrainingStats['points'][number];

const DAY_MS = 24 * 3600 * 1000;
const RANGES = {
  '4w': { label: 'Last 4 weeks', bucket: 'day', days: 28, unit: 'day' },
  '12w': { label: 'Last 12 weeks', bucket: 'week', days: 84, unit: 'week' },
  '12m': { label: 'Last 12 months', bucket: 'month', days: 365, unit: 'month' },
} as const;
type Range = keyof typeof RANGES;

const CHART = { width: 600, height: 100 };

export function TrainingProgress() {
  const { api } = useSession();
  const [range, setRange] = useState<Range>('12w');
  const { bucket, days } = RANGES[range];
  const { data: stats, error } = useLoaded(() => trainingStats(api, { from: new Date(Date.now() - days * DAY_MS).toISOString(), bucket }), [api, range]);

  const points = stats?.bucket === bucket ? stats.points : null;
  return (
    <section className="card" aria-labelledby="progress-title" data-testid="training-progress">
      <div className="row tight">
        <h2 id="progress-title" className="grow">Progress</h2>
        <select value={range} onChange={(e) => setRange(e.target.value as Range)} aria-label="Period">
          {Object.entries(RANGES).map(([key, r]) => <option key={key} value={key}>{r.label}</option>)}
        </select>
      </div>
      <ErrorAlert error={error} />
      {points === null && error === null && <p className="muted">Loading…</p>}
      {points && <Totals points={points} />}
      {points && <Bars points={points} range={range} />}
    </section>
  );
}

function Totals({ points }: { points: Point[] }) {
  const sum = (key: 'sessions' | 'practiceMinutes' | 'submissions' | 'accepted' | 'problemsSolved') => points.reduce((n, p) => n + p[key], 0);
  if (sum('sessions') === 0 && sum('submissions') === 0) return <p className="muted">Nothing finished in this period yet: practise a problem and it shows here.</p>;
  return (
    <p data-testid="progress-totals">
      <strong>{sum('sessions')}</strong> {sum('sessions') === 1 ? 'session' : 'sessions'} · <strong>{practiceTime(sum('practiceMinutes'))}</strong> of practice ·{' '}
      <strong>{sum('accepted')}</strong> of {sum('submissions')} submissions accepted · <strong>{sum('problemsSolved')}</strong>{' '}
      {sum('problemsSolved') === 1 ? 'problem' : 'problems'} solved
    </p>
  );
}

/**
 * Finished sessions per bucket; each bar's title says that bucket's numbers. The bars stretch to the card's width
 * (an unscaled viewBox would shrink to the chart's height and sit centred), so the labels are HTML beneath.
 */
function Bars({ points, range }: { points: Point[]; range: Range }) {
  const { unit, label } = RANGES[range];
  const max = Math.max(1, ...points.map((p) => p.sessions));
  const slot = CHART.width / points.length;
  const ticks = [0, Math.floor(points.length / 2), points.length - 1];
  return (
    <figure className="progress-chart">
      <svg viewBox={`0 0 ${CHART.width} ${CHART.height}`} preserveAspectRatio="none" role="img" aria-label={`Finished sessions per ${unit}, ${label.toLowerCase()}`}>
        {points.map((p, i) => {
          const h = (p.sessions / max) * (CHART.height - 4);
          return (
            <rect key={p.periodStart} x={i * slot + slot * 0.15} y={CHART.height - h} width={slot * 0.7} height={h} className="bar" data-testid="progress-bar">
              <title>{bucketTitle(p, unit)}</title>
            </rect>
          );
        })}
      </svg>
      <figcaption aria-hidden="true">
        {ticks.map((i) => (
          <span key={i} style={{ left: `${((i + 0.5) / points.length) * 100}%` }}>{periodLabel(points[i]!.periodStart, unit)}</span>
        ))}
      </figcaption>
    </figure>
  );
}

/** Practice time as people say it; a session shorter than a minute counts as none in whole minutes. */
function practiceTime(minutes: number): string {
  return minutes === 0 ? 'under a minute' : formatDuration(minutes * 60_000);
}

function periodLabel(start: string, unit: 'day' | 'week' | 'month'): string {
  const d = new Date(start);
  return unit === 'month' ? d.toLocaleDateString(undefined, { month: 'short', year: '2-digit', timeZone: 'UTC' }) : d.toLocaleDateString(undefined, { day: 'numeric', month: 'short', timeZone: 'UTC' });
}

function bucketTitle(p: Point, unit: 'day' | 'week' | 'month'): string {
  const when = unit === 'week' ? `Week of ${periodLabel(p.periodStart, 'day')}` : periodLabel(p.periodStart, unit);
  const score = p.averageScore === null ? '' : `, average score ${Math.round(p.averageScore)}`;
  return `${when}: ${p.sessions} ${p.sessions === 1 ? 'session' : 'sessions'}, ${p.sessions === 0 ? 'no practice' : practiceTime(p.practiceMinutes)}, ${p.accepted} of ${p.submissions} submissions accepted, ${p.problemsSolved} solved${score}`;
}
