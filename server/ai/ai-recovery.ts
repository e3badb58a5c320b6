// What a gone process left unfinished: AI jobs and training reports record the node that runs them, and only
// a dead node's (or this node's previous run's) are failed, never a live peer's work in flight. At start the
// plane fails what was abandoned before it; in a cluster it also sweeps periodically, so a process killed
// while generating has its work failed by a survivor soon after it drops out of node presence.
import { abandonedWhere, sweepPeriodically, type NodeLiveness } from '../node-liveness.ts';
import type { Logger } from '../server-options.ts';
import type { AiJobError, AiStore } from '../storage/ai/index.ts';

/** At start: alone, whatever is unfinished is a previous run's. */
const RESTART_FAILURE: AiJobError = { code: 'AI_UNAVAILABLE', message: 'Interrupted by a server restart.' };
/** A sweep: a peer that was running it is gone. */
const STOPPED_FAILURE: AiJobError = { code: 'AI_UNAVAILABLE', message: 'Interrupted: the server process running it stopped.' };

/** Fails the abandoned jobs and reports (see abandonedWhere); returns how many of each. */
export async function failAbandoned(store: AiStore, liveness: NodeLiveness, atStart: boolean): Promise<{ jobs: number; reports: number }> {
  const where = abandonedWhere('node_id', liveness, await liveness.liveNodes(), atStart);
  if (!where) return { jobs: 0, reports: 0 };
  const failure = atStart ? RESTART_FAILURE : STOPPED_FAILURE;
  const jobs = await store.jobs.failAbandoned(where, Date.now(), failure);
  const reports = await store.reports.failAbandoned(where, failure.message);
  return { jobs, reports };
}

/** In a cluster (`sweepEveryMs` > 0): every so often, fails what dead peers left unfinished. Returns how to stop. */
export function sweepAbandoned(store: AiStore, liveness: NodeLiveness, log: Logger): () => Promise<void> {
  return sweepPeriodically(
    liveness,
    async () => {
      const failed = await failAbandoned(store, liveness, false);
      if (failed.jobs + failed.reports > 0) log.warn('AI work of a stopped server process failed', failed);
    },
    (error) => log.warn('could not look for AI work of stopped server processes', { error: String(error) }),
  );
}
