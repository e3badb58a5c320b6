export function formatTime(ts: string | null): string {
  return ts ? new Date(ts).toLocaleString() : '—';
}

/** A session's length as people say it: seconds under a minute ('0 min' read as a fault), then minutes and hours. */
export function formatDuration(ms: number | null): string {
  if (ms === null) return '—';
  if (ms < 59_500) return `${Math.round(ms / 1000)} s`;
  const m = Math.round(ms / 60_000);
  return m < 60 ? `${m} min` : `${Math.floor(m / 60)} h ${m % 60} min`;
}
