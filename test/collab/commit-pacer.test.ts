// The group-commit pacer: a quiet plane commits on the next turn; a busy one spaces its commits so each
// transaction carries several turns' updates. Time is passed in, so the rule is checked exactly.
import { describe, expect, it } from 'vitest';
import { CommitPacer } from '../../server/collab/commit-pacer.ts';

describe('CommitPacer', () => {
  it('adds no delay while the update rate is low', () => {
    const pacer = new CommitPacer();
    for (let t = 0; t <= 2000; t += 25) {
      expect(pacer.delayBeforeCommit(t)).toBe(0);
      pacer.committed(t, 1); // 40 updates/s, as one room of two typists
    }
  });

  it('spaces commits 2 ms apart once the rate is high, and stops when it falls again', () => {
    const pacer = new CommitPacer();
    let t = 0;
    for (; t < 600; t += 1) pacer.committed(t, 2); // 2000 updates/s
    expect(pacer.delayBeforeCommit(t)).toBeCloseTo(1, 5);
    expect(pacer.delayBeforeCommit(t + 2)).toBe(0);
    for (t += 100; t < 1400; t += 100) pacer.committed(t, 1); // 10 updates/s
    expect(pacer.delayBeforeCommit(t - 99)).toBe(0);
  });
});
