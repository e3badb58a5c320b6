import { useEffect, useState } from 'react';
import type { SessionSummary } from '../api/types.ts';
import { navigate } from '../app/router.ts';
import { useSession } from '../app/session-context.tsx';
import { errorText } from '../ui/error-text.ts';
import { formatDuration, formatTime } from '../ui/format.ts';
import { listSessions } from './session-actions.ts';
import { LANGUAGE_LABEL, MODE_LABEL } from '../ui/labels.ts';

export function HistoryScreen() {
  const { api } = useSession();
  const [sessions, setSessions] = useState<SessionSummary[] | null>(null);
  const [next, setNext] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = (cursor: string | null) =>
    listSessions(api, cursor)
      .then((p) => {
        setSessions((prev) => [...(cursor ? (prev ?? []) : []), ...p.items]);
        setNext(p.nextCursor);
      })
      .catch((e: unknown) => setError(errorText(e)));
  useEffect(() => {
    void load(null);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api]);
  return (
    <section className="card" aria-labelledby="history-title">
      <h2 id="history-title">My sessions</h2>
      {error && <p role="alert" className="error">{error}</p>}
      {sessions === null && !error && <p className="muted">Loading…</p>}
      {sessions?.length === 0 && <p className="muted">No finished sessions yet.</p>}
      <ul className="list" data-testid="session-list">
        {sessions?.map((s) => (
          <li key={s.id} className="list-row">
            <span className="grow">
              <strong>{s.name}</strong> <span className="muted">{MODE_LABEL[s.mode]} · {s.myRole} · {s.problem?.title ?? 'no problem'} · {LANGUAGE_LABEL[s.language]}</span>
              <br />
              <span className="muted small">{formatTime(s.finishedAt)} · {formatDuration(s.durationMs)}</span>
            </span>
            {s.finalVerdict && <span className={`badge ${s.finalVerdict === 'ACCEPTED' ? 'ok' : 'bad'}`}>{s.finalVerdict}</span>}
            <button type="button" onClick={() => navigate({ name: 'session', sessionId: s.id })}>Open</button>
          </li>
        ))}
      </ul>
      {next && <button type="button" onClick={() => void load(next)}>More</button>}
    </section>
  );
}
