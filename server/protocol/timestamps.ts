/** A wire `timestamp`: RFC 3339 UTC with milliseconds (`2026-03-01T12:00:00.000Z`). */
export function toTimestamp(ms: number | Date = Date.now()): string {
  return new Date(ms).toISOString();
}

/** Parses a stored or client timestamp back to epoch ms (validated upstream by zTimestamp). */
export function fromTimestamp(value: string): number {
  return Date.parse(value);
}

/** Same as toTimestamp, keeping null. */
export function toTimestampOrNull(ms: number | null | undefined): string | null {
  return ms === null || ms === undefined ? null : toTimestamp(ms);
}
