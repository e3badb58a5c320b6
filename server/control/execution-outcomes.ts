// Keeps the control plane's record of finished runs and submissions (acceptance rates, `solved`, stats,
// dashboard) by listening to the execution plane through its public interface.
import type { ExecutionFinished, ExecutionPlane } from '../execution/types.ts';
import type { OutcomesRepository } from '../storage/control/outcomes-repository.ts';
import type { Logger } from '../server-options.ts';

/** Returns the unsubscribe function. */
export function recordExecutionOutcomes(execution: ExecutionPlane, outcomes: OutcomesRepository, log: Logger): () => void {
  return execution.onDidFinish((event: ExecutionFinished) => {
    void record(event).catch((error: unknown) => log.error('could not record an execution outcome', { id: event.id, error: String(error) }));
  });

  async function record(event: ExecutionFinished): Promise<void> {
    const job = event.kind === 'run' ? await execution.getRun(event.id) : await execution.getSubmission(event.id);
    if (!job) return;
    outcomes.record({
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
  }
}
