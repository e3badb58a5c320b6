// Run, submission and static-analysis results as the API returns them.

import type { JobStatus, SupportedLanguage, Verdict } from './enums.ts';
import type { Timestamp } from './room-types.ts';

export interface ExecutionResult {
  /** Truncated to 64 KiB. */
  stdout: string;
  stderr: string;
  stdoutTruncated: boolean;
  stderrTruncated: boolean;
  /** `null` if killed by a signal or never started. */
  exitCode: number | null;
  timeMs: number;
  memoryKb: number;
  verdict: Verdict;
}

export interface JobError {
  code: string;
  message: string;
}

export interface RunResult {
  id: string;
  roomId: string;
  userId: string;
  language: SupportedLanguage;
  stdin: string;
  status: JobStatus;
  result: ExecutionResult | null;
  error: JobError | null;
  createdAt: Timestamp;
  completedAt: Timestamp | null;
}

export interface TestResult {
  testCaseId: string;
  index: number;
  hidden: boolean;
  verdict: Verdict;
  timeMs: number;
  memoryKb: number;
  /** The last four are `null` for hidden tests unless the caller is an admin. */
  input: string | null;
  expectedOutput: string | null;
  actualOutput: string | null;
  stderr: string | null;
}

export interface SubmissionSummary {
  id: string;
  roomId: string;
  userId: string;
  problemId: string;
  language: SupportedLanguage;
  snapshotId: string;
  status: JobStatus;
  verdict: Verdict | null;
  passed: number;
  total: number;
  createdAt: Timestamp;
  completedAt: Timestamp | null;
}

export interface SubmissionResult extends SubmissionSummary {
  tests: TestResult[];
  compileOutput: string | null;
  maxTimeMs: number | null;
  maxMemoryKb: number | null;
  error: JobError | null;
}

export interface JobAccepted {
  id: string;
  status: JobStatus;
  pollUrl: string;
}

export type AnalysisSeverity = 'error' | 'warning' | 'info';

/** One finding of a language's own tools. Lines and columns are 1-based, columns in UTF-16 code units (as editors count). */
export interface AnalysisIssue {
  line: number;
  column: number;
  /** `null` when the tool reports a point rather than a range. */
  endLine: number | null;
  endColumn: number | null;
  severity: AnalysisSeverity;
  /** `<tool>:<rule>`: `gcc:-Wunused-variable`, `javac:rawtypes`, `rustc:E0308`, `go-vet:printf`, `pyflakes:unused-import`, `ts:2322`, `eslint:no-unused-vars`. */
  ruleId: string;
  message: string;
}

export interface ComplexityEstimate {
  time: string;
  space: string;
}

export interface AnalysisResult {
  /** Sorted by line, then column. */
  issues: AnalysisIssue[];
  /** `null` when no estimate was made (AI off for the room, no provider, or the provider failed). */
  complexity: ComplexityEstimate | null;
}

export interface AnalysisJob {
  id: string;
  status: JobStatus;
  createdAt: Timestamp;
  completedAt: Timestamp | null;
  error: JobError | null;
  result: AnalysisResult | null;
}
