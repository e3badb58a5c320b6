// The room clocks: each open room's phase timer (expiry → `timer` `expired`, then one autoAdvance step),
// its 24 h auto-finish, and pending role-swap expiries. Rearmed from stored state on every room change
// and at start-up, so a restart resumes every clock; close() clears them all.
import { isAppError, nextPhase } from '../../protocol/index.ts';
import type { RoomRecord } from '../../storage/rooms/index.ts';
import type { RoomEngine, RoomTimers } from './room-engine.ts';
import { expireTimer, expiresAt, timerState } from './room-timer.ts';
import { expireSwapInQueue } from './role-swap.ts';
import { errorFields } from '../../error-fields.ts';

/** A failed firing is tried again this much later. */
const RETRY_AFTER_MS = 2000;
/** setTimeout's limit; longer waits re-arm when they fire early. */
const MAX_DELAY_MS = 2 ** 31 - 1;

export class RoomScheduler implements RoomTimers {
  readonly #engine: RoomEngine;
  readonly #phase = new Map<string, NodeJS.Timeout>();
  readonly #age = new Map<string, NodeJS.Timeout>();
  readonly #swaps = new Map<string, NodeJS.Timeout>();
  readonly #retries = new Set<NodeJS.Timeout>();
  #closed = false;

  constructor(engine: RoomEngine) {
    this.#engine = engine;
  }

  /** Arms every clock from the store (start-up, including after a restart). */
  async start(): Promise<void> {
    for (const room of await this.#engine.store.rooms.listOpenRooms()) await this.roomChanged(room);
  }

  async roomChanged(room: RoomRecord): Promise<void> {
    if (this.#closed) return;
    if (room.status === 'finished') return this.roomFinished(room.id);
    this.#arm(this.#phase, room.id, room.timer ? expiresAt(room.timer) : undefined, () => this.#onPhaseTimer(room.id));
    this.#arm(this.#age, room.id, room.createdAt + this.#engine.options.maxRoomAgeMs, () => this.#onTooOld(room.id));
    const swap = await this.#engine.store.swaps.pendingOf(room.id);
    // Closed while the swap was read: nothing may be armed any more.
    if (this.#closed) return;
    this.#arm(this.#swaps, room.id, swap?.expiresAt, () => this.#onSwapExpiry(room.id));
  }

  /** Re-arms one room's clocks from the store (another process changed it). */
  async refresh(roomId: string): Promise<void> {
    if (this.#closed) return;
    const room = await this.#engine.store.rooms.getRoom(roomId);
    if (room) await this.roomChanged(room);
    else this.roomFinished(roomId);
  }

  roomFinished(roomId: string): void {
    for (const timers of [this.#phase, this.#age, this.#swaps]) {
      clearTimeout(timers.get(roomId));
      timers.delete(roomId);
    }
  }

  close(): void {
    this.#closed = true;
    for (const t of this.#retries) clearTimeout(t);
    this.#retries.clear();
    for (const timers of [this.#phase, this.#age, this.#swaps]) {
      for (const t of timers.values()) clearTimeout(t);
      timers.clear();
    }
  }

  #arm(timers: Map<string, NodeJS.Timeout>, roomId: string, at: number | undefined, fire: () => void): void {
    clearTimeout(timers.get(roomId));
    timers.delete(roomId);
    if (at === undefined) return;
    const delay = Math.min(MAX_DELAY_MS, Math.max(0, at - Date.now()));
    timers.set(
      roomId,
      setTimeout(() => {
        timers.delete(roomId);
        fire();
      }, delay),
    );
  }

  #run(roomId: string, what: string, fn: (room: RoomRecord) => Promise<void>): void {
    const engine = this.#engine;
    engine
      .exclusive(roomId, async () => {
        if (this.#closed) return;
        const room = await engine.store.rooms.getRoom(roomId);
        if (room && room.status !== 'finished') await fn(room);
      })
      .catch((error: unknown) => {
        engine.log.error(`room ${what} failed`, { roomId, ...errorFields(error) });
        // The room's collab owner died a moment ago, or the room lock was unreachable: the clock is still due,
        // and the re-read under the lock makes a retry harmless.
        if (isAppError(error) && error.code === 'ROOM_COLLAB_UNAVAILABLE') {
          const retry = setTimeout(() => {
            this.#retries.delete(retry);
            this.refresh(roomId).catch((retryError: unknown) => engine.log.error(`room ${what} not retried`, { roomId, ...errorFields(retryError) }));
          }, RETRY_AFTER_MS);
          this.#retries.add(retry);
        }
      });
  }

  /** Expiry: broadcast `timer` `expired`; with autoAdvance, advance one phase (wrapup → finished included). */
  #onPhaseTimer(roomId: string): void {
    this.#run(roomId, 'timer expiry', async (room) => {
      const engine = this.#engine;
      const due = room.timer ? expiresAt(room.timer) : undefined;
      if (due === undefined) return;
      if (due > Date.now()) return this.roomChanged(room); // re-based or resumed since: not yet
      const expired = expireTimer(room.timer!);
      const state = timerState(expired, room.status, engine.now());
      await engine.push(room.id, { type: 'timer', action: 'expired', timer: state });
      room.timer = expired;
      await engine.save(room);
      await engine.record(room.id, 'timer-expired', null, { action: 'expired', timer: state });
      if (!room.config.autoAdvance) return;
      const next = nextPhase(room.status);
      if (next === 'finished') await engine.finishInQueue(room, 'finished', null);
      else if (next) await engine.enterPhaseInQueue(room, next, null);
    });
  }

  #onTooOld(roomId: string): void {
    this.#run(roomId, 'auto-finish', async (room) => {
      if (room.createdAt + this.#engine.options.maxRoomAgeMs > Date.now()) return this.roomChanged(room);
      await this.#engine.finishInQueue(room, 'finished', null);
    });
  }

  #onSwapExpiry(roomId: string): void {
    this.#run(roomId, 'role-swap expiry', async (room) => {
      const swap = await this.#engine.store.swaps.pendingOf(room.id);
      if (!swap) return;
      if (swap.expiresAt > Date.now()) return this.roomChanged(room);
      await expireSwapInQueue(this.#engine, swap);
    });
  }
}
