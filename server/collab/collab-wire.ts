import * as encoding from 'lib0/encoding';
import { MessageType, SyncMessageType } from '../protocol/index.ts';

// Outgoing y-websocket frames (sync, awareness), encoded once and sent to many connections. Room-event
// frames come from the protocol's encodeRoomEvent.

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

/** Hand-rolled (one allocation, one copy): this runs once per accepted update on the hot path. */
function encodeSync(subType: number, payload: Uint8Array): Uint8Array {
  let lengthBytes = 1;
  for (let n = payload.length; n > 0x7f; n >>>= 7) lengthBytes++;
  const frame = Buffer.allocUnsafe(2 + lengthBytes + payload.length);
  frame[0] = MessageType.SYNC;
  frame[1] = subType;
  let pos = 2;
  let n = payload.length;
  while (n > 0x7f) {
    frame[pos++] = (n & 0x7f) | 0x80;
    n >>>= 7;
  }
  frame[pos++] = n;
  frame.set(payload, pos);
  return frame;
}
