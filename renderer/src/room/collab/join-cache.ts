// The last JoinRoomResponse per server + room, so that a reload while offline can still open the room
// from its local copy (the collab token inside is reused if still valid, else renewed on reconnect).
import type { JoinRoomResponse } from '../../api/types.ts';

const key = (server: string, roomId: string) => `syncode.join:${server}:${roomId}`;

/**
 * `joinedAt` is when the token was issued; later saves of a fresher RoomDetail keep it. `clockOffsetMs` is
 * the server-clock offset the saved timer was read with (its `serverTime` is stale by the time it is read).
 */
export function rememberJoin(server: string, join: JoinRoomResponse, joinedAt = Date.now(), clockOffsetMs?: number): void {
  try {
    localStorage.setItem(key(server, join.room.id), JSON.stringify({ savedAt: joinedAt, join, clockOffsetMs }));
  } catch {
    // Storage full or disabled: offline reload will not work, the live room still does.
  }
}

export interface CachedJoin {
  join: JoinRoomResponse;
  clockOffsetMs?: number;
}

/** A cached join younger than `maxAgeMs`, or null. */
export function recallJoin(server: string, roomId: string, maxAgeMs = Infinity): CachedJoin | null {
  try {
    const raw = localStorage.getItem(key(server, roomId));
    if (!raw) return null;
    const { savedAt, join, clockOffsetMs } = JSON.parse(raw) as { savedAt: number; join: JoinRoomResponse; clockOffsetMs?: number };
    return Date.now() - savedAt <= maxAgeMs ? { join, clockOffsetMs } : null;
  } catch {
    return null;
  }
}
