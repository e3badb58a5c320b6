import { useEffect, useState } from 'react';
import { DIFFICULTIES, type Difficulty } from '../../../server/protocol/index.ts';
import type { RouteResponse } from '../../../server/protocol/api/routes/index.ts';
import type { ProblemSummary } from '../api/types.ts';
import { navigate } from '../app/router.ts';
import { useSession } from '../app/session-context.tsx';
import { errorText } from '../ui/error-text.ts';
import { createRoom } from './lobby-actions.ts';
import { listTags, setBookmarked } from './problem-actions.ts';
import { NO_FILTER, useProblems, type ProblemFilter } from './use-problems.ts';

export function ProblemBrowser() {
  const { api, user } = useSession();
  const [filter, setFilter] = useState<ProblemFilter>(NO_FILTER);
  const [reloadKey, setReloadKey] = useState(0);
  const { items, complete, error } = useProblems(filter, reloadKey);
  const [tags, setTags] = useState<RouteResponse<'GET /v1/problems/tags'>['items']>([]);
  const [actionError, setActionError] = useState<string | null>(null);

  useEffect(() => {
    listTags(api).then((r) => setTags(r.items)).catch(() => setTags([]));
  }, [api]);

  const set = (patch: Partial<ProblemFilter>) => setFilter((f) => ({ ...f, ...patch }));
  const toggleTag = (t: string) => set({ tags: filter.tags.includes(t) ? filter.tags.filter((x) => x !== t) : [...filter.tags, t] });

  const toggleBookmark = async (p: ProblemSummary) => {
    try {
      await setBookmarked(api, p.id, !p.bookmarked);
      setReloadKey((k) => k + 1);
    } catch (e) {
      setActionError(errorText(e));
    }
  };
  const practice = async (p: ProblemSummary) => {
    const preferred = user?.preferredLanguage;
    const language = preferred && p.languages.includes(preferred) ? preferred : p.languages.includes('python') ? 'python' : p.languages[0];
    try {
      const room = await createRoom(api, { mode: 'practice', problemId: p.id, language, name: `Practice: ${p.title}` });
      navigate({ name: 'room', roomId: room.id });
    } catch (e) {
      setActionError(errorText(e));
    }
  };

  return (
    <section className="card" aria-labelledby="problems-title">
      <h2 id="problems-title">Problems</h2>
      <div className="row filters">
        <input aria-label="Search problems" placeholder="Search" value={filter.q} onChange={(e) => set({ q: e.target.value })} className="grow" />
        <select aria-label="Difficulty" value={filter.difficulty} onChange={(e) => set({ difficulty: e.target.value as Difficulty | '' })}>
          <option value="">Any difficulty</option>
          {DIFFICULTIES.map((d) => <option key={d} value={d}>{d}</option>)}
        </select>
        <label className="check"><input type="checkbox" checked={filter.bookmarked} onChange={(e) => set({ bookmarked: e.target.checked })} /> Bookmarked</label>
        <label className="check"><input type="checkbox" checked={filter.solved} onChange={(e) => set({ solved: e.target.checked })} /> Solved</label>
      </div>
      {tags.length > 0 && (
        <div className="chips" aria-label="Tags">
          {tags.map((t) => {
            // With the whole result listed, a tag counts the listed problems that have it (what choosing it would
            // leave: tags must all match); otherwise the bank's count.
            const count = complete && items ? items.filter((p) => p.tags.includes(t.name)).length : t.problemCount;
            const pressed = filter.tags.includes(t.name);
            return (
              <button key={t.name} type="button" className="chip" aria-pressed={pressed} disabled={count === 0 && !pressed} onClick={() => toggleTag(t.name)} data-tag={t.name}>
                {t.name} <span className="muted">{count}</span>
              </button>
            );
          })}
        </div>
      )}
      {(error !== null || actionError) && <p role="alert" className="error">{actionError ?? errorText(error)}</p>}
      {items === null && <p className="muted">Loading…</p>}
      {items?.length === 0 && error === null && <p className="muted">No problem matches.</p>}
      <ul className="list" data-testid="problem-list">
        {items?.map((p) => (
          <li key={p.id} className="list-row">
            <button type="button" className="icon" aria-label={p.bookmarked ? 'Remove bookmark' : 'Bookmark'} aria-pressed={p.bookmarked} onClick={() => toggleBookmark(p)}>
              {p.bookmarked ? '★' : '☆'}
            </button>
            <span className="grow">
              <strong>{p.title}</strong> {p.solved && <span className="badge ok">solved</span>}
              <br />
              <span className="muted">{p.tags.join(', ')}</span>
            </span>
            <span className={`badge ${p.difficulty}`}>{p.difficulty}</span>
            <button type="button" onClick={() => practice(p)}>Practice</button>
          </li>
        ))}
      </ul>
    </section>
  );
}
