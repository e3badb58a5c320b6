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
  /** ClientIDs one connection may announce (more: 'too-many-clients'). */
  maxClientsPerPeer: number;
  /** Live states per document; past it, new clientIDs are dropped. */
  maxStates: number;
  /** Awareness bytes a connection may send per second, averaged over the window (more: 'rate-exceeded'). */
  byteRate: { bytesPerSecond: number; windowMs: number };
}

/** Who a peer is, written over `user.id/name/role` of every state it publishes. */
export interface PeerIdentity {
  id: string;
  name: string;
  role: string;
}

export interface AwarenessSettings<P> extends AwarenessRules {
  identify(peer: P): PeerIdentity;
}

/** What `receive` decided about a well-formed message; anything but 'ok' closes the sender's connection. */
export type AwarenessVerdict = 'ok' | 'too-many-clients' | 'rate-exceeded';

interface Entry {
  clock: number;
  /** The state as JSON text, exactly as relayed; 'null' once removed. */
  json: string;
  updatedAt: number;
}

interface Sender {
  /** ClientIDs this peer announced that no other peer owned (owned or dropped alike). */
  announced: Set<number>;
  /** Bytes received per message in the rate window: [receivedAt, bytes]. */
  traffic: [number, number][];
}

interface Outbox {
  pending: Map<number, Entry>;
  lastSentAt: number;
  timer: NodeJS.Timeout | null;
}

/**
 * Awareness of one document: a clientID belongs to the first connection that announces it until that
 * connection closes; states are relayed to every connection including the sender (the stock client's
 * watchdog needs traffic), at most once per throttle window per recipient, coalesced to the newest state;
 * states not renewed within the timeout, and those of a closed connection, are removed and the removal
 * broadcast. Memory is bounded: states over the size cap are dropped, a connection announces at most a few
 * clientIDs, a document holds a bounded number of states, and a connection's byte rate is capped. The
 * sender's identity (from its token) is written into every state it publishes. Nothing here is persisted.
 */
export class AwarenessHub<P extends AwarenessPeer> {
  readonly #rules: AwarenessSettings<P>;
  readonly #peers: () => Iterable<P>;
  readonly #states = new Map<number, Entry>();
  readonly #owners = new Map<number, P>();
  readonly #outboxes = new Map<P, Outbox>();
  readonly #senders = new Map<P, Sender>();
  /**
   * ClientIDs whose owner closed: the clock of their removal, when, and the owner's user. Stock clients echo
   * every awareness change they receive, so a removed state can come back from another user's connection
   * that had not yet seen the removal; such an echo (clock not past the removal) is not an announcement. The
   * same user's reconnecting client re-announces its clientID at the old clock, and that is accepted. Kept
   * for one timeout.
   */
  readonly #retired = new Map<number, { clock: number; at: number; userId: string }>();

  constructor(rules: AwarenessSettings<P>, peers: () => Iterable<P>) {
    this.#rules = rules;
    this.#peers = peers;
  }

  get size(): number {
    let n = 0;
    for (const e of this.#states.values()) if (e.json !== 'null') n++;
    return n;
  }

  /** Applies an update from `from`. Throws on a malformed payload (close 1008). */
  receive(from: P, payload: Uint8Array, now: number): AwarenessVerdict {
    const sender = this.#sender(from);
    const { bytesPerSecond, windowMs } = this.#rules.byteRate;
    sender.traffic = sender.traffic.filter(([at]) => now - at < windowMs);
    sender.traffic.push([now, payload.length]);
    if (sender.traffic.reduce((sum, [, bytes]) => sum + bytes, 0) > (bytesPerSecond * windowMs) / 1000) return 'rate-exceeded';
    const decoder = decoding.createDecoder(payload);
    const count = decoding.readVarUint(decoder);
    const accepted = new Map<number, Entry>();
    const identity = this.#rules.identify(from);
    for (let i = 0; i < count; i++) {
      const clientId = decoding.readVarUint(decoder);
      const clock = decoding.readVarUint(decoder);
      const text = decoding.readVarString(decoder);
      // Stock clients JSON.parse what we relay: anything unparsable is a malformed message.
      const state: unknown = JSON.parse(text);
      const owner = this.#owners.get(clientId);
      if (owner !== undefined && owner !== from) continue;
      // A removal of a state no connection owns, or another user's stale echo of a closed connection's state.
      const retired = owner === undefined ? this.#retired.get(clientId) : undefined;
      if (owner === undefined && (state === null || (retired && retired.userId !== identity.id && clock <= retired.clock))) continue;
      sender.announced.add(clientId);
      if (sender.announced.size > this.#rules.maxClientsPerPeer) return 'too-many-clients';
      if (Buffer.byteLength(text) > this.#rules.maxStateBytes) continue;
      const current = this.#states.get(clientId);
      if (!current && state !== null && this.size >= this.#rules.maxStates) continue;
      const json = withIdentity(state, identity);
      if (json === undefined) continue;
      const removal = json === 'null';
      if (current && !(current.clock < clock || (current.clock === clock && removal && current.json !== 'null'))) continue;
      this.#owners.set(clientId, from);
      const entry = { clock, json, updatedAt: now };
      this.#states.set(clientId, entry);
      accepted.set(clientId, entry);
    }
    if (accepted.size > 0) this.#relay(accepted, now, false);
    return 'ok';
  }

  /** Every known state, for the handshake and query-awareness; null when there is none. */
  encodeAll(): Uint8Array | null {
    const live = [...this.#states].filter(([, e]) => e.json !== 'null');
    return live.length === 0 ? null : encodeEntries(live);
  }

  /** A connection closed: its states are removed and the removal is broadcast at once. */
  disconnect(peer: P, now: number): void {
    const userId = this.#rules.identify(peer).id;
    const outbox = this.#outboxes.get(peer);
    if (outbox?.timer) clearTimeout(outbox.timer);
    this.#outboxes.delete(peer);
    this.#senders.delete(peer);
    const removed = new Map<number, Entry>();
    for (const [clientId, owner] of this.#owners) {
      if (owner !== peer) continue;
      this.#owners.delete(clientId);
      const removal = this.#remove(clientId, now);
      if (removal) removed.set(clientId, removal);
      this.#retired.set(clientId, { clock: removal?.clock ?? Number.MAX_SAFE_INTEGER, at: now, userId });
    }
    if (removed.size > 0) this.#relay(removed, now, true);
  }

  /** Removes states not renewed within the timeout and broadcasts their removal. */
  sweep(now: number): void {
    for (const [clientId, retired] of this.#retired) if (now - retired.at >= this.#rules.timeoutMs) this.#retired.delete(clientId);
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

  #sender(peer: P): Sender {
    let sender = this.#senders.get(peer);
    if (!sender) this.#senders.set(peer, (sender = { announced: new Set(), traffic: [] }));
    return sender;
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

/**
 * The state as relayed: `user.id/name/role` overwritten with the sender's identity (other `user` fields,
 * such as the colour, are kept). 'null' for a removal; undefined for a state that is not a JSON object,
 * which cannot carry an identity and is dropped.
 */
function withIdentity(state: unknown, identity: PeerIdentity): string | undefined {
  if (state === null) return 'null';
  if (typeof state !== 'object' || Array.isArray(state)) return undefined;
  const record = state as Record<string, unknown>;
  const user = typeof record.user === 'object' && record.user !== null && !Array.isArray(record.user) ? record.user : {};
  return JSON.stringify({ ...record, user: { ...user, id: identity.id, name: identity.name, role: identity.role } });
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
