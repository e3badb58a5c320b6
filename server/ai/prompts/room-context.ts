// The context block every room prompt shares: the problem statement with its examples, the phase, the
// code and language, and the latest run and submission. Long texts are cut so a prompt stays bounded.
import type { ProblemContext, RoomContext, RunContext, SubmissionContext } from '../ai-context.ts';

const OUTPUT_EXCERPT = 2000;
const CODE_LIMIT = 24_000;

export function excerpt(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max)}\n… (${text.length - max} more characters cut)`;
}

export function describeProblem(problem: ProblemContext | null): string {
  if (!problem) return 'No problem is selected yet.';
  const parts = [`## Problem: ${problem.title} (${problem.difficulty})`, problem.description];
  if (problem.constraints.length > 0) parts.push(`Constraints:\n${problem.constraints.map((c) => `- ${c}`).join('\n')}`);
  problem.examples.forEach((e, i) => {
    parts.push(`Example ${i + 1}:\nInput:\n${e.input}\nOutput:\n${e.output}${e.explanation ? `\nExplanation: ${e.explanation}` : ''}`);
  });
  return parts.join('\n\n');
}

export function describeCode(code: string | null, language: string): string {
  if (code === null || code.trim() === '') return `The candidate has not written any ${language} code yet.`;
  return `## Current code (${language})\n\`\`\`${language}\n${excerpt(code, CODE_LIMIT)}\n\`\`\``;
}

function describeRun(run: RunContext | null): string | null {
  if (!run) return null;
  const lines = [`## Last run: ${run.status}${run.verdict ? `, ${run.verdict}` : ''}`];
  if (run.stdin) lines.push(`stdin:\n${excerpt(run.stdin, OUTPUT_EXCERPT)}`);
  if (run.stdout) lines.push(`stdout:\n${excerpt(run.stdout, OUTPUT_EXCERPT)}`);
  if (run.stderr) lines.push(`stderr:\n${excerpt(run.stderr, OUTPUT_EXCERPT)}`);
  return lines.join('\n');
}

export function describeSubmission(s: SubmissionContext): string {
  const result = s.verdict ? `${s.verdict}, ${s.passed}/${s.total} tests passed` : s.status;
  return s.compileOutput ? `${result}\nCompiler output:\n${excerpt(s.compileOutput, OUTPUT_EXCERPT)}` : result;
}

export function describeRoom(ctx: RoomContext): string {
  const parts = [
    `Session: ${ctx.mode} room, phase "${ctx.phase}". Hints given so far: ${ctx.hintsUsed}.`,
    describeProblem(ctx.problem),
    describeCode(ctx.code, ctx.language),
  ];
  const run = describeRun(ctx.lastRun);
  if (run) parts.push(run);
  if (ctx.lastSubmission) parts.push(`## Last submission: ${describeSubmission(ctx.lastSubmission)}`);
  return parts.join('\n\n');
}
