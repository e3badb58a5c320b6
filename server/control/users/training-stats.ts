// GET /v1/users/me/stats: one point per UTC bucket between `from` and `to`,
// empty buckets included. Sessions come from the rooms side (RoomDirectory), runs and submissions from
// the recorded execution outcomes.
import type { StatsBucket, TrainingStats } from '../../protocol/api/users.ts';
import type { ExecutionOutcome } from '../../storage/control/outcomes-repository.ts';
import type { FinishedSessionFact } from '../room-directory.ts';
import { toTimestamp } from '../../protocol/timestamps.ts';
import { validationFailed } from '../../protocol/validation.ts';

export const MAX_STATS_BUCKETS = 366;
const DAY = 24 * 3600 * 1000;

/** Start of the UTC bucket containing `ms`: midnight, Monday midnight (ISO week), or the 1st of the month. */
export function bucketStart(ms: number, bucket: StatsBucket): number {
  const d = new Date(ms);
  const midnight = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
  switch (bucket) {
    case 'day':
      return midnight;
    case 'week':
      return midnight - ((d.getUTCDay() + 6) % 7) * DAY;
    case 'month':
      return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
  }
}

function nextBucket(start: number, bucket: StatsBucket): number {
  if (bucket === 'month') {
    const d = new Date(start);
    return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
  }
  return start + (bucket === 'week' ? 7 : 1) * DAY;
}

/** Bucket starts covering [from, to); VALIDATION_FAILED when from ≥ to or more than 366 buckets. */
export function bucketStarts(from: number, to: number, bucket: StatsBucket): number[] {
  if (!(from < to)) throw validationFailed([{ path: 'from', message: 'must be earlier than to' }]);
  const starts: number[] = [];
  for (let s = bucketStart(from, bucket); s < to; s = nextBucket(s, bucket)) {
    if (starts.length === MAX_STATS_BUCKETS) {
      throw validationFailed([{ path: 'bucket', message: `the range spans more than ${MAX_STATS_BUCKETS} buckets` }]);
    }
    starts.push(s);
  }
  return starts;
}

export function buildTrainingStats(
  range: { from: number; to: number; bucket: StatsBucket },
  sessions: readonly FinishedSessionFact[],
  outcomes: readonly ExecutionOutcome[],
): TrainingStats {
  const starts = bucketStarts(range.from, range.to, range.bucket);
  const indexOf = (ms: number): number => {
    // Buckets are few (≤ 366): a binary search keeps this O(log n) per fact anyway.
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= ms) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  const acc = starts.map(() => ({ sessions: 0, durationMs: 0, runs: 0, submissions: 0, accepted: 0, solved: new Set<string>(), scores: [] as number[] }));
  for (const s of sessions) {
    if (s.finishedAt < range.from || s.finishedAt >= range.to) continue;
    const a = acc[indexOf(s.finishedAt)]!;
    a.sessions++;
    a.durationMs += s.durationMs ?? 0;
    if (s.overallScore !== null) a.scores.push(s.overallScore);
  }
  for (const o of outcomes) {
    if (o.completedAt < range.from || o.completedAt >= range.to) continue;
    const a = acc[indexOf(o.completedAt)]!;
    if (o.kind === 'run') a.runs++;
    else {
      a.submissions++;
      if (o.verdict === 'ACCEPTED') {
        a.accepted++;
        if (o.problemId) a.solved.add(o.problemId);
      }
    }
  }
  return {
    bucket: range.bucket,
    from: toTimestamp(range.from),
    to: toTimestamp(range.to),
    points: starts.map((start, i) => {
      const a = acc[i]!;
      return {
        periodStart: toTimestamp(start),
        sessions: a.sessions,
        practiceMinutes: Math.round(a.durationMs / 60_000),
        runs: a.runs,
        submissions: a.submissions,
        accepted: a.accepted,
        problemsSolved: a.solved.size,
        averageScore: a.scores.length === 0 ? null : a.scores.reduce((x, y) => x + y, 0) / a.scores.length,
      };
    }),
  };
}
