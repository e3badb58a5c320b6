// Follows an async job (a 202 with a pollUrl): poll pollUrl every 1 s, backing off to 5 s, until it completes
// or fails; `useJob` also polls at once when the room says the job finished (`execution-finished`).
import { useEffect, useRef, useState } from 'react';
import type { JobStatus } from '../../../../server/protocol/index.ts';
import type { ApiClient } from '../../api/api-client.ts';

/** Poll delays: every second at first, backing off to every 5 s (the spec's recommendation for jobs). */
export const POLL_DELAYS_MS = [1000, 1000, 2000, 3000, 5000];

export interface JobPoller {
  /** Polls now instead of waiting for the next tick. */
  now(): void;
  stop(): void;
}

/** Polls `pollUrl` until the job ends, handing every read (queued, running, the end) to `onResult`. */
export function pollJob<T extends { status: JobStatus }>(
  api: ApiClient,
  pollUrl: string,
  onResult: (result: T) => void,
  onError: (error: unknown) => void,
): JobPoller {
  let attempt = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  const poll = async () => {
    clearTimeout(timer);
    try {
      const r = await api.poll<T>(pollUrl);
      if (stopped) return;
      onResult(r);
      if (r.status === 'completed' || r.status === 'failed') {
        stopped = true;
        return;
      }
    } catch (e) {
      if (stopped) return;
      onError(e);
    }
    timer = setTimeout(poll, POLL_DELAYS_MS[Math.min(attempt++, POLL_DELAYS_MS.length - 1)]);
  };
  timer = setTimeout(poll, 300);
  return {
    now: () => {
      if (!stopped) void poll();
    },
    stop: () => {
      stopped = true;
      clearTimeout(timer);
    },
  };
}

export function useJob<T extends { status: JobStatus }>(api: ApiClient, job: { id: string; pollUrl: string } | null, finishedId: string | null) {
  const [result, setResult] = useState<T | null>(null);
  const [error, setError] = useState<unknown>(null);
  const poller = useRef<JobPoller | null>(null);

  useEffect(() => {
    setResult(null);
    setError(null);
    if (!job) return;
    const p = pollJob<T>(api, job.pollUrl, setResult, setError);
    poller.current = p;
    return () => p.stop();
  }, [api, job]);

  useEffect(() => {
    if (job && finishedId === job.id) poller.current?.now();
  }, [job, finishedId]);

  return { result, error };
}
