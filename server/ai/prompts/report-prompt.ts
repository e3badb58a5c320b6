// The training report of a finished session for one subject: overall score, the five dimensions with
// evidence, strengths, improvements, and the weaknesses this session showed (tags that the cross-session
// weakness view aggregates).
import * as z from 'zod';
import type { ChatMessage } from '../chat-client.ts';
import type { SessionContext } from '../ai-context.ts';
import { describeCode, describeProblem, describeSubmission } from './room-context.ts';
import { zModelDimension, zModelEvidence, zScore } from './evidence-schema.ts';

/** Suggested weakness tags; the model may use others of the same form. */
export const WEAKNESS_TAGS = [
  'edge-cases',
  'complexity-analysis',
  'testing',
  'problem-understanding',
  'communication',
  'data-structures',
  'algorithm-choice',
  'off-by-one',
  'code-organization',
  'naming',
  'language-fluency',
  'debugging',
  'time-management',
] as const;

export const zModelWeakness = z.object({
  tag: z
    .string()
    .transform((s) => s.trim().toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, ''))
    .pipe(z.string().min(1).max(40)),
  label: z.string().min(1).max(80),
  severity: z.number().transform((n) => Math.min(1, Math.max(0, n))),
  evidence: z.array(zModelEvidence).max(5),
});
export type ModelWeakness = z.infer<typeof zModelWeakness>;

export const zModelReport = z.object({
  overallScore: zScore,
  summary: z.string(),
  dimensions: z.array(zModelDimension),
  strengths: z.array(z.string()).max(10),
  improvements: z.array(z.string()).max(10),
  weaknesses: z.array(zModelWeakness).max(8),
});
export type ModelReport = z.infer<typeof zModelReport>;

export function reportMessages(ctx: SessionContext, conversation: readonly ChatMessage[]): ChatMessage[] {
  const submissions = ctx.submissions.length === 0 ? 'none' : ctx.submissions.map((s, i) => `${i + 1}. ${describeSubmission(s)}`).join('\n');
  const minutes = ctx.durationMs === null ? 'unknown' : `${Math.round(ctx.durationMs / 60_000)} min`;
  const transcript =
    conversation.length === 0
      ? 'The candidate did not talk to the AI interviewer.'
      : conversation.map((m) => `${m.role === 'user' ? 'Candidate' : 'Interviewer'}: ${m.content}`).join('\n\n');
  const system = `You write the training report of a finished coding-interview session for the candidate.
Score fairly from the evidence: the final code, the submissions and the conversation. Quote the code with line numbers as evidence.
Answer with a JSON object:
- "overallScore": 0-100
- "summary": 3-5 sentences
- "dimensions": one entry for each of problem-solving, code-quality, communication, testing, efficiency (name, score 0-100, summary, evidence: [{line, quote, note}])
- "strengths", "improvements": short sentences
- "weaknesses": what the candidate should practise, each {tag, label, severity 0-1 (1 = weakest), evidence}. Use tags such as ${WEAKNESS_TAGS.join(', ')} (kebab-case).

# Session
${ctx.mode} session, ${minutes}, ${ctx.runs} runs, ${ctx.hintsUsed} hints.

${describeProblem(ctx.problem)}

${describeCode(ctx.finalCode, ctx.language)}

## Submissions
${submissions}

## Conversation with the AI interviewer
${transcript}`;
  return [
    { role: 'system', content: system },
    { role: 'user', content: 'Write my training report.' },
  ];
}
