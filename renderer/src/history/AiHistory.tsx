// The AI conversation of a session, opened on demand: the caller's own, or (for the session's host or
// interviewer) any participant's.
import { useState } from 'react';
import type { ApiClient } from '../api/api-client.ts';
import type { AiMessage, SessionDetail } from '../api/types.ts';
import { ErrorAlert } from '../ui/ErrorAlert.tsx';
import { renderMarkdown } from '../ui/markdown.ts';
import { useLoaded } from '../ui/use-loaded.ts';
import { loadAiHistory } from './session-actions.ts';
import './ai-sections.css';

export function AiHistorySection({ api, detail, meId }: { api: ApiClient; detail: SessionDetail; meId: string }) {
  const [open, setOpen] = useState(false);
  const [userId, setUserId] = useState(meId);
  const staff = detail.myRole === 'host' || detail.myRole === 'interviewer';
  const others = detail.participants.filter((p) => p.role !== 'spectator');

  // Read once opened, and again for another person's conversation.
  const { data: messages, error } = useLoaded<AiMessage[] | null>(
    () => (open ? loadAiHistory(api, detail.id, userId === meId ? undefined : userId) : Promise.resolve(null)),
    [api, detail.id, open, userId, meId],
    { clear: true },
  );

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
          <ErrorAlert error={error} />
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
