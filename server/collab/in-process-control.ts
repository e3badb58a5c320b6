import * as Y from 'yjs';
import {
  AppError,
  CloseCode,
  CODE_META,
  CODE_TEXT,
  MAX_ROOM_EVENT_BYTES,
  type CollabControl,
  type CollabHealth,
  type CreateDocumentRequest,
} from '../protocol/index.ts';
import {
  zCreateDocumentRequest,
  zKickUserRequest,
  zLockEditorRequest,
  zPushableEvent,
  zReadReplayRequest,
  zRoomClosedReason,
} from '../protocol/collab-control.ts';
import { parseOrThrow } from '../protocol/validation.ts';
import { pushRoomEvent } from './event-effects.ts';
import type { PlaneCore } from './plane-core.ts';
import type { Room } from './room.ts';
import { deliverSnapshots, schedulePeriodic, takeCodeSnapshot, takeWhiteboardState } from './snapshots.ts';
import { storedWhiteboardRecords, whiteboardRecordsOf } from './whiteboard-records.ts';

export interface ControlSettings {
  snapshotIntervalMs: number;
  startedAt: number;
  pendingCallbacks: () => number;
}

/**
 * The control operations as direct calls (embedded mode): same shapes, same AppError codes as the internal HTTP
 * API. Operations on one room run one at a time in call order (PlaneCore.exclusive); each resolves once what it
 * changed is stored.
 */
export function createInProcessControl(core: PlaneCore, settings: ControlSettings): CollabControl {
  const existing = async (roomId: string): Promise<Room> => {
    const room = await core.room(roomId);
    if (!room) throw new AppError('ROOM_NOT_FOUND', 'No document exists for this room.');
    return room;
  };
  const open = async (roomId: string): Promise<Room> => {
    const room = await existing(roomId);
    if (room.record.destroyedAt !== null) throw new AppError('ROOM_CLOSED', 'The room documents were destroyed.');
    return room;
  };
  const write = <T,>(op: () => Promise<T>): Promise<T> => core.writer.write(op);

  return {
    async createDocument(input) {
      const req = parseOrThrow(zCreateDocumentRequest, input);
      return core.exclusive(req.roomId, async () => {
        const now = Date.now();
        const created = await write(() =>
          core.store.createRoom(
            {
              roomId: req.roomId,
              mode: req.mode,
              phase: req.phase,
              language: req.language,
              problemId: req.problemId,
              editorLocked: req.editorLocked,
              lockReason: req.editorLocked ? 'manual' : null,
              timer: null,
              recording: false,
              createdAt: now,
              destroyedAt: null,
              lastSnapshotUpdateId: 0,
            },
            req.participants,
            [{ roomId: req.roomId, doc: 'code', update: initialCodeState(req), userId: null, acceptedAt: now }],
          ),
        );
        if (!created) throw new AppError('ROOM_DOCUMENT_EXISTS', 'This room already has documents.');
        const room = await core.room(req.roomId);
        if (room) schedulePeriodic(core, room, settings.snapshotIntervalMs);
        return { roomId: req.roomId, docs: ['code', 'whiteboard'], createdAt: new Date(now).toISOString() };
      });
    },

    async destroyDocument(roomId, reasonInput) {
      const reason = parseOrThrow(zRoomClosedReason, reasonInput);
      return core.exclusive(roomId, async () => {
        const room = await open(roomId);
        const code = await takeCodeSnapshot(core, room, 'session-end');
        const whiteboard = await takeWhiteboardState(core, room);
        deliverSnapshots(core, [code.item, whiteboard]);
        const at = new Date().toISOString();
        const connections = room.connections();
        core.sendEvent(room, { type: 'room-closed', roomId, at, reason }, () => true);
        for (const c of connections) core.closeConnection(c, CloseCode.ROOM_CLOSED);
        const destroyedAt = Date.now();
        room.record.destroyedAt = destroyedAt;
        schedulePeriodic(core, room, settings.snapshotIntervalMs);
        await write(() => core.store.updateRoom(roomId, { destroyedAt }));
        await Promise.all([...room.docs.values()].map((doc) => core.unload(room, doc)));
        if (core.rooms.get(roomId) === room) core.rooms.delete(roomId);
        return { roomId, closedConnections: connections.length, finalSnapshots: { code: code.snapshot.id, whiteboard: whiteboard.id } };
      });
    },

    async kickUser(roomId, input) {
      const req = parseOrThrow(zKickUserRequest, input);
      return core.exclusive(roomId, async () => {
        const room = await existing(roomId);
        room.participant(req.userId).kicked = true;
        await write(() => core.store.setKicked(roomId, req.userId));
        const connections = room.connectionsOf(req.userId);
        for (const c of connections) core.closeConnection(c, CloseCode.KICKED);
        return { roomId, userId: req.userId, closedConnections: connections.length };
      });
    },

    async lockEditor(roomId, input) {
      const req = parseOrThrow(zLockEditorRequest, input);
      return core.exclusive(roomId, async () => {
        const room = await open(roomId);
        // The lock is in force before it is announced, so no edit sent after the announcement slips through.
        const lockReason = req.locked ? (req.reason ?? 'manual') : null;
        room.record.editorLocked = req.locked;
        room.record.lockReason = lockReason;
        await write(() => core.store.updateRoom(roomId, { editorLocked: req.locked, lockReason }));
        core.sendEvent(room, {
          type: 'editor-lock',
          roomId,
          at: new Date().toISOString(),
          locked: req.locked,
          reason: lockReason,
          by: req.by,
        });
        let snapshot = null;
        if (req.snapshot && req.locked) {
          const taken = await takeCodeSnapshot(core, room, 'submit');
          deliverSnapshots(core, [taken.item]);
          snapshot = taken.snapshot;
        }
        return { roomId, locked: req.locked, snapshot };
      });
    },

    async pushEvent(roomId, input) {
      const event = parseOrThrow(zPushableEvent, input);
      if (Buffer.byteLength(JSON.stringify(event)) > MAX_ROOM_EVENT_BYTES) {
        throw new AppError('VALIDATION_FAILED', 'Room events are at most 64 KiB of JSON.', { fields: [{ path: 'event', message: 'larger than 64 KiB' }] });
      }
      return core.exclusive(roomId, async () => ({ delivered: await pushRoomEvent(core, await open(roomId), event, settings.snapshotIntervalMs) }));
    },

    async takeSnapshot(roomId, trigger) {
      if (trigger !== 'manual') throw new AppError('VALIDATION_FAILED', 'Only manual snapshots can be requested.');
      return core.exclusive(roomId, async () => {
        const taken = await takeCodeSnapshot(core, await open(roomId), 'manual');
        deliverSnapshots(core, [taken.item]);
        return { snapshot: taken.snapshot };
      });
    },

    async readWhiteboard(roomId) {
      // A read must not make the plane hold anything: the room record is not cached, the document not loaded.
      const record = core.rooms.get(roomId)?.record ?? (await core.store.getRoom(roomId));
      if (!record) throw new AppError('ROOM_NOT_FOUND', 'No document exists for this room.');
      if (record.destroyedAt !== null) throw new AppError('ROOM_CLOSED', 'The room documents were destroyed.');
      const takenAt = new Date().toISOString();
      const loaded = core.rooms.get(roomId)?.docs.get('whiteboard');
      // Committed state only, as for snapshots.
      if (loaded) return { roomId, records: await core.whenAllCommitted(loaded, (d) => whiteboardRecordsOf(d.ydoc)), takenAt };
      return { roomId, records: await storedWhiteboardRecords(await core.store.loadDocument(roomId, 'whiteboard')), takenAt };
    },

    async readReplay(roomId, input) {
      // Like readWhiteboard, a read loads nothing; the log outlives the live document, so destroyed rooms are served too.
      const { doc, after, limit } = parseOrThrow(zReadReplayRequest, input);
      if (!core.rooms.has(roomId) && !(await core.store.getRoom(roomId))) throw new AppError('ROOM_NOT_FOUND', 'No document exists for this room.');
      const rows = await core.store.readLog(roomId, doc, after, limit + 1);
      const items = rows.slice(0, limit).map((r) => ({
        seq: r.id,
        at: new Date(r.acceptedAt).toISOString(),
        userId: r.userId,
        update: Buffer.from(r.update).toString('base64'),
      }));
      return { items, nextAfter: rows.length > limit ? items[items.length - 1]!.seq : null };
    },

    async health(): Promise<CollabHealth> {
      let documentsLoaded = 0;
      let connections = 0;
      for (const room of core.rooms.values()) {
        documentsLoaded += room.docs.size;
        connections += room.connections().length;
      }
      return {
        status: 'ok',
        uptimeMs: Date.now() - settings.startedAt,
        documentsLoaded,
        connections,
        pendingCallbacks: settings.pendingCallbacks(),
      };
    },
  };
}

/** The first logged update of a code document: `meta` and the initial text, written by the server. */
function initialCodeState(req: CreateDocumentRequest): Uint8Array {
  const doc = new Y.Doc();
  doc.transact(() => {
    const meta = doc.getMap(CODE_META);
    meta.set('language', req.language);
    meta.set('problemId', req.problemId);
    doc.getText(CODE_TEXT).insert(0, req.initialCode);
  });
  const update = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return update;
}
