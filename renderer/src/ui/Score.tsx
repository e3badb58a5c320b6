// Scores 0..100 (reviews, training reports, comparisons): a coloured badge and a horizontal bar.
import './score.css';

export function ScoreBadge({ score }: { score: number }) {
  return <span className={`score-badge ${score >= 70 ? 'ok' : score >= 40 ? 'mid' : 'bad'}`} data-testid="score">{score}</span>;
}

export function ScoreBar({ score }: { score: number | null }) {
  return (
    <span className="score-bar" role="meter" aria-valuemin={0} aria-valuemax={100} aria-valuenow={score ?? undefined} aria-label={score === null ? 'no score' : `${score} of 100`}>
      <span className="score-track"><span style={{ width: `${score ?? 0}%` }} /></span>
      <em>{score ?? '—'}</em>
    </span>
  );
}
