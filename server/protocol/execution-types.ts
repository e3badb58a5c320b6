// Run and submission results as the API returns them.

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
