// Connection truth: what the user sees must match what the server has.
import type { RoomView } from '../collab/room-view.ts';

export function StatusChip({ view }: { view: RoomView }) {
  const { code, whiteboard } = view;
  const pending = code.pending + whiteboard.pending;
  const states = [code.state, whiteboard.state];
  let kind: 'synced' | 'syncing' | 'offline' | 'connecting';
  let text: string;
  const waitMs = view.rateLimitedUntil ? view.rateLimitedUntil - Date.now() : 0;
  if (waitMs > 0 && !states.every((s) => s === 'synced')) {
    // 4029: the server asked us to back off (reconnect after at least 10 s); say so instead of a silent spinner.
    kind = 'offline';
    text = `Too many reconnects — retrying in about ${Math.ceil(waitMs / 1000)} s; edits kept on this device`;
  } else if (states.includes('offline')) {
    kind = 'offline';
    text = pending > 0 ? `Offline — ${pending} edit${pending === 1 ? '' : 's'} kept on this device` : 'Offline — edits kept on this device';
  } else if (states.includes('connecting')) {
    kind = 'connecting';
    text = 'Connecting…';
  } else if (states.includes('syncing') || pending > 0) {
    kind = 'syncing';
    text = pending > 0 ? `Syncing ${pending} edit${pending === 1 ? '' : 's'}…` : 'Syncing…';
  } else {
    kind = 'synced';
    text = 'Synced';
  }
  return (
    <span className={`status-chip ${kind}`} data-testid="sync-status" data-state={kind} role="status">
      <span className="dot" /> {text}
    </span>
  );
}
