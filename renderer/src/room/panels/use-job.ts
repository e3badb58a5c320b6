// Follows an async job (a 202 with a pollUrl): poll pollUrl every 1 s, backing off to 5 s,
// and poll at once when the room says the job finished (`execution-finished`).
import { useEffect, useRef, useState } from 'react';
import type { JobStatus } from '../../../../server/protocol/index.ts';
import type { ApiClient } from '../../api/api-client.ts';

/** Poll delays: every second at first, backing off to every 5 s (the spec's recommendation for jobs). */
export const POLL_DELAYS_MS = [1000, 1000, 2000, 3000, 5000];

export function useJob<T extends { status: JobStatus }>(api: ApiClient, job: { id: string; pollUrl: string } | null, finishedId: string | null) {
  const [result, setResult] = useState<T | null>(null);
  const [error, setError] = useState<unknown>(null);
  const pollNow = useRef<() => void>(() => {});

  useEffect(() => {
    setResult(null);
    setError(null);
    if (!job) return;
    let attempt = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    const poll = async () => {
      clearTimeout(timer);
      try {
        const r = await api.poll<T>(job.pollUrl);
        if (stopped) return;
        setResult(r);
        if (r.status === 'completed' || r.status === 'failed') {
          stopped = true;
          return;
        }
      } catch (e) {
        if (stopped) return;
        setError(e);
      }
      timer = setTimeout(poll, POLL_DELAYS_MS[Math.min(attempt++, POLL_DELAYS_MS.length - 1)]);
    };
    pollNow.current = () => void poll();
    timer = setTimeout(poll, 300);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [api, job]);

  useEffect(() => {
    if (job && finishedId === job.id) pollNow.current();
  }, [job, finishedId]);

  return { result, error };
}
