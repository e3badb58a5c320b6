// The room's problem (statement, examples), remembered in localStorage so that an offline reload still shows
// the statement last seen.
import { useEffect, useState } from 'react';
import type { ProblemDetail } from '../../api/types.ts';
import { useSession } from '../../app/session-context.tsx';
import { getProblem } from '../../lobby/problem-actions.ts';
import { errorText } from '../../ui/error-text.ts';

export function useProblem(problemId: string | null): { problem: ProblemDetail | null; error: string | null } {
  const { api } = useSession();
  const [problem, setProblem] = useState<ProblemDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setProblem(null);
    setError(null);
    if (!problemId) return;
    let live = true;
    getProblem(api, problemId)
      .then((p) => {
        if (!live) return;
        setProblem(p);
        remember(p);
      })
      .catch((e: unknown) => {
        if (!live) return;
        const cached = recall(problemId);
        if (cached) setProblem(cached);
        else setError(errorText(e));
      });
    return () => {
      live = false;
    };
  }, [api, problemId]);
  return { problem, error };
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
