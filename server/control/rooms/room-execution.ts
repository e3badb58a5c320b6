// Run and submit, their results, and what happens when a job finishes: `execution-finished` to the
// room, release of the submit lock (the editor stays locked while a submission is judged), and the
// `run`/`submission` session events.
import { AppError, mayWrite, type RoomStatus, type RunResult, type SubmissionResult, type SubmissionSummary, type SupportedLanguage } from '../../protocol/index.ts';
import { isUuid } from '../../protocol/api/common.ts';
import { nulCharacterLine, validationFailed } from '../../protocol/validation.ts';
import type { Page } from '../../protocol/api/common.ts';
import type { ExecutionFinished, ExecutionPlane } from '../../execution/types.ts';
import type { AuthUser } from '../auth/authenticate.ts';
import { NON_SPECTATOR, allow, roomAccess, ANY_ROLE } from './room-access.ts';
import { withRoom } from './room-control.ts';
import type { RoomDeps } from './room-deps.ts';
import type { RoomEngine } from './room-engine.ts';
import { snapshotText, storeCodeSnapshot } from './code-snapshots.ts';

/** Without a problem a run gets 5000 ms / 262144 KiB. */
const DEFAULT_RUN_LIMITS = { timeLimitMs: 5000, memoryLimitKb: 262144 };
const RUN_PHASES: readonly RoomStatus[] = ['warmup', 'coding', 'wrapup'];
const SUBMIT_PHASES: readonly RoomStatus[] = ['coding', 'wrapup'];

export interface JobAcceptedBody {
  id: string;
  status: RunResult['status'];
  pollUrl: string;
}

function requirePhase(status: RoomStatus, allowed: readonly RoomStatus[]): void {
  if (!allowed.includes(status)) {
    throw new AppError('ROOM_INVALID_PHASE', `Not allowed in phase ${status}.`, { phase: status, allowed: [...allowed] });
  }
}

export function startRun(
  d: RoomDeps,
  user: AuthUser,
  roomId: string | undefined,
  parse: () => { code: string; language: SupportedLanguage; stdin?: string },
): Promise<JobAcceptedBody> {
  return withRoom(d, user, roomId, async (a) => {
    allow(a, { roles: NON_SPECTATOR });
    const input = parse();
    requirePhase(a.room.status, RUN_PHASES);
    if (a.role && !mayWrite(a.role, 'code', a.room.editorLocked)) throw new AppError('ROOM_EDITOR_LOCKED', 'The editor is locked.');
    const exec = d.execution;
    const problem = a.room.problemId ? await d.problems.get(a.room.problemId) : undefined;
    const run = await exec.enqueueRun({
      roomId: a.room.id,
      userId: user.id,
      language: input.language,
      code: input.code,
      stdin: input.stdin ?? '',
      ...(problem ? { timeLimitMs: problem.timeLimitMs, memoryLimitKb: problem.memoryLimitKb } : DEFAULT_RUN_LIMITS),
    });
    return { id: run.id, status: run.status, pollUrl: `/v1/runs/${run.id}` };
  });
}

/**
 * Submit (submit lock: nobody edits while the submission is judged): take the lock with a `submit` snapshot through LockEditor, and judge exactly
 * the snapshot's text against every test case. An already locked room keeps its lock and reason.
 */
export function startSubmission(
  d: RoomDeps,
  user: AuthUser,
  roomId: string | undefined,
  parse: () => { language?: SupportedLanguage },
): Promise<JobAcceptedBody & { snapshotId: string }> {
  return withRoom(d, user, roomId, async (a) => {
    allow(a, { roles: NON_SPECTATOR });
    const input = parse();
    requirePhase(a.room.status, SUBMIT_PHASES);
    if (a.role && !mayWrite(a.role, 'code', a.room.editorLocked)) throw new AppError('ROOM_EDITOR_LOCKED', 'The editor is locked.');
    const problem = a.room.problemId ? await d.problems.get(a.room.problemId) : undefined;
    if (!problem) throw new AppError('EXEC_NO_PROBLEM', 'Select a problem before submitting.');
    const language = input.language ?? a.room.language;
    if (!problem.languages.includes(language)) {
      throw new AppError('PROBLEM_LANGUAGE_UNSUPPORTED', `The problem does not support ${language}.`);
    }
    const exec = d.execution;
    if (await exec.hasActiveSubmission(a.room.id)) {
      throw new AppError('EXEC_SUBMISSION_IN_PROGRESS', 'Another submission of this room is still being judged.');
    }
    exec.assertRunnable(language);
    const { engine } = d;
    const takesLock = !a.room.editorLocked;
    const reason = takesLock ? 'submit' : a.room.lockReason;
    const locked = await engine.collab('lockEditor', (c) =>
      c.lockEditor(a.room.id, { locked: true, reason, by: user.id, snapshot: true }),
    );
    const snapshot = locked.snapshot;
    const unlock = async () => {
      if (takesLock) await engine.collab('lockEditor', (c) => c.lockEditor(a.room.id, { locked: false, reason: null, by: null }));
    };
    if (!snapshot) {
      await unlock();
      throw new AppError('ROOM_COLLAB_UNAVAILABLE', 'The collaboration service returned no submit snapshot.');
    }
    const code = snapshotText(Buffer.from(snapshot.bytes, 'base64'));
    const line = nulCharacterLine(code);
    if (line !== null) {
      // Like every text the API takes (protocol/validation.ts): no judge runs it, and PostgreSQL cannot store it.
      await unlock();
      throw validationFailed([{ path: 'code', message: `The code contains a NUL character (U+0000) on line ${line}.` }], 'The code cannot be submitted.');
    }
    await storeCodeSnapshot(engine, snapshot);
    if (takesLock) {
      a.room.editorLocked = true;
      a.room.lockReason = 'submit';
      await engine.save(a.room);
      await engine.record(a.room.id, 'editor-locked', user.id, { locked: true, reason: 'submit', by: user.id });
    }
    let summary;
    try {
      summary = await exec.enqueueSubmission({
        roomId: a.room.id,
        userId: user.id,
        problemId: problem.id,
        language,
        code,
        snapshotId: snapshot.id,
        tests: problem.testCases,
        timeLimitMs: problem.timeLimitMs,
        memoryLimitKb: problem.memoryLimitKb,
      });
    } catch (error) {
      if (takesLock) await releaseSubmitLockInQueue(engine, a.room.id);
      throw error;
    }
    await engine.record(a.room.id, 'submission', user.id, { id: summary.id, status: summary.status, snapshotId: snapshot.id, language });
    return { id: summary.id, status: summary.status, pollUrl: `/v1/submissions/${summary.id}`, snapshotId: snapshot.id };
  });
}

/** Releases a lock that is still the submit lock (a manual lock in between made it `manual`: kept). */
async function releaseSubmitLockInQueue(engine: RoomEngine, roomId: string): Promise<void> {
  const room = await engine.store.rooms.getRoom(roomId);
  if (!room || room.status === 'finished' || !room.editorLocked || room.lockReason !== 'submit') return;
  await engine.collab('lockEditor', (c) => c.lockEditor(roomId, { locked: false, reason: null, by: null }));
  room.editorLocked = false;
  room.lockReason = null;
  await engine.save(room);
  await engine.record(roomId, 'editor-unlocked', null, { locked: false, reason: null, by: null });
}

/**
 * At start: releases every submit lock whose submission is no longer queued or running. Its end was not seen
 * by a room service: judged or failed while the process that took the lock was stopping, or failed as
 * interrupted at this start, before anything listened. A submission still being judged (by a live process)
 * keeps its lock; the room's queue orders this with a submit that is taking a lock right now.
 */
export async function releaseEndedSubmitLocks(engine: RoomEngine, exec: ExecutionPlane): Promise<void> {
  for (const room of await engine.store.rooms.listOpenRooms()) {
    if (!room.editorLocked || room.lockReason !== 'submit') continue;
    await engine.exclusive(room.id, async () => {
      if (!(await exec.hasActiveSubmission(room.id))) await releaseSubmitLockInQueue(engine, room.id);
    });
  }
}

/** Subscribes to finished jobs; returns the unsubscribe function. */
export function watchExecutions(engine: RoomEngine, exec: ExecutionPlane): () => void {
  return exec.onDidFinish((job: ExecutionFinished) => {
    void engine
      .exclusive(job.roomId, async () => {
        if (!(await engine.store.rooms.getRoom(job.roomId))) return;
        await engine.record(job.roomId, job.kind, job.userId, { id: job.id, status: job.status, verdict: job.verdict });
        if (job.kind === 'submission') await releaseSubmitLockInQueue(engine, job.roomId);
        const room = await engine.store.rooms.getRoom(job.roomId);
        if (room && room.status !== 'finished') {
          await engine.push(job.roomId, {
            type: 'execution-finished',
            kind: job.kind,
            id: job.id,
            userId: job.userId,
            status: job.status,
            verdict: job.verdict,
          });
        }
      })
      .catch((error: unknown) => engine.log.warn('execution-finished handling failed', { roomId: job.roomId, error: String(error) }));
  });
}

type PageInput = () => { limit: number; cursor?: string };

export async function listRuns(d: RoomDeps, user: AuthUser, roomId: string | undefined, page: PageInput): Promise<Page<RunResult>> {
  const access = await roomAccess(d.engine, roomId, user);
  allow(access, { roles: ANY_ROLE, admin: true });
  return d.execution.listRuns(access.room.id, page());
}

export async function listSubmissions(
  d: RoomDeps,
  user: AuthUser,
  roomId: string | undefined,
  page: PageInput,
): Promise<Page<SubmissionSummary>> {
  const access = await roomAccess(d.engine, roomId, user);
  allow(access, { roles: ANY_ROLE, admin: true });
  return d.execution.listSubmissions(access.room.id, page());
}

/** Participants of the job's room in any role (not kicked) and admins may read a job. */
async function requireJobReader(d: RoomDeps, user: AuthUser, roomId: string): Promise<void> {
  if (user.role === 'admin') return;
  const me = await d.engine.store.rooms.getParticipant(roomId, user.id);
  if (!me || me.state === 'kicked') throw new AppError('ROOM_FORBIDDEN', 'You are not a participant of this room.');
}

export async function getRun(d: RoomDeps, user: AuthUser, runId: string | undefined): Promise<RunResult> {
  const run = isUuid(runId) ? await d.execution.getRun(runId) : undefined;
  if (!run) throw new AppError('EXEC_RUN_NOT_FOUND', 'No such run.');
  await requireJobReader(d, user, run.roomId);
  return run;
}

/** Hidden tests' input, expected and actual output and stderr are withheld from non-admins. */
export async function getSubmission(d: RoomDeps, user: AuthUser, submissionId: string | undefined): Promise<SubmissionResult> {
  const result = isUuid(submissionId) ? await d.execution.getSubmission(submissionId) : undefined;
  if (!result) throw new AppError('EXEC_SUBMISSION_NOT_FOUND', 'No such submission.');
  await requireJobReader(d, user, result.roomId);
  if (user.role === 'admin') return result;
  return {
    ...result,
    tests: result.tests.map((t) => (t.hidden ? { ...t, input: null, expectedOutput: null, actualOutput: null, stderr: null } : t)),
  };
}
