// A finished CodeReview in the panel: score, summary, the five dimensions, and every comment (the ones
// with a line are also drawn in the editor; clicking one reveals its line).
import type { CodeReview } from '../../api/types.ts';
import { dimensionLabel } from '../../ui/labels.ts';
import { renderMarkdown } from '../../ui/markdown.ts';
import { ScoreBadge, ScoreBar } from '../../ui/Score.tsx';
import type { ReviewComment } from './review-decorations.ts';

export interface ReviewSummaryProps {
  review: CodeReview;
  onReveal: (comment: ReviewComment) => void;
  onClear: () => void;
}

export function ReviewSummary({ review, onReveal, onClear }: ReviewSummaryProps) {
  return (
    <section className="ai-review" data-testid="ai-review" aria-label="Code review">
      <header className="row">
        <ScoreBadge score={review.score} />
        <strong className="grow">Code review</strong>
        <button type="button" className="link" onClick={onClear}>Clear marks</button>
      </header>
      <div className="markdown" dangerouslySetInnerHTML={{ __html: renderMarkdown(review.summary) }} />
      {review.dimensions.length > 0 && (
        <ul className="ai-dimensions">
          {review.dimensions.map((d) => (
            <li key={d.name} title={d.summary}>
              <span className="grow">{dimensionLabel(d.name)}</span>
              <ScoreBar score={d.score} />
            </li>
          ))}
        </ul>
      )}
      {review.comments.length > 0 && (
        <ol className="ai-comments" data-testid="ai-review-comments">
          {review.comments.map((c, i) => (
            <li key={i} className={`ai-review-${c.severity}`}>
              {c.line !== null ? (
                <button type="button" className="link" onClick={() => onReveal(c)}>line {c.line}</button>
              ) : (
                <span className="muted">general</span>
              )}{' '}
              <span className="badge">{c.severity}</span> {c.message}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
