// Static analysis of the caller's editor text: queued on the execution plane (the language's own tools in the
// sandbox), with a complexity estimate when the room has AI enabled. Any participant may read a room's jobs.
import { AppError, type AnalysisJob, type SupportedLanguage } from '../../protocol/index.ts';
import { isUuid } from '../../protocol/api/common.ts';
import type { AuthUser } from '../auth/authenticate.ts';
import { ANY_ROLE, NON_SPECTATOR, allow, requireOpen, roomAccess } from './room-access.ts';
import type { RoomDeps } from './room-deps.ts';
import type { JobAcceptedBody } from './room-execution.ts';

export async function startAnalysis(
  d: RoomDeps,
  user: AuthUser,
  roomId: string | undefined,
  parse: () => { code: string; language: SupportedLanguage },
): Promise<JobAcceptedBody> {
  const a = await roomAccess(d.engine, roomId, user);
  allow(a, { roles: NON_SPECTATOR });
  const input = parse();
  requireOpen(a.room);
  const problem = a.room.problemId ? await d.problems.get(a.room.problemId) : undefined;
  const job = await d.execution.enqueueAnalysis({
    roomId: a.room.id,
    userId: user.id,
    language: input.language,
    code: input.code,
    complexity: a.room.config.aiEnabled ? (problem ? { problemStatement: `${problem.title}\n\n${problem.description}` } : {}) : null,
  });
  return { id: job.id, status: job.status, pollUrl: `/v1/rooms/${a.room.id}/analysis/${job.id}` };
}

/** A job of another room is as unknown here as one that never existed. */
export async function getAnalysis(d: RoomDeps, user: AuthUser, roomId: string | undefined, jobId: string | undefined): Promise<AnalysisJob> {
  const a = await roomAccess(d.engine, roomId, user);
  const stored = isUuid(jobId) ? await d.execution.getAnalysis(jobId) : undefined;
  if (!stored || stored.roomId !== a.room.id) throw new AppError('EXEC_ANALYSIS_NOT_FOUND', 'No such analysis in this room.');
  allow(a, { roles: ANY_ROLE, admin: true });
  return stored.job;
}
