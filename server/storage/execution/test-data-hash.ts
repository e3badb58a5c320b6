import { createHash } from 'node:crypto';

/** Key of one test's text in `exec_test_data`: submissions of the same problem share their inputs. */
export function testDataHash(input: string, expectedOutput: string): string {
  return createHash('sha256').update(input).update('\0').update(expectedOutput).digest('hex');
}
