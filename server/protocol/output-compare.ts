// The judge's output comparison, shared so that a client checking a run against an example's expected
// output decides exactly as a submission would.

/** CRLF → LF, strip trailing whitespace on each line, strip trailing empty lines. */
export function normalizeOutput(text: string): string {
  const lines = text.replace(/\r\n/g, '\n').split('\n').map((line) => line.replace(/\s+$/, ''));
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines.join('\n');
}

export function outputsMatch(actual: string, expected: string): boolean {
  return normalizeOutput(actual) === normalizeOutput(expected);
}
