// The AI conversation of a session, opened on demand: the caller's own, or (for the session's host or
// interviewer) any participant's.
import { useEffect, useState } from 'react';
import type { ApiClient } from '../api/api-client.ts';
import type { AiMessage, SessionDetail } from '../api/types.ts';
import { errorCode, errorText } from '../ui/error-text.ts';
import { renderMarkdown } from '../ui/markdown.ts';
import { loadAiHistory } from './session-actions.ts';
import './ai-sections.css';

export function AiHistorySection({ api, detail, meId }: { api: ApiClient; detail: SessionDetail; meId: string }) {
  const [open, setOpen] = useState(false);
  const [userId, setUserId] = useState(meId);
  const [messages, setMessages] = useState<AiMessage[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const staff = detail.myRole === 'host' || detail.myRole === 'interviewer';
  const others = detail.participants.filter((p) => p.role !== 'spectator');

  useEffect(() => {
    if (!open) return;
    let live = true;
    setMessages(null);
    setError(null);
    loadAiHistory(api, detail.id, userId === meId ? undefined : userId)
      .then((m) => live && setMessages(m))
      .catch((e: unknown) => live && setError(e));
    return () => {
      live = false;
    };
  }, [api, detail.id, open, userId, meId]);

  return (
    <section className="card" data-testid="ai-history">
      <h3>AI conversation</h3>
      {!open ? (
        <button type="button" onClick={() => setOpen(true)}>Show the AI conversation</button>
      ) : (
        <>
          {staff && others.length > 1 && (
            <label className="row tight">
              Whose
              <select value={userId} onChange={(e) => setUserId(e.target.value)}>
                {others.map((p) => <option key={p.userId} value={p.userId}>{p.userId === meId ? 'Mine' : p.displayName}</option>)}
              </select>
            </label>
          )}
          {error !== null && <p className="error" role="alert" data-error-code={errorCode(error)}>{errorText(error)}</p>}
          {messages === null && error === null && <p className="muted">Loading…</p>}
          {messages?.length === 0 && <p className="muted">No messages with the AI in this session.</p>}
          <ol className="ai-history-list">
            {messages?.map((m) => (
              <li key={m.id} className={`ai-history-${m.role}`}>
                <span className="muted small">{m.role === 'user' ? 'Asked' : 'AI'} · {new Date(m.createdAt).toLocaleTimeString()}</span>
                {m.role === 'user' ? <p className="plain">{m.content}</p> : <div className="markdown" dangerouslySetInnerHTML={{ __html: renderMarkdown(m.content) }} />}
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
