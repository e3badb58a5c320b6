// Execution schemas (run/submit results, verdicts) as zod, mirroring the TypeScript types of
// ../execution-types.ts (the execution plane's wire types); used for the OpenAPI document and tests.
import * as z from 'zod';
import { VERDICTS } from '../enums.ts';
import { zJobStatus, zSupportedLanguage, zTimestamp, zUuid } from './common.ts';

const zVerdict = z.enum(VERDICTS);
const zJobError = z.object({ code: z.string(), message: z.string() });

export const zExecutionResult = z.object({
  stdout: z.string(),
  stderr: z.string(),
  stdoutTruncated: z.boolean(),
  stderrTruncated: z.boolean(),
  exitCode: z.number().int().nullable(),
  timeMs: z.number().int(),
  memoryKb: z.number().int(),
  verdict: zVerdict,
});

export const zRunResult = z.object({
  id: zUuid,
  roomId: zUuid,
  userId: zUuid,
  language: zSupportedLanguage,
  stdin: z.string(),
  status: zJobStatus,
  result: zExecutionResult.nullable(),
  error: zJobError.nullable(),
  createdAt: zTimestamp,
  completedAt: zTimestamp.nullable(),
});

export const zTestResult = z.object({
  testCaseId: zUuid,
  index: z.number().int(),
  hidden: z.boolean(),
  verdict: zVerdict,
  timeMs: z.number().int(),
  memoryKb: z.number().int(),
  input: z.string().nullable(),
  expectedOutput: z.string().nullable(),
  actualOutput: z.string().nullable(),
  stderr: z.string().nullable(),
});

export const zSubmissionSummary = z.object({
  id: zUuid,
  roomId: zUuid,
  userId: zUuid,
  problemId: zUuid,
  language: zSupportedLanguage,
  snapshotId: zUuid,
  status: zJobStatus,
  verdict: zVerdict.nullable(),
  passed: z.number().int(),
  total: z.number().int(),
  createdAt: zTimestamp,
  completedAt: zTimestamp.nullable(),
});

export const zSubmissionResult = zSubmissionSummary.extend({
  tests: z.array(zTestResult),
  compileOutput: z.string().nullable(),
  maxTimeMs: z.number().int().nullable(),
  maxMemoryKb: z.number().int().nullable(),
  error: zJobError.nullable(),
});
