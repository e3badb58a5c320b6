// One rule for "this participant's connection went silent", shared by the People list and the remote
// cursors of the editor and the whiteboard, so all three agree on who is reconnecting.
import type { Awareness } from 'y-protocols/awareness';
import { PRESENCE_RENEW_MS } from './doc-connection.ts';

/**
 * A presence not renewed for this long counts as silent. Clients renew every PRESENCE_RENEW_MS, so a silent
 * connection shows within renew + stale (14 s), well before the server's 30 s awareness timeout.
 */
export const PRESENCE_STALE_MS = 2.5 * PRESENCE_RENEW_MS;
/** Silence begins without any event, so it is rechecked this often. */
export const SILENCE_RECHECK_MS = 1000;

/** Whether a remote client's awareness state stopped being renewed; our own never is. */
export function isSilent(awareness: Awareness, clientId: number, now: number): boolean {
  if (clientId === awareness.clientID) return false;
  const renewedAt = awareness.meta.get(clientId)?.lastUpdated ?? now;
  return now - renewedAt > PRESENCE_STALE_MS;
}

/**
 * Calls `onChange` with the silent remote clients whenever that set changes: a renewal (awareness 'update')
 * ends a silence, the periodic recheck notices one beginning. Returns the function that stops watching.
 */
export function watchSilentClients(awareness: Awareness, onChange: (silent: ReadonlySet<number>) => void): () => void {
  let silent = new Set<number>();
  const check = () => {
    const now = Date.now();
    const next = new Set<number>();
    for (const clientId of awareness.getStates().keys()) if (isSilent(awareness, clientId, now)) next.add(clientId);
    if (next.size === silent.size && [...next].every((id) => silent.has(id))) return;
    silent = next;
    onChange(silent);
  };
  awareness.on('update', check);
  const timer = setInterval(check, SILENCE_RECHECK_MS);
  return () => {
    clearInterval(timer);
    awareness.off('update', check);
  };
}
