import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { WebSocket } from 'ws';
import { MessageType, readRoomEvent, SyncMessageType, type RoomEvent } from '../../../server/protocol/index.ts';
import { pollUntil } from '../../support/poll.ts';

export interface ReceivedMessage {
  type: number;
  subType?: number;
  payload?: Uint8Array;
  event?: RoomEvent;
}

/** A protocol-level client for tests: sends exact frames and records what the server sends and how it closes. */
export class RawClient {
  readonly ws: WebSocket;
  readonly received: ReceivedMessage[] = [];
  closeCode: number | null = null;
  closeReason = '';
  readonly opened: Promise<void>;

  constructor(url: string) {
    this.ws = new WebSocket(url);
    this.ws.binaryType = 'nodebuffer';
    this.opened = new Promise((resolve, reject) => {
      this.ws.once('open', () => resolve());
      this.ws.once('error', reject);
    });
    this.ws.on('error', () => {});
    this.ws.on('message', (data: Buffer) => this.received.push(decodeMessage(new Uint8Array(data))));
    this.ws.on('close', (code, reason) => {
      this.closeCode = code;
      this.closeReason = reason.toString();
    });
  }

  static async open(url: string): Promise<RawClient> {
    const c = new RawClient(url);
    await c.opened;
    return c;
  }

  send(frame: Uint8Array | string): void {
    this.ws.send(frame);
  }

  sendSync(subType: number, payload: Uint8Array): void {
    this.send(syncFrame(subType, payload));
  }

  events(type?: RoomEvent['type']): RoomEvent[] {
    return this.received.flatMap((m) => (m.event && (!type || m.event.type === type) ? [m.event] : []));
  }

  async waitForClose(timeoutMs = 5000): Promise<number> {
    return (await pollUntil(() => this.closeCode, (c) => c !== null, { timeoutMs, what: 'socket close' }))!;
  }

  async waitFor(pred: (m: ReceivedMessage) => boolean, what = 'message'): Promise<ReceivedMessage> {
    await pollUntil(() => this.received.some(pred), Boolean, { what });
    return this.received.find(pred)!;
  }

  close(): void {
    if (this.ws.readyState === this.ws.OPEN || this.ws.readyState === this.ws.CONNECTING) this.ws.terminate();
  }
}

export function syncFrame(subType: number, payload: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MessageType.SYNC);
  encoding.writeVarUint(e, subType);
  encoding.writeVarUint8Array(e, payload);
  return encoding.toUint8Array(e);
}

export function awarenessFrame(entries: { clientId: number; clock: number; state: unknown }[]): Uint8Array {
  const inner = encoding.createEncoder();
  encoding.writeVarUint(inner, entries.length);
  for (const e of entries) {
    encoding.writeVarUint(inner, e.clientId);
    encoding.writeVarUint(inner, e.clock);
    encoding.writeVarString(inner, JSON.stringify(e.state));
  }
  const outer = encoding.createEncoder();
  encoding.writeVarUint(outer, MessageType.AWARENESS);
  encoding.writeVarUint8Array(outer, encoding.toUint8Array(inner));
  return encoding.toUint8Array(outer);
}

export function decodeAwareness(payload: Uint8Array): { clientId: number; clock: number; state: unknown }[] {
  const d = decoding.createDecoder(payload);
  const n = decoding.readVarUint(d);
  const out = [];
  for (let i = 0; i < n; i++) {
    out.push({ clientId: decoding.readVarUint(d), clock: decoding.readVarUint(d), state: JSON.parse(decoding.readVarString(d)) as unknown });
  }
  return out;
}

function decodeMessage(frame: Uint8Array): ReceivedMessage {
  const d = decoding.createDecoder(frame);
  const type = decoding.readVarUint(d);
  if (type === MessageType.SYNC) {
    const subType = decoding.readVarUint(d);
    return { type, subType, payload: decoding.readVarUint8Array(d) };
  }
  if (type === MessageType.AWARENESS) return { type, payload: decoding.readVarUint8Array(d) };
  if (type === MessageType.ROOM_EVENT) {
    const reading = readRoomEvent(d);
    if (!reading.ok) throw new Error(reading.error);
    return { type, event: reading.event };
  }
  return { type };
}

export { SyncMessageType };
