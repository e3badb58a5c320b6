// Where a room is served: here (this process holds, or just took, the room's lease), at its owner (another
// live process: proxy the socket, forward the call), or nowhere for the moment (the owner died and its
// lease has not expired, or Redis is unreachable for a room this process does not own): the client tries
// again. A room nobody owns becomes this process's.
import type { CollabPlacement } from '../collab/index.ts';
import type { Logger } from '../server-options.ts';
import type { NodePresence } from './node-presence.ts';
import type { OwnedKeys } from './owned-keys.ts';
import { RoomLeases, type LeasedRooms, type RoomLeaseTimings } from './room-leases.ts';

const LOCAL: CollabPlacement = { kind: 'local' };
const RETRY: CollabPlacement = { kind: 'retry' };

export class RoomPlacement {
  readonly #keys: OwnedKeys;
  readonly #presence: NodePresence;
  readonly #log: Logger;
  readonly #timings: Partial<RoomLeaseTimings>;
  #leases: RoomLeases | undefined;
  readonly #started: Promise<void>;
  #markStarted!: () => void;
  #draining = false;

  constructor(keys: OwnedKeys, presence: NodePresence, log: Logger, timings: Partial<RoomLeaseTimings> = {}) {
    this.#keys = keys;
    this.#presence = presence;
    this.#log = log;
    this.#timings = timings;
    this.#started = new Promise<void>((resolve) => (this.#markStarted = resolve));
  }

  /**
   * Once listening: registers this node at `url` and starts holding leases. Placement waits until then (a room
   * clock firing during start-up waits for the address its peers will reach the room at).
   */
  async start(nodeId: string, url: string, rooms: LeasedRooms): Promise<void> {
    await this.#presence.register(nodeId, url);
    this.#leases = new RoomLeases(this.#keys, nodeId, this.#log, this.#timings);
    this.#leases.start(rooms);
    this.#markStarted();
  }

  get leases(): RoomLeases | undefined {
    return this.#leases;
  }

  /**
   * `fromPeer`: the connection or call was forwarded by another process that found this one the owner; it is
   * served here or not at all (never forwarded again, so a stale view cannot make a loop).
   */
  async place(roomId: string, fromPeer: boolean): Promise<CollabPlacement> {
    await this.#started;
    const leases = this.#leases;
    if (!leases) return RETRY; // stopped before it started
    if (leases.holds(roomId)) return LOCAL;
    let owner: string | null;
    try {
      // A draining process takes no room; it still forwards to an owner it finds.
      owner = this.#draining ? await leases.ownerOf(roomId) : await leases.acquire(roomId);
    } catch {
      return RETRY; // Redis unreachable: only rooms this process already owns are served
    }
    if (owner === leases.nodeId && !this.#draining) return LOCAL;
    if (owner === null || owner === leases.nodeId || fromPeer) return RETRY;
    const url = await this.#presence.urlOf(owner).catch(() => null);
    return url ? { kind: 'remote', url } : RETRY;
  }

  /** Drain, after the collab plane flushed and unloaded its rooms: hand every room over, leave the cluster. */
  async handOver(): Promise<void> {
    this.#draining = true;
    await this.#leases?.releaseAll();
    await this.#presence.deregister();
  }

  /** Stops renewing (a failed start); leases and the registration expire on their own. */
  stop(): void {
    this.#draining = true;
    this.#leases?.stop();
    this.#markStarted();
  }
}
