// Opens the room: a fresh join (or the one the join screen just made), falling back to the cached join
// when the server is unreachable so that an offline reload still shows the local copy.
import { useEffect, useState, useSyncExternalStore } from 'react';
import type { ApiClient } from '../api/api-client.ts';
import { ClientErrorCode, isApiError } from '../api/api-client.ts';
import { recallJoin } from './collab/join-cache.ts';
import { RoomConnection } from './collab/room-connection.ts';
import type { RoomView } from './collab/room-view.ts';
import { joinRoom } from './room-actions.ts';

/** A join made by the join screen this long ago is reused instead of joining twice. */
const FRESH_JOIN_MS = 30_000;

export type RoomOpening = { kind: 'opening' } | { kind: 'failed'; error: unknown } | { kind: 'open'; conn: RoomConnection; offline: boolean };

export function useRoomConnection(api: ApiClient, roomId: string): RoomOpening {
  const [opening, setOpening] = useState<RoomOpening>({ kind: 'opening' });
  useEffect(() => {
    let conn: RoomConnection | null = null;
    let cancelled = false;
    (async () => {
      let cached = recallJoin(api.baseUrl, roomId, FRESH_JOIN_MS);
      let offline = false;
      if (!cached) {
        try {
          const join = await joinRoom(api, roomId);
          cached = { join };
        } catch (error) {
          cached = isApiError(error) && error.code === ClientErrorCode.NETWORK_UNREACHABLE ? recallJoin(api.baseUrl, roomId) : null;
          if (!cached) {
            if (!cancelled) setOpening({ kind: 'failed', error });
            return;
          }
          offline = true;
        }
      }
      if (cancelled) return;
      conn = new RoomConnection(api, cached.join, cached.clockOffsetMs);
      setOpening({ kind: 'open', conn, offline });
    })();
    return () => {
      cancelled = true;
      conn?.close();
    };
  }, [api, roomId]);
  return opening;
}

export function useRoomView(conn: RoomConnection): RoomView {
  return useSyncExternalStore(conn.subscribe, conn.getView);
}
