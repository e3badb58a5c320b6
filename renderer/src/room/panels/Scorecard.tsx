// The interviewer's scorecard in wrap-up, beside the code: a 1–5 rating per dimension, notes and a hiring
// recommendation about the candidate, sent once as feedback (POST /v1/rooms/:roomId/feedback). Until it is sent it
// is a draft on this device (scorecard-draft.ts), whose notes the interviewer may have begun during the interview.
import { useEffect, useState, type FormEvent } from 'react';
import { RECOMMENDATIONS } from '../../../../server/protocol/index.ts';
import type { PeerFeedbackEntry } from '../../api/types.ts';
import { useSession } from '../../app/session-context.tsx';
import { giveFeedback } from '../../history/session-actions.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { RATING_KEYS, RATING_LABEL, RECOMMENDATION_LABEL, type RatingKey } from '../../ui/scorecard-labels.ts';
import type { RoomView } from '../collab/room-view.ts';
import { roomActions } from '../room-actions.ts';
import { InterviewerNotes } from './InterviewerNotes.tsx';
import { useScorecardDraft } from './scorecard-draft.ts';

export function Scorecard({ view }: { view: RoomView }) {
  const { api, server } = useSession();
  const candidate = view.room.participants.find((p) => p.role === 'candidate') ?? null;
  const [sent, setSent] = useState<PeerFeedbackEntry | null>(null);
  const { draft, update, clear } = useScorecardDraft(server.baseUrl, view.room.id, view.me.userId);
  const { ratings, recommendation, notes } = draft;
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!candidate) return;
    roomActions(api, view.room.id)
      .myFeedback()
      .then((r) => setSent(r.items.find((f) => f.targetUserId === candidate.userId) ?? null))
      .catch(() => undefined);
  }, [api, view.room.id, candidate?.userId]);

  if (!candidate) {
    return (
      <section className="scorecard card-inset">
        <h3>Scorecard</h3>
        <p className="muted">No candidate in the room to score. Your notes stay here, on this device.</p>
        <InterviewerNotes view={view} />
      </section>
    );
  }
  if (sent) return <SentScorecard entry={sent} name={candidate.displayName} />;

  const complete = RATING_KEYS.every((k) => ratings[k] !== null) && recommendation !== null;
  const save = async (e: FormEvent) => {
    e.preventDefault();
    if (!complete) return;
    setBusy(true);
    setError(null);
    try {
      const full = Object.fromEntries(RATING_KEYS.map((k) => [k, ratings[k]!])) as Record<RatingKey, number>;
      setSent(await giveFeedback(api, view.room.id, { targetUserId: candidate.userId, ratings: full, recommendation, ...(notes.trim() ? { comment: notes.trim() } : {}) }));
      clear();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="scorecard card-inset stack" onSubmit={save} aria-labelledby="scorecard-title" data-testid="scorecard">
      <h3 id="scorecard-title">Scorecard: {candidate.displayName}</h3>
      {RATING_KEYS.map((k) => (
        <fieldset key={k} className="rating">
          <legend>{RATING_LABEL[k]}</legend>
          <div className="segmented">
            {[1, 2, 3, 4, 5].map((n) => (
              <label key={n} className={ratings[k] === n ? 'on' : ''}>
                <input type="radio" name={k} value={n} checked={ratings[k] === n} onChange={() => update({ ratings: { ...ratings, [k]: n } })} aria-label={`${RATING_LABEL[k]} ${n} of 5`} />
                {n}
              </label>
            ))}
          </div>
        </fieldset>
      ))}
      <fieldset className="rating">
        <legend>Recommendation</legend>
        <div className="segmented">
          {RECOMMENDATIONS.map((r) => (
            <label key={r} className={recommendation === r ? 'on' : ''}>
              <input type="radio" name="recommendation" value={r} checked={recommendation === r} onChange={() => update({ recommendation: r })} />
              {RECOMMENDATION_LABEL[r]}
            </label>
          ))}
        </div>
      </fieldset>
      <label>
        Notes
        <textarea value={notes} onChange={(e) => update({ notes: e.target.value })} maxLength={2000} rows={4} placeholder="What the candidate did well, where they struggled" />
      </label>
      <ErrorAlert error={error} />
      <button type="submit" className="primary" disabled={!complete || busy} title={complete ? 'Sent once; it appears on the session page' : 'Rate every dimension and choose a recommendation'}>
        Save scorecard
      </button>
    </form>
  );
}

function SentScorecard({ entry, name }: { entry: PeerFeedbackEntry; name: string }) {
  return (
    <section className="scorecard card-inset" data-testid="scorecard-sent">
      <h3>Scorecard: {name}</h3>
      <p className="muted small">Saved. It is on the session page and in the report.</p>
      <dl className="scores">
        {RATING_KEYS.map((k) => (
          <div key={k}><dt>{RATING_LABEL[k]}</dt><dd>{entry.ratings[k]}/5</dd></div>
        ))}
        {entry.recommendation && <div><dt>Recommendation</dt><dd>{RECOMMENDATION_LABEL[entry.recommendation]}</dd></div>}
      </dl>
      {entry.comment && <p className="notes">{entry.comment}</p>}
    </section>
  );
}
