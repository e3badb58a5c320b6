export function formatTime(ts: string | null): string {
  return ts ? new Date(ts).toLocaleString() : '—';
}

export function formatDuration(ms: number | null): string {
  if (ms === null) return '—';
  const m = Math.round(ms / 60_000);
  return m < 60 ? `${m} min` : `${Math.floor(m / 60)} h ${m % 60} min`;
}
