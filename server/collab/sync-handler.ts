import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';
import {
  CloseCode,
  CODE_META,
  MAX_DOCUMENT_BYTES,
  MessageType,
  REJECTION_NOTICE_INTERVAL_MS,
  ROOM_WARNING_INTERVAL_MS,
  SyncMessageType,
  WHITEBOARD_ARRAY,
  type UpdateRejectedReason,
} from '../protocol/index.ts';
import type { CollabConnection } from './collab-connection.ts';
import { encodeAwarenessMessage, encodeSyncStep2, encodeSyncUpdate } from './collab-wire.ts';
import { judgeUpdate } from './enforcement.ts';
import { areValidWhiteboardEntries } from './tldraw-schema.ts';
import { CLIENT_ORIGIN, type LiveDoc } from './live-doc.ts';
import type { PlaneCore } from './plane-core.ts';
import type { Room } from './room.ts';
import { analyzeUpdate, type UpdateAnalysis } from './update-analysis.ts';
import { errorFields } from '../error-fields.ts';

/** Thrown for a frame that cannot be decoded: the connection closes with 1008. */
class MalformedFrame extends Error {}

/** Handles one binary frame of an authenticated connection: sync, awareness and query-awareness messages. */
export function handleFrame(core: PlaneCore, room: Room, doc: LiveDoc, conn: CollabConnection, frame: Uint8Array): void {
  try {
    dispatch(core, room, doc, conn, frame);
  } catch (error) {
    if (conn.closed) return;
    if (error instanceof MalformedFrame) {
      core.closeConnection(conn, CloseCode.POLICY_VIOLATION);
    } else {
      core.log.error('collab message failed', { ...errorFields(error), roomId: room.id, doc: doc.name });
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
        // Deferred until the store committed what is in memory: a SyncStep2 reveals state, and no peer may
        // observe an update before it is committed (write-ahead).
        doc.whenAllCommitted(() => (fresh ? sendFullState(doc, conn) : conn.send(encodeSyncStep2(Y.encodeStateAsUpdate(doc.ydoc, payload)))));
      } else if (subType === SyncMessageType.STEP2 || subType === SyncMessageType.UPDATE) {
        receiveUpdate(core, room, doc, conn, payload, subType === SyncMessageType.STEP2);
      } else {
        throw new MalformedFrame(`unknown sync message ${subType}`);
      }
      return;
    }
    case MessageType.AWARENESS: {
      const verdict = decodeOrThrow(() => doc.awareness.receive(conn, payload, Date.now()));
      if (verdict === 'too-many-clients') core.closeConnection(conn, CloseCode.POLICY_VIOLATION);
      else if (verdict === 'rate-exceeded') core.closeConnection(conn, CloseCode.RATE_LIMITED);
      return;
    }
    case MessageType.QUERY_AWARENESS:
      conn.send(encodeAwarenessMessage(doc.awareness.encodeAll() ?? new Uint8Array([0])));
      return;
    default:
      // auth (2), room-event (100) and unknown types are ignored.
      return;
  }
}

function receiveUpdate(core: PlaneCore, room: Room, doc: LiveDoc, conn: CollabConnection, update: Uint8Array, isStep2: boolean): void {
  const roots = doc.name === 'code' ? { guarded: CODE_META, records: null } : { guarded: null, records: WHITEBOARD_ARRAY };
  const analysis = decodeOrThrow(() => analyzeUpdate(doc.ydoc, update, roots));
  if (!analysis.contentBearing) {
    // A fresh Y.Doc's empty SyncStep2 ends probation.
    if (isStep2 && conn.probation) {
      conn.probation = false;
      doc.resyncFlags.delete(conn.userId);
      core.writer.persist(() => core.store.clearResyncFlag(room.id, conn.userId, doc.name), 'resync flag clearing');
    }
    return;
  }
  claimClients(core, doc, conn, analysis.authors);
  const reason =
    judgeUpdate(
      {
        role: room.roleOf(conn.userId, conn.tokenRole),
        userId: conn.userId,
        doc: doc.name,
        editorLocked: room.record.editorLocked,
        mustResync: conn.tainted || conn.probation,
        bans: doc.bans,
        owners: doc.owners,
      },
      analysis,
    ) ?? contentRefusal(core, room, doc, analysis, update);
  if (reason) return reject(core, room, doc, conn, analysis, reason);
  const normalized = applyAccepted(core, doc, update, !analysis.entirelyNew);
  if (normalized === 'invalid') return reject(core, room, doc, conn, analysis, 'invalid-update');
  if (normalized === null) return;
  const frame = encodeSyncUpdate(normalized);
  core.enqueue(doc, { roomId: room.id, doc: doc.name, update: normalized, userId: conn.userId, acceptedAt: Date.now() });
  doc.afterCommit(() => doc.broadcast(frame, conn));
}

/**
 * A clientID belongs to the user whose message first brought a struct of it to the document, whether that
 * message is accepted or rejected; ownership is stored, so it survives restarts.
 */
function claimClients(core: PlaneCore, doc: LiveDoc, conn: CollabConnection, authors: Iterable<number>): void {
  const unowned = [...authors].filter((client) => !doc.owners.has(client));
  if (unowned.length === 0) return;
  for (const client of unowned) doc.owners.set(client, conn.userId);
  core.writer.claim(doc, conn.userId, unowned);
}

/**
 * What the content itself may not do, checked once the sender may write: a whiteboard entry must be a valid
 * record of the shipped tldraw schema, and a document may not grow past its size limit (then host and
 * interviewers are warned, at most once a minute per document). The size is checked against an upper bound
 * kept as updates are accepted; only when that bound says the limit is near is the state encoded exactly.
 */
function contentRefusal(core: PlaneCore, room: Room, doc: LiveDoc, analysis: UpdateAnalysis, update: Uint8Array): UpdateRejectedReason | null {
  if (doc.name === 'whiteboard' && (analysis.records === 'unreadable' || !areValidWhiteboardEntries(analysis.records))) return 'invalid-update';
  const limit = MAX_DOCUMENT_BYTES[doc.name];
  if (doc.stateBytesBound + update.length <= limit) return null;
  doc.stateBytesBound = Y.encodeStateAsUpdate(doc.ydoc).length;
  if (doc.stateBytesBound + update.length <= limit) return null;
  const now = Date.now();
  if (now - doc.lastSizeWarningAt >= ROOM_WARNING_INTERVAL_MS) {
    doc.lastSizeWarningAt = now;
    core.sendEvent(room, { type: 'room-warning', roomId: room.id, at: new Date(now).toISOString(), doc: doc.name, reason: 'document-too-large' }, (c) => {
      const role = room.roleOf(c.userId, c.tokenRole);
      return c.doc === 'code' && (role === 'host' || role === 'interviewer');
    });
  }
  return 'document-too-large';
}

/**
 * A fresh client (empty state vector) gets the whole document, ending with the SyncStep2: at the stock
 * client's `synced` event it holds everything committed when the server answered.
 */
function sendFullState(doc: LiveDoc, conn: CollabConnection): void {
  for (const frame of doc.fullStateFrames()) conn.send(frame);
}

/**
 * Applies an accepted update and returns what is stored and relayed: the update itself when it is entirely
 * new, otherwise what it changed (a re-sent SyncStep2 shrinks to its diff). 'invalid' if Yjs failed or left
 * anything pending after all (the analysis should have refused it): then the document is dropped from memory
 * and its connections closed with 1011, so the next connection loads it from the store.
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
    core.discard(doc);
    return 'invalid';
  } finally {
    if (normalize) doc.ydoc.off('update', capture);
  }
  if (doc.ydoc.store.pendingStructs !== null || doc.ydoc.store.pendingDs !== null) {
    core.discard(doc);
    return 'invalid';
  }
  return changed;
}

/**
 * A rejection: nothing applied; the authors of its new structs that the sender owns are banned (a clientID
 * of another user never is, so no one can get someone else banned by forging a struct); the connection is
 * tainted; (user, doc) is flagged resync-required. All of it is in force at once and stored in order with
 * the plane's other writes; the sender is told once it is stored, at most once a second.
 */
function reject(core: PlaneCore, room: Room, doc: LiveDoc, conn: CollabConnection, analysis: UpdateAnalysis, reason: UpdateRejectedReason): void {
  const banned = [...analysis.authors].filter((client) => doc.owners.get(client) === conn.userId);
  for (const client of banned) doc.bans.add(client);
  doc.resyncFlags.add(conn.userId);
  conn.tainted = true;
  conn.probation = false;
  const recorded = core.writer.write(() => core.store.recordRejection(room.id, doc.name, conn.userId, banned));
  const now = Date.now();
  const notify = now - conn.lastRejectionNoticeAt >= REJECTION_NOTICE_INTERVAL_MS;
  if (notify) conn.lastRejectionNoticeAt = now;
  recorded.then(
    () => {
      if (!notify) return;
      const event = { type: 'update-rejected', roomId: room.id, at: new Date(now).toISOString(), doc: doc.name, reason, resync: true } as const;
      core.sendEvent(room, event, (c) => c === conn);
    },
    (error: unknown) => core.log.error('collab rejection bookkeeping failed', { ...errorFields(error), roomId: room.id }),
  );
}

function decodeOrThrow<T>(decode: () => T): T {
  try {
    return decode();
  } catch (error) {
    throw new MalformedFrame(String(error));
  }
}
