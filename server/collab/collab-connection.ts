import type { WebSocket } from 'ws';
import type { CollabDoc, CollabTokenClaims, RoomRole } from '../protocol/index.ts';
import type { AwarenessPeer } from './awareness-hub.ts';
import { encodeAwarenessMessage } from './collab-wire.ts';

/** A client whose unsent data exceeds this is cut off, so one slow reader never holds memory or others back. */
export const MAX_BUFFERED_BYTES = 64 * 1024 * 1024;

/** One open, authenticated /collab socket and its enforcement state (docs/collab-protocol.md, "Write permissions"). */
export class CollabConnection implements AwarenessPeer {
  readonly ws: WebSocket;
  readonly roomId: string;
  readonly doc: CollabDoc;
  readonly userId: string;
  readonly tokenRole: RoomRole;
  readonly name: string;
  /** Every later content-bearing message is rejected (R4). */
  tainted = false;
  /** The user is flagged resync-required: the first SyncStep2 decides (docs/collab-protocol.md, "Taint and probation"). */
  probation: boolean;
  lastRejectionNoticeAt = -Infinity;
  /** Answered the last ping. */
  alive = true;
  closed = false;
  readonly #rate: Float64Array | null;
  readonly #rateWindowMs: number;
  #rateIndex = 0;

  constructor(
    ws: WebSocket,
    claims: CollabTokenClaims,
    doc: CollabDoc,
    probation: boolean,
    rateLimit: { messages: number; windowMs: number } | null,
  ) {
    this.ws = ws;
    this.roomId = claims.roomId;
    this.doc = doc;
    this.userId = claims.sub;
    this.tokenRole = claims.role;
    this.name = claims.name;
    this.probation = probation;
    this.#rate = rateLimit ? new Float64Array(rateLimit.messages).fill(-Infinity) : null;
    this.#rateWindowMs = rateLimit?.windowMs ?? 0;
  }

  /** Records one incoming message; false when the connection exceeded its message rate (docs/collab-protocol.md, "Limits"). */
  countMessage(now: number): boolean {
    if (!this.#rate) return true;
    const oldest = this.#rate[this.#rateIndex]!;
    this.#rate[this.#rateIndex] = now;
    this.#rateIndex = (this.#rateIndex + 1) % this.#rate.length;
    return now - oldest >= this.#rateWindowMs;
  }

  send(frame: Uint8Array): void {
    if (this.closed || this.ws.readyState !== this.ws.OPEN) return;
    if (this.ws.bufferedAmount > MAX_BUFFERED_BYTES) {
      this.ws.terminate();
      return;
    }
    this.ws.send(frame);
  }

  sendAwareness(update: Uint8Array): void {
    this.send(encodeAwarenessMessage(update));
  }
}
