import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import { encodeRoomEvent, MessageType, readRoomEvent, type RoomEvent } from '../../server/protocol/index.ts';

const payload = (text: string): decoding.Decoder => {
  const encoder = encoding.createEncoder();
  encoding.writeVarString(encoder, text);
  return decoding.createDecoder(encoding.toUint8Array(encoder));
};

describe('room-event codec (message type 100)', () => {
  it('reads back what encodeRoomEvent wrote, after the message type', () => {
    const event: RoomEvent = { type: 'editor-lock', roomId: 'r', at: '2026-03-01T12:00:00.000Z', locked: true, reason: 'manual', by: null };
    const decoder = decoding.createDecoder(encodeRoomEvent(event));
    expect(decoding.readVarUint(decoder)).toBe(MessageType.ROOM_EVENT);
    expect(readRoomEvent(decoder)).toEqual({ ok: true, event });
  });

  it.each([
    ['bad JSON', '{"type":', 'unreadable room event'],
    ['an unknown type', '{"type":"explode","roomId":"r","at":"x"}', 'invalid room event'],
    ['a missing field', '{"type":"phase-changed","roomId":"r","at":"x","from":"waiting","by":null}', 'invalid room event: to'],
    ['a wrong enum', '{"type":"editor-lock","roomId":"r","at":"x","locked":true,"reason":"because","by":null}', 'invalid room event: reason'],
  ])('reports %s instead of throwing', (_what, text, error) => {
    const reading = readRoomEvent(payload(text));
    expect(reading.ok).toBe(false);
    expect(reading.ok ? '' : reading.error).toContain(error);
  });

  it('reports a truncated frame instead of throwing', () => {
    const reading = readRoomEvent(decoding.createDecoder(new Uint8Array([0x20, 0x7b])));
    expect(reading.ok).toBe(false);
  });
});
