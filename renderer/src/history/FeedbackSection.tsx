import { useEffect, useState, type FormEvent } from 'react';
import type { PeerFeedbackEntry, SessionDetail, UserProfile } from '../api/types.ts';
import type { ApiClient } from '../api/api-client.ts';
import { ErrorAlert } from '../ui/ErrorAlert.tsx';
import { RATING_KEYS as RATINGS, RATING_LABEL as LABEL, RECOMMENDATION_LABEL } from '../ui/scorecard-labels.ts';
import { giveFeedback, listSessionFeedback } from './session-actions.ts';


export function FeedbackSection({ api, detail, me }: { api: ApiClient; detail: SessionDetail; me: UserProfile }) {
  const [entries, setEntries] = useState<PeerFeedbackEntry[]>([]);
  const [reload, setReload] = useState(0);
  useEffect(() => {
    listSessionFeedback(api, detail.id).then((r) => setEntries(r.items)).catch(() => setEntries([]));
  }, [api, detail.id, reload]);
  const rated = new Set(entries.filter((f) => f.authorId === me.id).map((f) => f.targetUserId));
  const targets = detail.participants.filter((p) => p.userId !== me.id && p.role !== 'spectator' && !p.kicked && !rated.has(p.userId));
  const canWrite = detail.myRole !== 'spectator' && targets.length > 0;
  return (
    <section className="card" aria-labelledby="feedback-title">
      <h3 id="feedback-title">Feedback</h3>
      {entries.length === 0 && <p className="muted">No feedback yet.</p>}
      <ul className="list">
        {entries.map((f) => (
          <li key={f.id} className="list-row" data-testid="feedback-entry">
            <span className="grow">
              <strong>{f.authorName}</strong> → {detail.participants.find((p) => p.userId === f.targetUserId)?.displayName ?? 'someone'}
              {f.recommendation && <> · recommends <strong data-testid="recommendation">{RECOMMENDATION_LABEL[f.recommendation]}</strong></>}
              <br />
              {RATINGS.map((r) => `${LABEL[r]} ${f.ratings[r]}/5`).join(' · ')}
              {f.comment && <><br /><span className="notes">{f.comment}</span></>}
            </span>
          </li>
        ))}
      </ul>
      {canWrite && <FeedbackForm key={targets.map((t) => t.userId).join()} api={api} roomId={detail.id} targets={targets} onDone={() => setReload((n) => n + 1)} />}
    </section>
  );
}

function FeedbackForm({ api, roomId, targets, onDone }: { api: ApiClient; roomId: string; targets: { userId: string; displayName: string }[]; onDone: () => void }) {
  const [target, setTarget] = useState(targets[0]!.userId);
  const [ratings, setRatings] = useState({ problemSolving: 3, communication: 3, codeQuality: 3, overall: 3 });
  const [comment, setComment] = useState('');
  const [error, setError] = useState<unknown>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      await giveFeedback(api, roomId, { targetUserId: target, ratings, ...(comment ? { comment } : {}) });
      setComment('');
      onDone();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <form onSubmit={submit} className="stack">
      <label>
        About
        <select value={target} onChange={(e) => setTarget(e.target.value)}>
          {targets.map((t) => <option key={t.userId} value={t.userId}>{t.displayName}</option>)}
        </select>
      </label>
      <div className="row">
        {RATINGS.map((r) => (
          <label key={r} className="grow">
            {LABEL[r]}
            <input type="number" min={1} max={5} value={ratings[r]} onChange={(e) => setRatings({ ...ratings, [r]: Math.max(1, Math.min(5, Number(e.target.value) || 1)) })} />
          </label>
        ))}
      </div>
      <label>Comment<textarea value={comment} onChange={(e) => setComment(e.target.value)} maxLength={2000} rows={3} /></label>
      <ErrorAlert error={error} />
      <button type="submit">Send feedback</button>
    </form>
  );
}
