// The room and session contexts the AI plane is given, built from the room, the problem's public parts
// (statement, constraints, worked examples: never its test cases) and the room's executions.
import type { ProblemContext, RoomContext, RunContext, SessionContext, SubmissionContext } from '../../ai/index.ts';
import type { ExecutionPlane } from '../../execution/types.ts';
import type { RoomRole, SubmissionSummary, SupportedLanguage } from '../../protocol/index.ts';
import type { RoomRecord, RoomStore } from '../../storage/rooms/index.ts';
import type { ProblemCatalog } from '../problems/problem-catalog.ts';
import { snapshotText } from '../rooms/code-snapshots.ts';
import { allSubmissions } from '../sessions/session-views.ts';

export interface ContextSources {
  store: RoomStore;
  problems: ProblemCatalog;
  execution: ExecutionPlane;
  hintsUsed(roomId: string): Promise<number>;
}

export async function problemContext(problems: ProblemCatalog, problemId: string | null): Promise<ProblemContext | null> {
  const p = problemId ? await problems.findAny(problemId) : undefined;
  if (!p) return null;
  return {
    title: p.title,
    difficulty: p.difficulty,
    description: p.description,
    constraints: p.constraints,
    examples: p.examples.map((e) => ({ input: e.input, output: e.output, explanation: e.explanation })),
  };
}

/** `code`/`language`: what the request carried; without code, the room's latest snapshot stands in. */
export async function roomContext(
  src: ContextSources,
  room: RoomRecord,
  callerRole: RoomRole,
  request: { code?: string; language?: SupportedLanguage },
): Promise<RoomContext> {
  const run = (await src.execution.listRuns(room.id, { limit: 1 })).items[0];
  const submission = (await src.execution.listSubmissions(room.id, { limit: 1 })).items[0];
  const latest = request.code === undefined ? await src.store.sessions.latestSnapshot(room.id) : undefined;
  return {
    mode: room.mode,
    phase: room.status,
    callerRole,
    problem: await problemContext(src.problems, room.problemId),
    language: request.language ?? room.language,
    code: request.code ?? (latest ? snapshotText(latest.bytes) : null),
    lastRun: run ? runContext(run) : null,
    lastSubmission: submission ? await submissionContext(src.execution, submission) : null,
    hintsUsed: await src.hintsUsed(room.id),
  };
}

/** A finished session for its training report: the final code and every submission. */
export async function sessionContext(src: ContextSources, room: RoomRecord): Promise<SessionContext> {
  const final = await src.store.sessions.latestSnapshot(room.id);
  const runs = (await src.execution.listRuns(room.id, { limit: 100 })).items.length;
  return {
    mode: room.mode,
    problem: await problemContext(src.problems, room.problemId),
    language: room.language,
    finalCode: final ? snapshotText(final.bytes) : null,
    snapshotId: final?.id ?? null,
    durationMs: room.startedAt !== null && room.finishedAt !== null ? room.finishedAt - room.startedAt : null,
    runs,
    submissions: await Promise.all((await allSubmissions(src.execution, room.id)).reverse().map((s) => submissionContext(src.execution, s))),
    hintsUsed: await src.hintsUsed(room.id),
  };
}

function runContext(run: { status: string; stdin: string; result: { verdict: RunContext['verdict']; stdout: string; stderr: string } | null }): RunContext {
  return { status: run.status, verdict: run.result?.verdict ?? null, stdin: run.stdin, stdout: run.result?.stdout ?? '', stderr: run.result?.stderr ?? '' };
}

/** Verdict and counts only: which tests failed, and their data, stay out (most are hidden). */
async function submissionContext(execution: ExecutionPlane, s: SubmissionSummary): Promise<SubmissionContext> {
  return {
    status: s.status,
    verdict: s.verdict,
    passed: s.passed,
    total: s.total,
    compileOutput: (await execution.getSubmission(s.id))?.compileOutput ?? null,
  };
}
