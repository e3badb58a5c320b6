// The last JoinRoomResponse per server + room, so that a reload while offline can still open the room
// from its local copy (the collab token inside is reused if still valid, else renewed on reconnect).
import type { JoinRoomResponse } from '../../api/types.ts';

const key = (server: string, roomId: string) => `syncode.join:${server}:${roomId}`;

export function rememberJoin(server: string, join: JoinRoomResponse): void {
  try {
    localStorage.setItem(key(server, join.room.id), JSON.stringify({ savedAt: Date.now(), join }));
  } catch {
    // Storage full or disabled: offline reload will not work, the live room still does.
  }
}

/** A cached join younger than `maxAgeMs`, or null. */
export function recallJoin(server: string, roomId: string, maxAgeMs = Infinity): JoinRoomResponse | null {
  try {
    const raw = localStorage.getItem(key(server, roomId));
    if (!raw) return null;
    const { savedAt, join } = JSON.parse(raw) as { savedAt: number; join: JoinRoomResponse };
    return Date.now() - savedAt <= maxAgeMs ? join : null;
  } catch {
    return null;
  }
}

export function forgetJoin(server: string, roomId: string): void {
  localStorage.removeItem(key(server, roomId));
}
