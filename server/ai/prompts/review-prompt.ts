// Code review: a CodeReview (summary, score, dimension scores, line comments) as structured output.
import * as z from 'zod';
import type { ChatMessage } from '../chat-client.ts';
import type { RoomContext } from '../ai-context.ts';
import type { CodeReview } from '../../protocol/api/ai.ts';
import { describeRoom } from './room-context.ts';
import { toEvidence, zModelDimension, zScore } from './evidence-schema.ts';

export const zModelReview = z.object({
  summary: z.string(),
  score: zScore,
  dimensions: z.array(zModelDimension),
  comments: z.array(
    z.object({ line: z.number().int().min(1).nullable(), severity: z.enum(['error', 'warning', 'info']), message: z.string() }),
  ),
});
export type ModelReview = z.infer<typeof zModelReview>;

export function reviewMessages(ctx: RoomContext): ChatMessage[] {
  const system = `You review code written during a coding interview, as a senior engineer would before the interviewer writes their own notes.
Judge correctness against the problem, edge cases, complexity, readability and testing. Be specific and fair.
Answer with a JSON object: "summary" (2-4 sentences), "score" (0-100), "dimensions" (one entry for each of problem-solving, code-quality, testing, efficiency: name, score 0-100, summary, evidence with line numbers of the code, a short quote and a note), and "comments" (line comments: line number in the code or null, severity error|warning|info, message).

# Context
${describeRoom(ctx)}`;
  return [
    { role: 'system', content: system },
    { role: 'user', content: 'Review my code.' },
  ];
}

export function toCodeReview(review: ModelReview, sessionId: string): CodeReview {
  return {
    summary: review.summary,
    score: review.score,
    dimensions: review.dimensions.map((d) => ({ ...d, evidence: d.evidence.map((e) => toEvidence(e, sessionId, null)) })),
    comments: review.comments,
  };
}
