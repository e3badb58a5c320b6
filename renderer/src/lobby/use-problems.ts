import { useEffect, useState } from 'react';
import type { Difficulty } from '../../../server/protocol/index.ts';
import type { ProblemSummary } from '../api/types.ts';
import { useSession } from '../app/session-context.tsx';
import { listProblems } from './problem-actions.ts';

export interface ProblemFilter {
  q: string;
  difficulty: Difficulty | '';
  tags: string[];
  bookmarked: boolean;
  solved: boolean;
}

export const NO_FILTER: ProblemFilter = { q: '', difficulty: '', tags: [], bookmarked: false, solved: false };

/**
 * The first 100 problems matching the filter (the bank is small; the browser pages no further). `complete`: they are
 * all the problems that match.
 */
export function useProblems(filter: ProblemFilter, reloadKey = 0) {
  const { api } = useSession();
  const [state, setState] = useState<{ items: ProblemSummary[] | null; complete: boolean; error: unknown }>({ items: null, complete: false, error: null });
  useEffect(() => {
    const query = {
      limit: '100',
      ...(filter.q.trim() ? { q: filter.q.trim() } : {}),
      ...(filter.difficulty ? { difficulty: filter.difficulty } : {}),
      ...(filter.tags.length ? { tags: filter.tags.join(',') } : {}),
      ...(filter.bookmarked ? { bookmarked: 'true' as const } : {}),
      ...(filter.solved ? { solved: 'true' as const } : {}),
    };
    let cancelled = false;
    const timer = setTimeout(() => {
      listProblems(api, query)
        .then((p) => !cancelled && setState({ items: p.items, complete: p.nextCursor === null, error: null }))
        .catch((error: unknown) => !cancelled && setState({ items: [], complete: false, error }));
    }, 150);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [api, filter, reloadKey]);
  return state;
}
