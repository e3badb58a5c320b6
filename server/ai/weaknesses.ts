// Weaknesses across sessions: the weaknesses each ready training report found, grouped by tag. Severity is
// the mean of the tag's last three sightings; the trend compares the latest sighting with the ones before
// it; evidence is the most recent first, at most five.
import type { WeaknessEntry } from '../protocol/api/ai.ts';
import { toTimestamp } from '../protocol/timestamps.ts';
import type { ReportRecord } from '../storage/ai/index.ts';
import { toEvidence } from './prompts/evidence-schema.ts';
import type { SessionWeakness } from './training-reports.ts';

const RECENT = 3;
const TREND_STEP = 0.1;
const MAX_EVIDENCE = 5;

interface Sighting {
  weakness: SessionWeakness;
  roomId: string;
  finishedAt: number;
}

/** `reports`: one user's ready reports, oldest session first. Sorted by severity, highest first. */
export function aggregateWeaknesses(reports: readonly ReportRecord[]): WeaknessEntry[] {
  const byTag = new Map<string, Sighting[]>();
  for (const report of reports) {
    for (const weakness of (report.weaknesses ?? []) as SessionWeakness[]) {
      const list = byTag.get(weakness.tag) ?? [];
      list.push({ weakness, roomId: report.roomId, finishedAt: report.finishedAt });
      byTag.set(weakness.tag, list);
    }
  }
  const entries: WeaknessEntry[] = [];
  for (const [tag, sightings] of byTag) {
    const latest = sightings[sightings.length - 1]!;
    const recent = sightings.slice(-RECENT).map((s) => s.weakness.severity);
    const earlier = sightings.slice(0, -1).map((s) => s.weakness.severity);
    entries.push({
      tag,
      label: latest.weakness.label,
      severity: round2(mean(recent)),
      occurrences: sightings.length,
      trend: trendOf(latest.weakness.severity, earlier),
      lastSeenAt: toTimestamp(latest.finishedAt),
      evidence: sightings
        .toReversed()
        .flatMap((s) => s.weakness.evidence.map((e) => toEvidence(e, s.roomId, s.weakness.snapshotId)))
        .slice(0, MAX_EVIDENCE),
    });
  }
  return entries.sort((a, b) => b.severity - a.severity || b.occurrences - a.occurrences || a.tag.localeCompare(b.tag));
}

function trendOf(latest: number, earlier: number[]): WeaknessEntry['trend'] {
  if (earlier.length === 0) return 'stable';
  const before = mean(earlier);
  if (latest <= before - TREND_STEP) return 'improving';
  if (latest >= before + TREND_STEP) return 'worsening';
  return 'stable';
}

function mean(values: number[]): number {
  return values.reduce((a, b) => a + b, 0) / values.length;
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}
