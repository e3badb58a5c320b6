import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';
import { CloseCode, CODE_META, MessageType, REJECTION_NOTICE_INTERVAL_MS, SyncMessageType, type UpdateRejectedReason } from '../protocol/index.ts';
import type { CollabConnection } from './collab-connection.ts';
import { encodeAwarenessMessage, encodeSyncStep2, encodeSyncUpdate } from './collab-wire.ts';
import { judgeUpdate } from './enforcement.ts';
import { CLIENT_ORIGIN, type LiveDoc } from './live-doc.ts';
import type { PlaneCore } from './plane-core.ts';
import type { Room } from './room.ts';
import { analyzeUpdate, type UpdateAnalysis } from './update-analysis.ts';

/** Thrown for a frame that cannot be decoded: the connection closes with 1008 (§4). */
class MalformedFrame extends Error {}

/** Handles one binary frame of an authenticated connection (collab-plane.md §4–§8). */
export function handleFrame(core: PlaneCore, room: Room, doc: LiveDoc, conn: CollabConnection, frame: Uint8Array): void {
  try {
    dispatch(core, room, doc, conn, frame);
  } catch (error) {
    if (conn.closed) return;
    if (error instanceof MalformedFrame) {
      core.closeConnection(conn, CloseCode.POLICY_VIOLATION);
    } else {
      core.log.error('collab message failed', { error: String(error), roomId: room.id, doc: doc.name });
      core.closeConnection(conn, CloseCode.INTERNAL_ERROR);
    }
  }
}

interface ParsedFrame {
  type: number;
  subType: number;
  payload: Uint8Array;
}

function parseFrame(frame: Uint8Array): ParsedFrame {
  const decoder = decoding.createDecoder(frame);
  const type = decoding.readVarUint(decoder);
  if (type === MessageType.SYNC) {
    const subType = decoding.readVarUint(decoder);
    return { type, subType, payload: decoding.readVarUint8Array(decoder) };
  }
  if (type === MessageType.AWARENESS) return { type, subType: 0, payload: decoding.readVarUint8Array(decoder) };
  return { type, subType: 0, payload: new Uint8Array() };
}

function dispatch(core: PlaneCore, room: Room, doc: LiveDoc, conn: CollabConnection, frame: Uint8Array): void {
  const { type, subType, payload } = decodeOrThrow(() => parseFrame(frame));
  switch (type) {
    case MessageType.SYNC: {
      if (subType === SyncMessageType.STEP1) {
        const fresh = decodeOrThrow(() => Y.decodeStateVector(payload)).size === 0;
        // Deferred until the store committed what is in memory: a SyncStep2 reveals state (§10 write-ahead).
        doc.afterCommit(() => (fresh ? sendFullState(doc, conn) : conn.send(encodeSyncStep2(Y.encodeStateAsUpdate(doc.ydoc, payload)))));
      } else if (subType === SyncMessageType.STEP2 || subType === SyncMessageType.UPDATE) {
        receiveUpdate(core, room, doc, conn, payload, subType === SyncMessageType.STEP2);
      } else {
        throw new MalformedFrame(`unknown sync message ${subType}`);
      }
      return;
    }
    case MessageType.AWARENESS:
      decodeOrThrow(() => doc.awareness.receive(conn, payload, Date.now()));
      return;
    case MessageType.QUERY_AWARENESS:
      conn.send(encodeAwarenessMessage(doc.awareness.encodeAll() ?? new Uint8Array([0])));
      return;
    default:
      // auth (2), room-event (100) and unknown types are ignored (§4).
      return;
  }
}

function receiveUpdate(core: PlaneCore, room: Room, doc: LiveDoc, conn: CollabConnection, update: Uint8Array, isStep2: boolean): void {
  const analysis = decodeOrThrow(() => analyzeUpdate(doc.ydoc, update, doc.name === 'code' ? CODE_META : null));
  if (!analysis.contentBearing) {
    // A fresh Y.Doc's empty SyncStep2 ends probation (§8).
    if (isStep2 && conn.probation) {
      conn.probation = false;
      core.store.clearResyncFlag(room.id, conn.userId, doc.name);
    }
    return;
  }
  const reason = judgeUpdate(
    {
      role: room.roleOf(conn.userId, conn.tokenRole),
      doc: doc.name,
      editorLocked: room.record.editorLocked,
      mustResync: conn.tainted || conn.probation,
      bans: doc.bans,
    },
    analysis,
  );
  if (reason) return reject(core, room, doc, conn, analysis, reason);
  const normalized = applyAccepted(core, doc, update, !analysis.entirelyNew);
  if (normalized === 'invalid') return reject(core, room, doc, conn, analysis, 'invalid-update');
  if (normalized === null) return;
  const frame = encodeSyncUpdate(normalized);
  doc.accepted(frame);
  core.enqueue(doc, { roomId: room.id, doc: doc.name, update: normalized, userId: conn.userId, acceptedAt: Date.now() });
  doc.afterCommit(() => doc.broadcast(frame, conn));
}

/** A fresh client (empty state vector) gets the cached full state, then the updates since, in order. */
function sendFullState(doc: LiveDoc, conn: CollabConnection): void {
  const { step2, tail } = doc.fullStateFrames();
  conn.send(step2);
  for (const frame of tail) conn.send(frame);
}

/**
 * Applies an accepted update and returns what is stored and relayed: the update itself when it is entirely
 * new, otherwise what it changed (a re-sent SyncStep2 shrinks to its diff). 'invalid' if Yjs left anything
 * pending after all: then the document is rebuilt from the store.
 */
function applyAccepted(core: PlaneCore, doc: LiveDoc, update: Uint8Array, normalize: boolean): Uint8Array | null | 'invalid' {
  let changed: Uint8Array | null = normalize ? null : update;
  const capture = (u: Uint8Array): void => {
    changed = u;
  };
  if (normalize) doc.ydoc.on('update', capture);
  try {
    Y.applyUpdate(doc.ydoc, update, CLIENT_ORIGIN);
  } catch {
    core.reloadDoc(doc);
    return 'invalid';
  } finally {
    if (normalize) doc.ydoc.off('update', capture);
  }
  if (doc.ydoc.store.pendingStructs !== null || doc.ydoc.store.pendingDs !== null) {
    core.reloadDoc(doc);
    return 'invalid';
  }
  return changed;
}

/** §8 "Rejection": nothing applied; authors banned; connection tainted; (user, doc) flagged; notice sent. */
function reject(core: PlaneCore, room: Room, doc: LiveDoc, conn: CollabConnection, analysis: UpdateAnalysis, reason: UpdateRejectedReason): void {
  for (const client of analysis.authors) doc.bans.add(client);
  conn.tainted = true;
  conn.probation = false;
  core.store.recordRejection(room.id, doc.name, conn.userId, analysis.authors);
  const now = Date.now();
  if (now - conn.lastRejectionNoticeAt < REJECTION_NOTICE_INTERVAL_MS) return;
  conn.lastRejectionNoticeAt = now;
  core.sendEvent(
    room,
    { type: 'update-rejected', roomId: room.id, at: new Date(now).toISOString(), doc: doc.name, reason, resync: true },
    (c) => c === conn,
  );
}

function decodeOrThrow<T>(decode: () => T): T {
  try {
    return decode();
  } catch (error) {
    throw new MalformedFrame(String(error));
  }
}
