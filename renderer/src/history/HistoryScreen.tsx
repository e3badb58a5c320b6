import { useState } from 'react';
import { navigate } from '../app/router.ts';
import { useSession } from '../app/session-context.tsx';
import { formatDuration, formatTime } from '../ui/format.ts';
import { CompareSessions, COMPARE_MAX, COMPARE_MIN } from './CompareSessions.tsx';
import { ConfirmDialog, type ConfirmRequest } from '../ui/ConfirmDialog.tsx';
import { ErrorAlert } from '../ui/ErrorAlert.tsx';
import { useAction } from '../ui/use-action.ts';
import { listSessions, removeSession } from './session-actions.ts';
import { TrainingProgress } from './TrainingProgress.tsx';
import { LANGUAGE_LABEL, MODE_LABEL, VERDICT_LABEL } from '../ui/labels.ts';
import { usePagedList } from '../ui/use-paged-list.ts';

export function HistoryScreen() {
  const { api } = useSession();
  const { items: sessions, error, more, remove } = usePagedList((cursor) => listSessions(api, cursor), [api]);
  const [picked, setPicked] = useState<string[]>([]);
  const [confirm, setConfirm] = useState<ConfirmRequest | null>(null);
  const removal = useAction();
  const askRemove = (session: { id: string; name: string }) =>
    setConfirm({
      title: `Remove ${session.name} from your history?`,
      text: 'Only you stop seeing it: the other participants keep theirs. This cannot be undone.',
      confirmLabel: 'Remove',
      danger: true,
      onConfirm: () =>
        void removal.run(async () => {
          await removeSession(api, session.id);
          remove((s) => s.id === session.id);
          setPicked((p) => p.filter((id) => id !== session.id));
        }),
    });
  const [comparing, setComparing] = useState<string[] | null>(null);
  const toggle = (id: string) => setPicked((p) => (p.includes(id) ? p.filter((x) => x !== id) : p.length < COMPARE_MAX ? [...p, id] : p));
  return (
    <div className="stack">
      {comparing && <CompareSessions api={api} ids={comparing} onClose={() => setComparing(null)} />}
      <TrainingProgress />
      <section className="card" aria-labelledby="history-title">
        <div className="row tight">
          <h2 id="history-title" className="grow">My sessions</h2>
          <button type="button" disabled={picked.length < COMPARE_MIN} onClick={() => setComparing(picked)} data-testid="compare-button">
            Compare {picked.length >= COMPARE_MIN ? picked.length : ''} sessions
          </button>
        </div>
        <p className="muted small">Tick {COMPARE_MIN}–{COMPARE_MAX} sessions with a training report to compare their scores.</p>
        {error && <p role="alert" className="error">{error}</p>}
        <ErrorAlert error={removal.error} />
        {sessions === null && !error && <p className="muted">Loading…</p>}
        {sessions?.length === 0 && <p className="muted">No finished sessions yet.</p>}
        <ul className="list" data-testid="session-list">
          {sessions?.map((s) => (
            <li key={s.id} className="list-row">
              <input
                type="checkbox"
                aria-label={`Compare ${s.name}`}
                checked={picked.includes(s.id)}
                disabled={!picked.includes(s.id) && picked.length >= COMPARE_MAX}
                onChange={() => toggle(s.id)}
              />
              <span className="grow">
                <strong>{s.name}</strong> <span className="muted">{MODE_LABEL[s.mode]} · {s.myRole} · {s.problem?.title ?? 'no problem'} · {LANGUAGE_LABEL[s.language]}</span>
                <br />
                <span className="muted small">{formatTime(s.finishedAt)} · {formatDuration(s.durationMs)}</span>
              </span>
              {s.overallScore !== null && <span className="badge" title="Training report score">score {s.overallScore}</span>}
              {s.finalVerdict && <span className={`badge ${s.finalVerdict === 'ACCEPTED' ? 'ok' : 'bad'}`}>{VERDICT_LABEL[s.finalVerdict]}</span>}
              <button type="button" onClick={() => askRemove(s)} aria-label={`Remove ${s.name} from my history`}>Remove</button>
              <button type="button" onClick={() => navigate({ name: 'session', sessionId: s.id })}>Open</button>
            </li>
          ))}
        </ul>
        {more && <button type="button" onClick={more}>More</button>}
      </section>
      {confirm && <ConfirmDialog request={confirm} onClose={() => setConfirm(null)} />}
    </div>
  );
}
