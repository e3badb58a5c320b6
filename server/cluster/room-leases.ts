// Room leases: a room's documents live in exactly one process, the holder of the room's lease in Redis
// (`SET key nodeId NX PX 10000`). The holder renews its leases every 3 s; a renewal that finds the lease gone
// (expired while Redis or this process stalled, and perhaps taken by another) reports the room lost, and the
// collab plane unloads it at once, so there are never two live copies for longer than one renewal period.
// A lease whose room is no longer loaded here is released by the same loop.
import type { Logger } from '../server-options.ts';
import type { OwnedKeys } from './owned-keys.ts';
import { KEY_PREFIX } from './redis-client.ts';

export const LEASE_TTL_MS = 10_000;
export const LEASE_RENEW_MS = 3000;
/**
 * A lease taken for a room that did not load (a refused handshake, a failed call) or whose room was unloaded
 * is kept this long after its last use before it is released, so that a room's next connection, arriving
 * while the previous one is still being set up, finds it here.
 */
export const UNUSED_LEASE_GRACE_MS = 10_000;

export const roomLeaseKey = (roomId: string): string => `${KEY_PREFIX}room-owner:${roomId}`;

/** What the leases need to know from the collab plane. */
export interface LeasedRooms {
  /** Whether the room's state (record, documents or timers) is held in this process. */
  isLoaded(roomId: string): boolean;
  /** The lease was lost: close the room's sockets (1012) and unload it without writing anything more. */
  lost(roomId: string): void;
  /** The lease was just taken: whatever is still cached from an earlier ownership is stale and must go. */
  acquired(roomId: string): void;
}

export interface RoomLeaseTimings {
  ttlMs: number;
  renewMs: number;
  graceMs: number;
}

export class RoomLeases {
  readonly nodeId: string;
  readonly #keys: OwnedKeys;
  readonly #log: Logger;
  readonly #timings: RoomLeaseTimings;
  /** roomId → when the lease was last used (taken, or a connection or call routed here). */
  readonly #held = new Map<string, number>();
  #rooms: LeasedRooms | undefined;
  #timer: NodeJS.Timeout | undefined;
  #renewing: Promise<void> | undefined;

  constructor(keys: OwnedKeys, nodeId: string, log: Logger, timings: Partial<RoomLeaseTimings> = {}) {
    this.#keys = keys;
    this.nodeId = nodeId;
    this.#log = log;
    this.#timings = { ttlMs: LEASE_TTL_MS, renewMs: LEASE_RENEW_MS, graceMs: UNUSED_LEASE_GRACE_MS, ...timings };
  }

  /** Starts the renewal loop over the rooms the collab plane holds. */
  start(rooms: LeasedRooms): void {
    this.#rooms = rooms;
    this.#timer = setInterval(() => void this.renewAll(), this.#timings.renewMs);
    this.#timer.unref();
  }

  /** Whether this process holds the room's lease (as far as it knows: a renewal may yet find it lost). */
  holds(roomId: string): boolean {
    if (!this.#held.has(roomId)) return false;
    this.#held.set(roomId, Date.now());
    return true;
  }

  /** Takes the room's lease if nobody holds it; resolves to the holder's node id (ours when taken). */
  async acquire(roomId: string): Promise<string> {
    const holder = await this.#keys.acquire(roomLeaseKey(roomId), this.nodeId, this.#timings.ttlMs);
    // Our own node id with no local record: a previous run of this node (same id) held it; it is ours now.
    if (holder === this.nodeId && !this.#held.has(roomId)) {
      this.#held.set(roomId, Date.now());
      this.#rooms?.acquired(roomId);
    }
    return holder;
  }

  /** The node holding the room's lease, or null. */
  ownerOf(roomId: string): Promise<string | null> {
    return this.#keys.holderOf(roomLeaseKey(roomId));
  }

  /** One renewal pass (every `renewMs`; tests call it directly). Overlapping calls share one pass. */
  renewAll(): Promise<void> {
    this.#renewing ??= this.#renewPass().finally(() => (this.#renewing = undefined));
    return this.#renewing;
  }

  async #renewPass(): Promise<void> {
    const now = Date.now();
    await Promise.all(
      [...this.#held].map(async ([roomId, lastUsed]) => {
        const loaded = this.#rooms?.isLoaded(roomId) ?? false;
        try {
          if (!loaded && now - lastUsed >= this.#timings.graceMs) {
            this.#held.delete(roomId);
            await this.#keys.release(roomLeaseKey(roomId), this.nodeId);
          } else if (!(await this.#keys.renew(roomLeaseKey(roomId), this.nodeId, this.#timings.ttlMs))) {
            this.#held.delete(roomId);
            this.#log.warn('room lease lost; unloading the room', { roomId });
            this.#rooms?.lost(roomId);
          }
        } catch {
          // Redis unreachable (logged by the connection): keep serving; the next pass renews or finds it lost.
        }
      }),
    );
  }

  /** Releases every lease (drain), after the collab plane flushed and unloaded its rooms. */
  async releaseAll(): Promise<void> {
    clearInterval(this.#timer);
    await this.#renewing;
    const rooms = [...this.#held.keys()];
    this.#held.clear();
    await Promise.all(rooms.map((roomId) => this.#keys.release(roomLeaseKey(roomId), this.nodeId).catch(() => false)));
  }

  /** Stops renewing without releasing (the leases expire on their own). */
  stop(): void {
    clearInterval(this.#timer);
  }

  get heldCount(): number {
    return this.#held.size;
  }
}
