// Keeps the control plane's record of finished runs and submissions (acceptance rates, `solved`, stats,
// dashboard) by listening to the execution plane through its public interface.
import type { ExecutionFinished, ExecutionPlane } from '../execution/types.ts';
import type { OutcomesRepository } from '../storage/control/outcomes-repository.ts';
import type { Logger } from '../server-options.ts';
import { errorFields } from '../error-fields.ts';

/** Returns the stop function: it unsubscribes, then waits for the records still being written. */
export function recordExecutionOutcomes(execution: ExecutionPlane, outcomes: OutcomesRepository, log: Logger): () => Promise<void> {
  const writing = new Set<Promise<void>>();
  const record = async (event: ExecutionFinished): Promise<void> => {
    try {
      const job = event.kind === 'run' ? await execution.getRun(event.id) : await execution.getSubmission(event.id);
      if (!job) return;
      await outcomes.record({
        id: event.id,
        kind: event.kind,
        roomId: event.roomId,
        userId: event.userId,
        problemId: 'problemId' in job ? job.problemId : null,
        status: event.status,
        verdict: event.verdict,
        createdAt: Date.parse(job.createdAt),
        completedAt: job.completedAt ? Date.parse(job.completedAt) : Date.now(),
      });
    } catch (error) {
      log.error('could not record an execution outcome', { id: event.id, ...errorFields(error) });
    }
  };
  const unsubscribe = execution.onDidFinish((event) => {
    const write = record(event).finally(() => writing.delete(write));
    writing.add(write);
  });
  return async () => {
    unsubscribe();
    await Promise.all(writing);
  };
}
