import { useEffect, useState } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import { PRESENCE_RENEW_MS, type DocConnection } from './collab/doc-connection.ts';

/**
 * A presence not renewed for this long shows as reconnecting. Clients renew every PRESENCE_RENEW_MS, so a
 * silent connection shows within renew + stale (14 s), well before the server's 30 s awareness timeout.
 */
export const PRESENCE_STALE_MS = 2.5 * PRESENCE_RENEW_MS;
const RECHECK_MS = 1000;

export interface Presence {
  /** Users with a live, recently renewed awareness state (connected right now). */
  online: Set<string>;
  /** Users whose every state stopped being renewed: their connection went silent; they may come back. */
  reconnecting: Set<string>;
}

/** Presence of the document's users, from awareness states and when each was last renewed. */
export function useOnlineUsers(conn: DocConnection): Presence {
  const [presence, setPresence] = useState<Presence>(() => ({ online: new Set(), reconnecting: new Set() }));
  useEffect(() => {
    let awareness = conn.provider.awareness;
    const read = () => {
      const next = presenceOf(awareness, Date.now());
      setPresence((prev) => (sameSet(prev.online, next.online) && sameSet(prev.reconnecting, next.reconnecting) ? prev : next));
    };
    awareness.on('update', read);
    const onReplaced = () => {
      awareness.off('update', read);
      awareness = conn.provider.awareness;
      awareness.on('update', read);
      read();
    };
    conn.on('doc-replaced', onReplaced);
    const recheck = setInterval(read, RECHECK_MS);
    read();
    return () => {
      clearInterval(recheck);
      awareness.off('update', read);
      conn.off('doc-replaced', onReplaced);
    };
  }, [conn]);
  return presence;
}

function presenceOf(awareness: Awareness, now: number): Presence {
  const online = new Set<string>();
  const silent = new Set<string>();
  awareness.getStates().forEach((s, clientId) => {
    const id = (s as { user?: { id?: string } }).user?.id;
    if (!id) return;
    const renewedAt = clientId === awareness.clientID ? now : (awareness.meta.get(clientId)?.lastUpdated ?? now);
    (now - renewedAt > PRESENCE_STALE_MS ? silent : online).add(id);
  });
  const reconnecting = new Set([...silent].filter((id) => !online.has(id)));
  return { online, reconnecting };
}

function sameSet(a: Set<string>, b: Set<string>): boolean {
  return a.size === b.size && [...a].every((x) => b.has(x));
}
