import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

/** The part of a connection the awareness relay needs. */
export interface AwarenessPeer {
  /** Sends one complete awareness message payload (the y-protocols awareness update). */
  sendAwareness(update: Uint8Array): void;
}

export interface AwarenessRules {
  throttleMs: number;
  timeoutMs: number;
  maxStateBytes: number;
}

interface Entry {
  clock: number;
  /** The state as JSON text, exactly as relayed; 'null' once removed. */
  json: string;
  updatedAt: number;
}

interface Outbox {
  pending: Map<number, Entry>;
  lastSentAt: number;
  timer: NodeJS.Timeout | null;
}

/**
 * Awareness of one document (collab-plane.md §6): clientID ownership, relay to every connection including
 * the sender, a per-recipient throttle that coalesces to the newest state, timeout and disconnect removal,
 * and the state size cap. Nothing here is persisted.
 */
export class AwarenessHub<P extends AwarenessPeer> {
  readonly #rules: AwarenessRules;
  readonly #peers: () => Iterable<P>;
  readonly #states = new Map<number, Entry>();
  readonly #owners = new Map<number, P>();
  readonly #outboxes = new Map<P, Outbox>();

  constructor(rules: AwarenessRules, peers: () => Iterable<P>) {
    this.#rules = rules;
    this.#peers = peers;
  }

  get size(): number {
    let n = 0;
    for (const e of this.#states.values()) if (e.json !== 'null') n++;
    return n;
  }

  /** Applies an update from `from`. Throws on a malformed payload (close 1008). */
  receive(from: P, payload: Uint8Array, now: number): void {
    const decoder = decoding.createDecoder(payload);
    const count = decoding.readVarUint(decoder);
    const accepted = new Map<number, Entry>();
    for (let i = 0; i < count; i++) {
      const clientId = decoding.readVarUint(decoder);
      const clock = decoding.readVarUint(decoder);
      const json = decoding.readVarString(decoder);
      // Stock clients JSON.parse what we relay: anything unparsable is a malformed message.
      JSON.parse(json);
      const owner = this.#owners.get(clientId);
      if (owner !== undefined && owner !== from) continue;
      if (Buffer.byteLength(json) > this.#rules.maxStateBytes) continue;
      const current = this.#states.get(clientId);
      const removal = json === 'null';
      if (current && !(current.clock < clock || (current.clock === clock && removal && current.json !== 'null'))) continue;
      this.#owners.set(clientId, from);
      const entry = { clock, json, updatedAt: now };
      this.#states.set(clientId, entry);
      accepted.set(clientId, entry);
    }
    if (accepted.size > 0) this.#relay(accepted, now, false);
  }

  /** Every known state, for the handshake and query-awareness; null when there is none. */
  encodeAll(): Uint8Array | null {
    const live = [...this.#states].filter(([, e]) => e.json !== 'null');
    return live.length === 0 ? null : encodeEntries(live);
  }

  /** A connection closed: its states are removed and the removal is broadcast at once. */
  disconnect(peer: P, now: number): void {
    const outbox = this.#outboxes.get(peer);
    if (outbox?.timer) clearTimeout(outbox.timer);
    this.#outboxes.delete(peer);
    const removed = new Map<number, Entry>();
    for (const [clientId, owner] of this.#owners) {
      if (owner !== peer) continue;
      this.#owners.delete(clientId);
      const removal = this.#remove(clientId, now);
      if (removal) removed.set(clientId, removal);
    }
    if (removed.size > 0) this.#relay(removed, now, true);
  }

  /** Removes states not renewed within the timeout and broadcasts their removal. */
  sweep(now: number): void {
    const removed = new Map<number, Entry>();
    for (const [clientId, entry] of this.#states) {
      if (entry.json !== 'null' && now - entry.updatedAt >= this.#rules.timeoutMs) {
        const removal = this.#remove(clientId, now);
        if (removal) removed.set(clientId, removal);
      }
    }
    if (removed.size > 0) this.#relay(removed, now, false);
  }

  close(): void {
    for (const outbox of this.#outboxes.values()) if (outbox.timer) clearTimeout(outbox.timer);
    this.#outboxes.clear();
  }

  #remove(clientId: number, now: number): Entry | null {
    const current = this.#states.get(clientId);
    if (!current || current.json === 'null') {
      this.#states.delete(clientId);
      return null;
    }
    this.#states.delete(clientId);
    return { clock: current.clock + 1, json: 'null', updatedAt: now };
  }

  #relay(entries: Map<number, Entry>, now: number, immediate: boolean): void {
    for (const peer of this.#peers()) {
      let outbox = this.#outboxes.get(peer);
      if (!outbox) this.#outboxes.set(peer, (outbox = { pending: new Map(), lastSentAt: -Infinity, timer: null }));
      for (const [id, e] of entries) outbox.pending.set(id, e);
      if (immediate || (outbox.timer === null && now - outbox.lastSentAt >= this.#rules.throttleMs)) {
        this.#flush(peer, outbox, now);
      } else if (outbox.timer === null) {
        const box = outbox;
        box.timer = setTimeout(() => this.#flush(peer, box, Date.now()), box.lastSentAt + this.#rules.throttleMs - now);
      }
    }
  }

  #flush(peer: P, outbox: Outbox, now: number): void {
    if (outbox.timer) clearTimeout(outbox.timer);
    outbox.timer = null;
    if (outbox.pending.size === 0) return;
    const update = encodeEntries([...outbox.pending]);
    outbox.pending.clear();
    outbox.lastSentAt = now;
    peer.sendAwareness(update);
  }
}

function encodeEntries(entries: [number, Entry][]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, entries.length);
  for (const [clientId, e] of entries) {
    encoding.writeVarUint(encoder, clientId);
    encoding.writeVarUint(encoder, e.clock);
    encoding.writeVarString(encoder, e.json);
  }
  return encoding.toUint8Array(encoder);
}
