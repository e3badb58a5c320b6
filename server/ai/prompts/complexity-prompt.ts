// Time and space complexity of a piece of code, in big-O notation, as structured output.
import * as z from 'zod';
import type { ChatMessage } from '../chat-client.ts';
import type { SupportedLanguage } from '../../protocol/index.ts';
import { excerpt } from './room-context.ts';

export const zModelComplexity = z.object({ time: z.string().min(1).max(100), space: z.string().min(1).max(100) });

export function complexityMessages(input: { code: string; language: SupportedLanguage; problemStatement?: string }): ChatMessage[] {
  const problem = input.problemStatement ? `\n\nThe problem it solves:\n${excerpt(input.problemStatement, 8000)}` : '';
  return [
    {
      role: 'system',
      content: `You estimate the worst-case time and space complexity of code in big-O notation, naming the variables (e.g. "O(n log n)", "O(n + m)").
Answer with a JSON object {"time": "...", "space": "..."} and nothing else.${problem}`,
    },
    { role: 'user', content: `\`\`\`${input.language}\n${excerpt(input.code, 24_000)}\n\`\`\`` },
  ];
}
