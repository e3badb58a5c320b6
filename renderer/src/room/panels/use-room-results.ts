// Every run and submission of the room, live for every participant: the newest ones are read when the room
// opens, each job the room announces (`execution-finished`, whoever started it) is fetched by id, and the
// jobs I start are polled while they are queued or running.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ExecutionFinishedEvent, JobAccepted, RunResult, SubmissionResult } from '../../../../server/protocol/index.ts';
import type { ApiClient } from '../../api/api-client.ts';
import { roomActions } from '../room-actions.ts';
import { pollJob, type JobPoller } from './use-job.ts';

/** Enough for a Run examples batch (≤ 10 examples) plus a few free runs. */
const KEPT_RUNS = 30;

export interface RoomResults {
  /** Newest first. */
  runs: RunResult[];
  /** The room's newest submission. */
  submission: SubmissionResult | null;
  /** The last failure to read a result (network), or null. */
  error: unknown;
  follow(kind: 'run' | 'submission', job: JobAccepted): void;
}

export function useRoomResults(api: ApiClient, roomId: string, lastExecution: ExecutionFinishedEvent | null): RoomResults {
  const [runs, setRuns] = useState<RunResult[]>([]);
  const [submission, setSubmission] = useState<SubmissionResult | null>(null);
  const [error, setError] = useState<unknown>(null);
  const pollers = useRef(new Map<string, JobPoller>());

  const putRun = useCallback((run: RunResult) => setRuns((current) => withRun(current, run)), []);
  const putSubmission = useCallback((next: SubmissionResult) => setSubmission((current) => newer(current, next)), []);

  useEffect(() => {
    let live = true;
    const room = roomActions(api, roomId);
    room
      .recentRuns(KEPT_RUNS)
      .then((page) => live && page.items.forEach(putRun))
      .catch((e: unknown) => live && setError(e));
    room
      .recentSubmissions(1)
      .then((page) => (page.items[0] ? room.getSubmission(page.items[0].id) : null))
      .then((s) => live && s && putSubmission(s))
      .catch((e: unknown) => live && setError(e));
    return () => {
      live = false;
    };
  }, [api, roomId, putRun, putSubmission]);

  useEffect(() => {
    if (!lastExecution) return;
    const mine = pollers.current.get(lastExecution.id);
    if (mine) return mine.now();
    const room = roomActions(api, roomId);
    const read = lastExecution.kind === 'run' ? room.getRun(lastExecution.id).then(putRun) : room.getSubmission(lastExecution.id).then(putSubmission);
    read.catch(setError);
  }, [api, roomId, lastExecution, putRun, putSubmission]);

  useEffect(() => {
    const all = pollers.current;
    return () => {
      for (const p of all.values()) p.stop();
      all.clear();
    };
  }, []);

  const follow = useCallback(
    (kind: 'run' | 'submission', job: JobAccepted) => {
      setError(null);
      const done = (result: RunResult | SubmissionResult) => {
        if (result.status === 'completed' || result.status === 'failed') pollers.current.delete(job.id);
      };
      const poller =
        kind === 'run'
          ? pollJob<RunResult>(api, job.pollUrl, (r) => (putRun(r), done(r)), setError)
          : pollJob<SubmissionResult>(api, job.pollUrl, (s) => (putSubmission(s), done(s)), setError);
      pollers.current.set(job.id, poller);
    },
    [api, putRun, putSubmission],
  );

  return { runs, submission, error, follow };
}

/** The list with `run` in its place (replacing an older read of the same run), newest first. */
function withRun(runs: RunResult[], run: RunResult): RunResult[] {
  const others = runs.filter((r) => r.id !== run.id);
  return [run, ...others].sort((a, b) => b.createdAt.localeCompare(a.createdAt)).slice(0, KEPT_RUNS);
}

function newer(current: SubmissionResult | null, next: SubmissionResult): SubmissionResult {
  if (!current || current.id === next.id) return next;
  return next.createdAt >= current.createdAt ? next : current;
}
