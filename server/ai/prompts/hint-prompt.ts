// Targeted hints at three levels: 1 a nudge, 2 the approach, 3 a detailed walk-through (still no full code).
import type { ChatMessage } from '../chat-client.ts';
import type { RoomContext } from '../ai-context.ts';
import { describeRoom } from './room-context.ts';

export type HintLevel = 1 | 2 | 3;

const LEVELS: Record<HintLevel, string> = {
  1: 'Give a small nudge: one or two sentences that point the candidate in the right direction (a question to ask themselves, an observation about the input) without naming the algorithm.',
  2: 'Describe the approach: name the key idea or algorithm and the data structures, and why it works, in a short paragraph. No code.',
  3: 'Give a detailed walk-through: the algorithm step by step, the edge cases, and the complexity. Pseudocode for the tricky part is fine; do not write a complete solution in the candidate\'s language.',
};

export function hintMessages(ctx: RoomContext, level: HintLevel): ChatMessage[] {
  const system = `You give hints to a candidate solving a coding interview problem. Look at their current code and results and aim the hint at what they need next.
${LEVELS[level]}
Answer in Markdown, with the hint only.

# Context
${describeRoom(ctx)}`;
  return [
    { role: 'system', content: system },
    { role: 'user', content: `I would like a level ${level} hint.` },
  ];
}
