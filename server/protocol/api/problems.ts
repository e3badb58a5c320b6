// Problem and bookmark schemas: the /v1/problems and bookmark endpoints and their wire shapes.
import * as z from 'zod';
import { zDifficulty, zLimit, zQueryBoolean, zSupportedLanguage, zTimestamp, zUuid } from './common.ts';
import { SUPPORTED_LANGUAGES } from '../enums.ts';

const utf8 = new TextEncoder();
/** Test input / expected output: exact stdin/stdout text, each ≤ 1 MiB as UTF-8. */
const zMax1MiB = z.string().refine((s) => utf8.encode(s).length <= 1024 * 1024, 'must be at most 1 MiB (UTF-8)');

export const PROBLEM_SLUG_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;
export const PROBLEM_TAG_PATTERN = /^[a-z0-9-]{1,32}$/;
export const DEFAULT_TIME_LIMIT_MS = 2000;
export const DEFAULT_MEMORY_LIMIT_KB = 262144;

export const zProblemSummary = z.object({
  id: zUuid,
  slug: z.string(),
  title: z.string(),
  difficulty: zDifficulty,
  tags: z.array(z.string()),
  languages: z.array(zSupportedLanguage),
  acceptanceRate: z.number().min(0).max(1).nullable(),
  bookmarked: z.boolean(),
  solved: z.boolean(),
});
export type ProblemSummary = z.infer<typeof zProblemSummary>;

export const zProblemExample = z.object({
  input: z.string(),
  output: z.string(),
  explanation: z.string().nullable(),
});
export type ProblemExample = z.infer<typeof zProblemExample>;

export const zTestCase = z.object({ id: zUuid, input: z.string(), expectedOutput: z.string(), hidden: z.boolean() });
export type TestCase = z.infer<typeof zTestCase>;

/** SupportedLanguage → starter code; keys ⊆ `languages` (checked by the handler). */
export const zStarterCode = z.partialRecord(z.enum(SUPPORTED_LANGUAGES), z.string());

export const zProblemDetail = zProblemSummary.extend({
  description: z.string(),
  constraints: z.array(z.string()),
  examples: z.array(zProblemExample),
  starterCode: zStarterCode,
  testCases: z.array(zTestCase),
  timeLimitMs: z.number().int(),
  memoryLimitKb: z.number().int(),
  createdBy: zUuid,
  createdAt: zTimestamp,
  updatedAt: zTimestamp,
});
export type ProblemDetail = z.infer<typeof zProblemDetail>;

const zProblemInputFields = {
  slug: z.string().min(1).max(80).regex(PROBLEM_SLUG_PATTERN, 'must be lowercase words joined by single hyphens'),
  title: z.string().min(1).max(120),
  difficulty: zDifficulty,
  description: z.string().min(1).max(20000),
  constraints: z.array(z.string()).max(20),
  tags: z.array(z.string().regex(PROBLEM_TAG_PATTERN, 'must match ^[a-z0-9-]{1,32}$')).max(10),
  languages: z.array(zSupportedLanguage).min(1),
  examples: z.array(zProblemExample).max(10),
  starterCode: zStarterCode,
  testCases: z.array(z.object({ input: zMax1MiB, expectedOutput: zMax1MiB, hidden: z.boolean() })).min(1).max(200),
  timeLimitMs: z.number().int().min(100).max(10000),
  memoryLimitKb: z.number().int().min(16384).max(524288),
};

/** ProblemInput (POST /v1/problems). */
export const zProblemInput = z.object({
  ...zProblemInputFields,
  constraints: zProblemInputFields.constraints.optional(),
  examples: zProblemInputFields.examples.optional(),
  starterCode: zProblemInputFields.starterCode.optional(),
  timeLimitMs: zProblemInputFields.timeLimitMs.optional(),
  memoryLimitKb: zProblemInputFields.memoryLimitKb.optional(),
});
export type ProblemInput = z.infer<typeof zProblemInput>;

/** PATCH /v1/problems/:problemId: any subset of ProblemInput; `testCases` replaces the whole list. */
export const zProblemPatch = z.object(zProblemInputFields).partial();
export type ProblemPatch = z.infer<typeof zProblemPatch>;

export const zProblemListQuery = z.object({
  q: z.string().optional(),
  difficulty: zDifficulty.optional(),
  tags: z.string().optional(),
  language: zSupportedLanguage.optional(),
  bookmarked: zQueryBoolean.optional(),
  solved: zQueryBoolean.optional(),
  limit: zLimit(),
  cursor: z.string().min(1).optional(),
});

export const zTagInfo = z.object({ name: z.string(), problemCount: z.number().int() });
export const zTagList = z.object({ items: z.array(zTagInfo) });

export const zBookmark = z.object({ problem: zProblemSummary, createdAt: zTimestamp });
export type Bookmark = z.infer<typeof zBookmark>;
