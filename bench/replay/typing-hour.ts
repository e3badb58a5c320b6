// A scripted hour of an interview's typing, reproducible (seeded): bursts of 3–5 keys per second, pauses to think
// or talk, backspaces, the odd deleted line, and the interviewer adding a few comments. Times are virtual: the
// script says when each key would fall, the benchmark sends them as fast as the server takes them.

export type Who = 'candidate' | 'interviewer';
export type KeyOp = { t: number; who: Who } & ({ kind: 'insert'; text: string } | { kind: 'backspace' } | { kind: 'delete-line' });

const SOLUTION = `from collections import Counter, defaultdict
import heapq


def top_k_frequent(nums: list[int], k: int) -> list[int]:
    counts = Counter(nums)
    buckets = defaultdict(list)
    for value, count in counts.items():
        buckets[count].append(value)
    result = []
    for count in range(len(nums), 0, -1):
        for value in buckets[count]:
            result.append(value)
            if len(result) == k:
                return result
    return result


def top_k_heap(nums, k):
    counts = Counter(nums)
    return heapq.nlargest(k, counts.keys(), key=counts.get)


if __name__ == "__main__":
    print(top_k_frequent([1, 1, 1, 2, 2, 3], 2))
    print(top_k_heap([4, 4, 5, 6, 6, 6], 1))
`;

const COMMENTS = ['# what is the complexity here?', '# try an empty list', '# can you avoid sorting?', '# nice, now the heap version'];

/** Mulberry32: a small seeded generator, so every run types the same hour. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function typingHour(seconds = 3600, seed = 42): KeyOp[] {
  const rnd = random(seed);
  const between = (lo: number, hi: number) => lo + rnd() * (hi - lo);
  const ops: KeyOp[] = [];
  let t = between(30, 90); // introductions before the first key
  let source = 0; // position in the candidate's solution, which they type over and over (rewrites)
  let comment = 0;
  while (t < seconds) {
    const who: Who = rnd() < 0.1 ? 'interviewer' : 'candidate';
    if (who === 'interviewer') {
      const text = COMMENTS[comment++ % COMMENTS.length]! + '\n';
      for (const ch of text) {
        ops.push({ t, who, kind: 'insert', text: ch });
        t += 1 / between(3, 5);
      }
    } else {
      const burstEnd = t + between(5, 40);
      const rate = between(3, 5);
      while (t < burstEnd) {
        const roll = rnd();
        if (roll < 0.08) ops.push({ t, who, kind: 'backspace' });
        else if (roll < 0.081) ops.push({ t, who, kind: 'delete-line' });
        else {
          let ch = SOLUTION[source++ % SOLUTION.length]!;
          // Enter and the editor's auto-indent arrive as one edit.
          if (ch === '\n') while (SOLUTION[source % SOLUTION.length] === ' ') ch += SOLUTION[source++ % SOLUTION.length];
          ops.push({ t, who, kind: 'insert', text: ch });
        }
        t += 1 / (rate * between(0.7, 1.3));
      }
    }
    t += between(3, 45); // thinking, talking, running the code
  }
  return ops.filter((op) => op.t < seconds);
}
