import { useEffect, useState } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import type { DocConnection } from './collab/doc-connection.ts';
import { isSilent, SILENCE_RECHECK_MS } from './collab/silent-peers.ts';

export interface Presence {
  /** Users with a live, recently renewed awareness state (connected right now). */
  online: Set<string>;
  /** Users whose every state stopped being renewed: their connection went silent; they may come back. */
  reconnecting: Set<string>;
  /** This client's connection, once up, is down: it cannot know whether the others are there. */
  selfOffline: boolean;
}

/**
 * Presence of the document's users, from awareness states and when each was last renewed. This client's own user
 * is reconnecting while its connection, once up, is down: its awareness state is always fresh locally.
 */
export function useOnlineUsers(conn: DocConnection): Presence {
  const [presence, setPresence] = useState<Presence>(() => ({ online: new Set(), reconnecting: new Set(), selfOffline: false }));
  useEffect(() => {
    let awareness = conn.provider.awareness;
    let wasConnected = false;
    const read = () => {
      const connected = conn.state === 'syncing' || conn.state === 'synced';
      wasConnected ||= connected;
      const next = presenceOf(awareness, Date.now(), wasConnected && !connected);
      setPresence((prev) =>
        sameSet(prev.online, next.online) && sameSet(prev.reconnecting, next.reconnecting) && prev.selfOffline === next.selfOffline ? prev : next,
      );
    };
    awareness.on('update', read);
    const onReplaced = () => {
      awareness.off('update', read);
      awareness = conn.provider.awareness;
      awareness.on('update', read);
      read();
    };
    conn.on('doc-replaced', onReplaced);
    conn.on('state', read);
    const recheck = setInterval(read, SILENCE_RECHECK_MS);
    read();
    return () => {
      clearInterval(recheck);
      awareness.off('update', read);
      conn.off('doc-replaced', onReplaced);
      conn.off('state', read);
    };
  }, [conn]);
  return presence;
}

function presenceOf(awareness: Awareness, now: number, selfOffline: boolean): Presence {
  const online = new Set<string>();
  const silent = new Set<string>();
  awareness.getStates().forEach((s, clientId) => {
    const id = (s as { user?: { id?: string } }).user?.id;
    if (!id) return;
    const live = clientId === awareness.clientID ? !selfOffline : !isSilent(awareness, clientId, now);
    (live ? online : silent).add(id);
  });
  const reconnecting = new Set([...silent].filter((id) => !online.has(id)));
  return { online, reconnecting, selfOffline };
}

function sameSet(a: Set<string>, b: Set<string>): boolean {
  return a.size === b.size && [...a].every((x) => b.has(x));
}
