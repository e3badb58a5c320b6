// Storage of area `rooms`: one entry point that migrates the schema and hands out the repositories.
import { migrateSql, type SqlDatabase } from '../sql/index.ts';
import { FeedbackRepository } from './feedback-repository.ts';
import { ROOM_MIGRATIONS } from './room-migrations.ts';
import { RoomRepository } from './room-repository.ts';
import { SessionRepository } from './session-repository.ts';
import { SwapRepository } from './swap-repository.ts';

export interface RoomStore {
  rooms: RoomRepository;
  swaps: SwapRepository;
  sessions: SessionRepository;
  feedback: FeedbackRepository;
  /**
   * Runs `fn` in one database transaction: every repository call made while it runs joins it. Only
   * database work inside (no collab or execution call): on SQLite the transaction holds the one connection.
   */
  transaction<T>(fn: () => Promise<T>): Promise<T>;
}

/** Applies area `rooms` migrations (after area `control`, whose users table they reference). */
export async function openRoomStore(db: SqlDatabase): Promise<RoomStore> {
  await migrateSql(db, 'rooms', ROOM_MIGRATIONS);
  return {
    rooms: new RoomRepository(db),
    swaps: new SwapRepository(db),
    sessions: new SessionRepository(db),
    feedback: new FeedbackRepository(db),
    transaction: (fn) => db.transaction(fn),
  };
}

export { DELETED_USER_NAME } from './room-repository.ts';
export type * from './room-records.ts';
export type { RoomListFilter } from './room-repository.ts';
export type { SessionListFilter } from './session-repository.ts';
