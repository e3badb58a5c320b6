import { useEffect, useState } from 'react';
import type { Difficulty } from '../../../server/protocol/index.ts';
import type { Page, ProblemSummary } from '../api/types.ts';
import { useSession } from '../app/session-context.tsx';

export interface ProblemFilter {
  q: string;
  difficulty: Difficulty | '';
  tags: string[];
  bookmarked: boolean;
  solved: boolean;
}

export const NO_FILTER: ProblemFilter = { q: '', difficulty: '', tags: [], bookmarked: false, solved: false };

/** The first 100 problems matching the filter (the bank is small; the browser pages no further). */
export function useProblems(filter: ProblemFilter, reloadKey = 0) {
  const { api } = useSession();
  const [state, setState] = useState<{ items: ProblemSummary[] | null; error: unknown }>({ items: null, error: null });
  useEffect(() => {
    const params = new URLSearchParams({ limit: '100' });
    if (filter.q.trim()) params.set('q', filter.q.trim());
    if (filter.difficulty) params.set('difficulty', filter.difficulty);
    if (filter.tags.length) params.set('tags', filter.tags.join(','));
    if (filter.bookmarked) params.set('bookmarked', 'true');
    if (filter.solved) params.set('solved', 'true');
    let cancelled = false;
    const timer = setTimeout(() => {
      api
        .get<Page<ProblemSummary>>(`/v1/problems?${params}`)
        .then((p) => !cancelled && setState({ items: p.items, error: null }))
        .catch((error: unknown) => !cancelled && setState({ items: [], error }));
    }, 150);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [api, filter, reloadKey]);
  return state;
}
