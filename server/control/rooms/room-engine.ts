// The room service's core: storage, the collab plane behind failure mapping, one queue per room so that
// concurrent requests on a room apply in order, session events, and the transitions every other part
// builds on (entering a phase, finishing). Functions named `...InQueue` must run inside the room's request
// queue (`exclusive`), which the caller already holds; public entry points enter the queue themselves.
import { randomUUID } from 'node:crypto';
import {
  AppError,
  isAppError,
  type CollabControl,
  type PushableRoomEvent,
  type RoomClosedReason,
  type RoomStatus,
} from '../../protocol/index.ts';
import type { SessionDetail, SessionEventType } from '../../protocol/api/sessions.ts';
import type { RoomRecord, RoomStore } from '../../storage/rooms/index.ts';
import { KeyedQueue } from '../../keyed-queue.ts';
import type { Logger } from '../../server-options.ts';
import { phaseDurationMs } from './room-model.ts';
import { startTimer, timerState } from './room-timer.ts';

export interface RoomEngineOptions {
  /** Role-swap requests expire after this long (60 s). Shorter only in tests. */
  roleSwapTtlMs: number;
  /** Auto-finish this long after creation (24 h). */
  maxRoomAgeMs: number;
  /** Several server processes: the cross-process room lock and clock announcements. */
  coordination?: RoomCoordination;
}

/** Queues the training reports of a room that just finished; returns the status its `room-finished` event records. */
export type QueueReports = (room: RoomRecord) => Promise<SessionDetail['reportStatus']>;

/**
 * Several server processes on one database: a room's operations are serialised across processes too (a lock
 * in Redis around each `exclusive` run), and a change of a room's clocks is announced to the other processes,
 * which re-arm theirs (every process keeps every open room's clocks; a firing re-reads the room under the
 * lock, so a transition happens once whichever process fires first).
 */
export interface RoomCoordination {
  /** Runs `fn` holding the room's cross-process lock. */
  run<T>(roomId: string, fn: () => Promise<T>): Promise<T>;
  announce(roomId: string): void;
  /** Rooms changed by other processes; null when changes may have been missed (re-arm every room). Returns unsubscribe. */
  onChange(listener: (roomId: string | null) => void): () => void;
}

/** Hooks the scheduler installs so that transitions (re)arm timers without importing it. */
export interface RoomTimers {
  roomChanged(room: RoomRecord): Promise<void>;
  roomFinished(roomId: string): void;
}

export class RoomEngine {
  readonly store: RoomStore;
  readonly log: Logger;
  readonly options: RoomEngineOptions;
  timers: RoomTimers = { async roomChanged() {}, roomFinished() {} };
  readonly #collab: CollabControl;
  readonly #queueReports: QueueReports;
  readonly #queues = new KeyedQueue();

  constructor(store: RoomStore, collab: CollabControl, log: Logger, options: RoomEngineOptions, queueReports: QueueReports) {
    this.store = store;
    this.#collab = collab;
    this.#queueReports = queueReports;
    this.log = log;
    this.options = options;
  }

  now(): number {
    return Date.now();
  }

  /** Runs `fn` after every earlier queued operation on the same room (in any process, with coordination). */
  exclusive<T>(roomId: string, fn: () => Promise<T>): Promise<T> {
    const coordination = this.options.coordination;
    return this.#queues.run(roomId, coordination ? () => coordination.run(roomId, fn) : fn);
  }

  /** Waits for every queued room operation (shutdown). */
  drain(): Promise<void> {
    return this.#queues.drain();
  }

  async requireRoom(roomId: string): Promise<RoomRecord> {
    const room = await this.store.rooms.getRoom(roomId);
    if (!room) throw new AppError('ROOM_NOT_FOUND', 'No such room.');
    return room;
  }

  /**
   * The collab plane, with every failure it did not answer with a meaningful code mapped to 503
   * ROOM_COLLAB_UNAVAILABLE: the REST caller learns that the collab side could not be changed.
   */
  async collab<T>(what: string, call: (collab: CollabControl) => Promise<T>): Promise<T> {
    try {
      return await call(this.#collab);
    } catch (error) {
      if (isAppError(error) && error.code === 'ROOM_COLLAB_UNAVAILABLE') throw error;
      this.log.warn('collab plane call failed', { what, error: String(error) });
      throw new AppError('ROOM_COLLAB_UNAVAILABLE', 'The collaboration service could not be reached.');
    }
  }

  push(roomId: string, event: PushableRoomEvent): Promise<{ delivered: number }> {
    return this.collab(event.type, (c) => c.pushEvent(roomId, event));
  }

  async record(roomId: string, type: SessionEventType, actorId: string | null, data: Record<string, unknown>, at = this.now()): Promise<void> {
    await this.store.sessions.appendEvent({ id: randomUUID(), roomId, at, type, actorId, data });
  }

  async save(room: RoomRecord): Promise<void> {
    room.updatedAt = this.now();
    await this.store.rooms.saveRoom(room);
    await this.timers.roomChanged(room);
  }

  /**
   * Enters a later, non-final phase: broadcasts `phase-changed` (the collab plane takes the
   * `phase-change` snapshot), then `timer` `started` when the phase is timed.
   */
  async enterPhaseInQueue(room: RoomRecord, to: Exclude<RoomStatus, 'finished'>, by: string | null): Promise<void> {
    const from = room.status;
    const now = this.now();
    const timer = startTimer(phaseDurationMs(room.config, to), now);
    await this.push(room.id, { type: 'phase-changed', from, to, by });
    if (timer) await this.push(room.id, { type: 'timer', action: 'started', timer: timerState(timer, to, now) });
    room.status = to;
    room.timer = timer;
    room.startedAt ??= now;
    await this.save(room);
    await this.record(room.id, 'phase-changed', by, { from, to, by });
  }

  /**
   * Finishes the room: the collab plane takes the session-end snapshots, sends `room-closed` and
   * closes every socket with 4003 (DestroyDocument); pending role swaps expire; the training reports are
   * queued; running jobs still complete. A document already destroyed (a retried finish) counts as done.
   * The reports are queued before the finish is stored (the AI plane is no part of its transaction); a
   * report's context is built from the finished room either way.
   */
  async finishInQueue(room: RoomRecord, reason: RoomClosedReason, by: string | null): Promise<void> {
    if (room.status === 'finished') return;
    await this.collab('destroyDocument', async (c) => {
      try {
        await c.destroyDocument(room.id, reason);
      } catch (error) {
        if (!(isAppError(error) && (error.code === 'ROOM_CLOSED' || error.code === 'ROOM_NOT_FOUND'))) throw error;
      }
    });
    const from = room.status;
    const now = this.now();
    room.status = 'finished';
    room.finishedAt = now;
    room.timer = null;
    await this.store.transaction(async () => {
      await this.save(room);
      const pending = await this.store.swaps.pendingOf(room.id);
      if (pending) await this.store.swaps.resolve(pending.id, 'expired', now);
      await this.record(room.id, 'phase-changed', by, { from, to: 'finished', by });
    });
    // Queued once the finish is stored: a report's context reads the finished room.
    await this.record(room.id, 'room-finished', by, { reason, reportStatus: await this.#queueReports(room) });
    this.timers.roomFinished(room.id);
  }

  /** Auto-finish once nobody is active any more. */
  async finishIfEmptyInQueue(room: RoomRecord): Promise<void> {
    const active = (await this.store.rooms.listParticipants(room.id)).some((p) => p.state === 'active');
    if (!active) await this.finishInQueue(room, 'finished', null);
  }
}
