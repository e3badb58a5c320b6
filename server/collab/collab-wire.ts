import * as encoding from 'lib0/encoding';
import { MessageType, SyncMessageType, type RoomEvent } from '../protocol/index.ts';

// Outgoing frames of collab-plane.md §4, encoded once and sent to many connections.

export function encodeSyncStep1(stateVector: Uint8Array): Uint8Array {
  return encodeSync(SyncMessageType.STEP1, stateVector);
}

export function encodeSyncStep2(update: Uint8Array): Uint8Array {
  return encodeSync(SyncMessageType.STEP2, update);
}

export function encodeSyncUpdate(update: Uint8Array): Uint8Array {
  return encodeSync(SyncMessageType.UPDATE, update);
}

export function encodeAwarenessMessage(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.AWARENESS);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}

export function encodeRoomEvent(event: RoomEvent): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.ROOM_EVENT);
  encoding.writeVarString(encoder, JSON.stringify(event));
  return encoding.toUint8Array(encoder);
}

function encodeSync(subType: number, payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.SYNC);
  encoding.writeVarUint(encoder, subType);
  encoding.writeVarUint8Array(encoder, payload);
  return encoding.toUint8Array(encoder);
}
