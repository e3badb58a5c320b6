// What rooms need to know about problems, as a port over the problems module's repository (part A):
// selection checks, starter code for a reset, the judge's test cases and limits, and the caller's summary.
import type { Difficulty, SupportedLanguage } from '../../protocol/index.ts';
import type { ProblemSummary } from '../../protocol/api/problems.ts';
import type { JudgeTestCase } from '../../execution/types.ts';

export interface RoomProblem {
  id: string;
  title: string;
  /** The statement (Markdown): context for AI estimates, never the tests. */
  description: string;
  difficulty: Difficulty;
  languages: SupportedLanguage[];
  starterCode: Partial<Record<SupportedLanguage, string>>;
  /** Visible and hidden, in order. */
  testCases: JudgeTestCase[];
  timeLimitMs: number;
  memoryLimitKb: number;
  /** Soft-deleted problems are no longer selectable but stay readable through rooms that used them. */
  deleted: boolean;
}

export interface RoomProblems {
  /** Any problem, deleted ones included; undefined when the id was never a problem. */
  get(problemId: string): Promise<RoomProblem | undefined>;
  /** ProblemSummary with `bookmarked`/`solved` about `viewerId`. */
  summary(problemId: string, viewerId: string): Promise<ProblemSummary | undefined>;
}

/** A problem that may be selected now: exists and is not deleted, else PROBLEM_NOT_FOUND. */
export async function selectableProblem(problems: RoomProblems, problemId: string): Promise<RoomProblem | undefined> {
  const p = await problems.get(problemId);
  return p && !p.deleted ? p : undefined;
}
