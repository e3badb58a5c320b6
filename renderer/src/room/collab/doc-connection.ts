// One room document over one y-websocket provider, with the client's obligations: room events (type 100)
// through the provider's message-handler table, discard-and-resync on `update-rejected`, one action per
// close code, presence renewal, and a pending-edit count for the status chip.
import { ObservableV2 } from 'lib0/observable';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { CloseCode, closeActionFor, MessageType, readRoomEvent, sendEditsAfterAnswer, type CollabDoc, type RoomEvent } from '../../../../server/protocol/index.ts';
import { persistLocally, type LocalPersistence } from './local-persistence.ts';

export type DocSyncState = 'connecting' | 'syncing' | 'synced' | 'offline';

/** Why a document stopped for good (until the user acts). */
export type DocStop =
  | { kind: 'kicked' }
  | { kind: 'room-closed' }
  | { kind: 'replaced' }
  | { kind: 'unauthorized' }
  | { kind: 'left' }
  | { kind: 'not-found' }
  | { kind: 'client-error'; code: number };

export interface DocConnectionOptions {
  serverUrl: string;
  collabUrl: string;
  roomId: string;
  doc: CollabDoc;
  token: string;
  /** Local awareness state to publish on every (re)created provider. */
  awarenessState: () => Record<string, unknown>;
  /** Fetches a fresh collab token (POST /join); rejects when the join fails. */
  renewToken: () => Promise<string>;
}

type Events = {
  state: (state: DocSyncState, pending: number) => void;
  /** A new Y.Doc replaced the old one (after a rejected update or 1009); rebind editors to it. */
  'doc-replaced': (doc: Y.Doc, provider: WebsocketProvider, reason: string) => void;
  'room-event': (event: RoomEvent) => void;
  stopped: (stop: DocStop) => void;
  'rate-limited': (retryInMs: number) => void;
};

/** Every client renews its presence this often, so peers can tell a silent connection from a live one. */
export const PRESENCE_RENEW_MS = 4000;

/** 4029 (rate limited) → reconnect after at least 10 s plus jitter. */
const RATE_LIMIT_DELAY_MS = 10_000;
const RATE_LIMIT_JITTER_MS = 5_000;

export class DocConnection extends ObservableV2<Events> {
  readonly options: DocConnectionOptions;
  doc!: Y.Doc;
  provider!: WebsocketProvider;
  #persistence!: LocalPersistence;
  #pending = 0;
  #state: DocSyncState = 'connecting';
  #rejoinedOnce = false;
  #timers = new Set<ReturnType<typeof setTimeout>>();
  /** Renews this client's presence so peers can tell a silent connection from a live one. */
  readonly #presenceRenewal = setInterval(() => {
    const state = this.provider.awareness.getLocalState();
    if (state) this.provider.awareness.setLocalState(state);
  }, PRESENCE_RENEW_MS);
  #destroyed = false;
  #resyncing = false;
  #offlineStopped = false;
  /** The token the current connection attempt carries (a 4001 for an already-replaced token needs no rejoin). */
  #tokenInUse: string | undefined;
  readonly #onOnline = () => this.#reconnectNow();
  // The OS says the network is gone: stop at once rather than wait for a dead TCP socket to time out,
  // so the chip says "offline" and edits visibly pile up locally.
  readonly #onOffline = () => {
    this.#offlineStopped = this.provider.shouldConnect;
    this.provider.disconnect();
    this.#recompute();
  };

  constructor(options: DocConnectionOptions) {
    super();
    this.options = options;
    this.#open();
    window.addEventListener('online', this.#onOnline);
    window.addEventListener('offline', this.#onOffline);
  }

  get state(): DocSyncState {
    return this.#state;
  }
  get pending(): number {
    return this.#pending;
  }
  get whenLoaded(): Promise<void> {
    return this.#persistence.whenLoaded;
  }

  /** "Use here" after 4009, or a manual retry after a stop. */
  reconnect(): void {
    this.provider.connect();
  }

  setToken(token: string): void {
    this.provider.params = { ...this.provider.params, token };
  }

  /** After a rejected update: drop the doc and its local copy, start over from the server's state. */
  async resync(reason: string): Promise<void> {
    if (this.#resyncing || this.#destroyed) return;
    this.#resyncing = true;
    this.provider.destroy();
    await this.#persistence.clear();
    this.doc.destroy();
    this.#pending = 0;
    this.#open();
    this.#resyncing = false;
    this.emit('doc-replaced', [this.doc, this.provider, reason]);
  }

  override destroy(): void {
    this.#destroyed = true;
    window.removeEventListener('online', this.#onOnline);
    window.removeEventListener('offline', this.#onOffline);
    for (const t of this.#timers) clearTimeout(t);
    clearInterval(this.#presenceRenewal);
    this.provider.destroy();
    this.#persistence.destroy();
    this.doc.destroy();
    super.destroy();
  }

  #open(): void {
    const { collabUrl, roomId, doc: name, serverUrl, token } = this.options;
    const doc = new Y.Doc();
    const persistence = persistLocally({ server: serverUrl, roomId, doc: name }, doc);
    const provider = new WebsocketProvider(collabUrl, `${roomId}/${name}`, doc, {
      connect: false,
      params: { token: this.provider?.params.token ?? token },
      // Cross-tab sync would bypass the server's enforcement (only the server checks roles and the lock).
      disableBc: true,
      maxBackoffTime: 10_000,
      shouldReconnect: (event) => this.#onClose(event.code),
    });
    // An edit typed right after a reconnect must not overtake the offline edits it depends on (R5).
    sendEditsAfterAnswer(provider);
    provider.messageHandlers[MessageType.ROOM_EVENT] = (_encoder, decoder) => {
      // A room event needs no reply: nothing is written into the reply encoder.
      const reading = readRoomEvent(decoder);
      if (reading.ok) this.#onRoomEvent(reading.event);
      else console.warn(`Ignored a room event from the server: ${reading.error}`);
    };
    provider.awareness.setLocalState(this.options.awarenessState());
    provider.on('status', ({ status }) => {
      if (status === 'connecting') this.#tokenInUse = provider.params.token;
      this.#recompute();
    });
    provider.on('sync', (synced) => {
      if (synced) {
        this.#pending = 0;
        this.#rejoinedOnce = false;
      }
      this.#recompute();
    });
    doc.on('update', (_update: Uint8Array, origin: unknown) => {
      if (origin === provider || origin === persistence.origin) return;
      this.#pending++;
      this.#recompute();
      this.#settleWhenFlushed();
    });
    this.doc = doc;
    this.provider = provider;
    this.#persistence = persistence;
    provider.connect();
  }

  /** While connected and synced, an edit is on the wire as soon as the socket's buffer drains. */
  #settleWhenFlushed(): void {
    if (!this.provider.wsconnected || !this.provider.synced) return;
    const check = () => {
      const ws = this.provider.ws;
      if (this.provider.synced && ws && ws.bufferedAmount === 0) {
        this.#pending = 0;
        this.#recompute();
      } else if (this.provider.synced && ws) {
        this.#later(check, 16);
      }
    };
    queueMicrotask(check);
  }

  #recompute(): void {
    const p = this.provider;
    const next: DocSyncState = p.wsconnected ? (p.synced && this.#pending === 0 ? 'synced' : 'syncing') : navigator.onLine && p.wsconnecting ? 'connecting' : 'offline';
    this.#state = next;
    this.emit('state', [next, this.#pending]);
  }

  #onRoomEvent(event: RoomEvent): void {
    if (event.type === 'update-rejected' && event.doc === this.options.doc) {
      void this.resync(event.reason);
      return;
    }
    this.emit('room-event', [event]);
  }

  /** Maps a close code to its client action. Returns whether the provider may reconnect by itself. */
  #onClose(code: number): boolean {
    const action = closeActionFor(code);
    switch (action) {
      case 'reconnect-now':
        // The server process is draining and another one takes the room over: no back-off for this attempt.
        this.provider.wsUnsuccessfulReconnects = 0;
        return true;
      case 'reconnect-soon':
        // The room's server died and another takes it over within seconds: retry at most 0.8 s apart
        // instead of backing off towards the 10 s maximum meanwhile.
        this.provider.wsUnsuccessfulReconnects = Math.min(this.provider.wsUnsuccessfulReconnects, 3);
        return true;
      case 'reconnect-backoff':
        return true;
      case 'stop':
        this.emit('stopped', [stopFor(code)]);
        return false;
      case 'show-session':
        this.emit('stopped', [{ kind: 'room-closed' }]);
        return false;
      case 'offer-use-here':
        this.emit('stopped', [{ kind: 'replaced' }]);
        return false;
      case 'resync':
        queueMicrotask(() => void this.resync('message-too-big'));
        return false;
      case 'rejoin-once':
        if (this.provider.params.token !== this.#tokenInUse) {
          // The other document already renewed the token while this attempt was under way.
          queueMicrotask(() => this.provider.connect());
          return false;
        }
        if (this.#rejoinedOnce) {
          this.emit('stopped', [{ kind: 'unauthorized' }]);
          return false;
        }
        this.#rejoinedOnce = true;
        this.options
          .renewToken()
          .then((token) => {
            this.setToken(token);
            if (!this.#destroyed) this.provider.connect();
          })
          .catch(() => this.emit('stopped', [{ kind: 'unauthorized' }]));
        return false;
      case 'retry-after-10s': {
        const delay = RATE_LIMIT_DELAY_MS + Math.random() * RATE_LIMIT_JITTER_MS;
        this.emit('rate-limited', [delay]);
        this.#later(() => this.provider.connect(), delay);
        return false;
      }
    }
  }

  #reconnectNow(): void {
    const p = this.provider;
    // The browser says the network is back: skip the remaining back-off instead of waiting it out.
    // (A provider stopped by a close code stays stopped: those wait for the user or their own timer.)
    if (!p.wsconnected && !p.wsconnecting && (p.shouldConnect || this.#offlineStopped)) {
      p.wsUnsuccessfulReconnects = 0;
      p.connect();
    }
    this.#offlineStopped = false;
  }

  #later(fn: () => void, ms: number): void {
    const t = setTimeout(() => {
      this.#timers.delete(t);
      if (!this.#destroyed) fn();
    }, ms);
    this.#timers.add(t);
  }
}

function stopFor(code: number): DocStop {
  switch (code) {
    case CloseCode.KICKED.code:
      return { kind: 'kicked' };
    case CloseCode.NORMAL.code:
      return { kind: 'left' };
    case CloseCode.ROOM_NOT_FOUND.code:
      return { kind: 'not-found' };
    default:
      return { kind: 'client-error', code };
  }
}
