// Receiver of the collab plane's callbacks (docs/collab-protocol.md, "Callbacks"). Deliveries are at least once, so
// both handlers are idempotent: snapshots by id, disconnects by (roomId, userId, disconnectedAt). Items
// for rooms this control plane does not know are acknowledged and dropped (retrying cannot help them).
import { randomUUID } from 'node:crypto';
import type {
  CallbackAckResponse,
  CollabCallbacks,
  SnapshotReadyPayload,
  UserDisconnectedPayload,
} from '../../protocol/index.ts';
import type { RoomEngine } from './room-engine.ts';
import { storeCodeSnapshot } from './code-snapshots.ts';

export function createCollabCallbacks(engine: RoomEngine): CollabCallbacks {
  const known = async (roomId: string): Promise<boolean> => (await engine.store.rooms.getRoom(roomId)) !== undefined;
  return {
    async snapshotReady(payload: SnapshotReadyPayload): Promise<CallbackAckResponse> {
      for (const s of payload.snapshots) {
        if (!(await known(s.roomId))) {
          engine.log.warn('snapshot for an unknown room dropped', { roomId: s.roomId, snapshotId: s.id });
          continue;
        }
        if (s.doc === 'code') {
          await storeCodeSnapshot(engine, { id: s.id, roomId: s.roomId, takenAt: s.takenAt, trigger: s.trigger, bytes: s.bytes, sizeBytes: s.sizeBytes });
        } else {
          await engine.store.sessions.saveWhiteboard(s.roomId, s.id, Date.parse(s.takenAt), Buffer.from(s.bytes, 'base64'));
        }
      }
      return { received: payload.snapshots.length };
    },
    async userDisconnected(p: UserDisconnectedPayload): Promise<CallbackAckResponse> {
      if (await known(p.roomId)) {
        const at = Date.parse(p.disconnectedAt);
        await engine.store.sessions.appendEvent(
          {
            id: randomUUID(),
            roomId: p.roomId,
            at,
            type: 'user-disconnected',
            actorId: p.userId,
            data: { userId: p.userId, doc: p.doc, closeCode: p.closeCode, disconnectedAt: p.disconnectedAt },
          },
          `user-disconnected|${p.roomId}|${p.userId}|${at}`,
        );
      }
      return { received: 1 };
    },
  };
}
