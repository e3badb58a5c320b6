import { useEffect, useState } from 'react';
import type { DocConnection } from './collab/doc-connection.ts';

/** User ids with a live awareness state on the document (i.e. connected right now). */
export function useOnlineUsers(conn: DocConnection): Set<string> {
  const [online, setOnline] = useState<Set<string>>(() => new Set());
  useEffect(() => {
    let awareness = conn.provider.awareness;
    const read = () => {
      const ids = new Set<string>();
      awareness.getStates().forEach((s) => {
        const id = (s as { user?: { id?: string } }).user?.id;
        if (id) ids.add(id);
      });
      setOnline((prev) => (sameSet(prev, ids) ? prev : ids));
    };
    awareness.on('change', read);
    const onReplaced = () => {
      awareness.off('change', read);
      awareness = conn.provider.awareness;
      awareness.on('change', read);
      read();
    };
    conn.on('doc-replaced', onReplaced);
    read();
    return () => {
      awareness.off('change', read);
      conn.off('doc-replaced', onReplaced);
    };
  }, [conn]);
  return online;
}

function sameSet(a: Set<string>, b: Set<string>): boolean {
  return a.size === b.size && [...a].every((x) => b.has(x));
}
