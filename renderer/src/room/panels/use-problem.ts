// The room's problem (statement, examples), remembered in localStorage so that an offline reload still shows
// the statement last seen.
import type { ProblemDetail } from '../../api/types.ts';
import { useSession } from '../../app/session-context.tsx';
import { getProblem } from '../../lobby/problem-actions.ts';
import { errorText } from '../../ui/error-text.ts';
import { useLoaded } from '../../ui/use-loaded.ts';

export function useProblem(problemId: string | null): { problem: ProblemDetail | null; error: string | null } {
  const { api } = useSession();
  const { data: problem, error } = useLoaded(
    async () => {
      if (!problemId) return null;
      try {
        const p = await getProblem(api, problemId);
        remember(p);
        return p;
      } catch (e) {
        const cached = recall(problemId);
        if (cached) return cached;
        throw e;
      }
    },
    [api, problemId],
    { clear: true },
  );
  return { problem, error: error === null ? null : errorText(error) };
}

const cacheKey = (id: string) => `syncode.problem:${id}`;

function remember(p: ProblemDetail): void {
  try {
    localStorage.setItem(cacheKey(p.id), JSON.stringify(p));
  } catch {
    // Storage full: the panel just needs the network next time.
  }
}

function recall(id: string): ProblemDetail | null {
  try {
    const raw = localStorage.getItem(cacheKey(id));
    return raw ? (JSON.parse(raw) as ProblemDetail) : null;
  } catch {
    return null;
  }
}
