// A NUL character (U+0000) in the code or the input: pasted from a binary file or a terminal, invisible in the
// editor, refused by every compiler and interpreter, and by the server (it cannot store it).
import { nulCharacterLine } from '../../../../server/protocol/validation.ts';

/** Why the code or stdin cannot be sent, naming the line to fix; null when both are fine. */
export function nulCharacterRefusal(code: string, stdin: string): string | null {
  const line = nulCharacterLine(code);
  if (line !== null) {
    return `Line ${line} of the code holds an invisible NUL character (U+0000), which no compiler or interpreter accepts. Delete it and try again.`;
  }
  if (nulCharacterLine(stdin) !== null) return 'The input (stdin) holds an invisible NUL character (U+0000). Delete it and try again.';
  return null;
}
