import {
  INTERNAL_SECRET_HEADER,
  type CallbackAckResponse,
  type CollabCallbacks,
  type SnapshotReadyItem,
  type UserDisconnectedPayload,
} from '../protocol/index.ts';
import type { Logger } from '../server-options.ts';

export interface HttpCallbackOptions {
  /** The control plane's internal base URL, e.g. `http://10.0.0.5:3000`. */
  baseUrl: string;
  internalSecret: string;
  log: Logger;
  /**
   * Waits before attempts 2, 3 and 4 (1 s, 2 s, 4 s; docs/collab-protocol.md, "Callback retry and buffering").
   * Tests shorten them, keeping the ratio.
   */
  retryDelaysMs?: readonly number[];
  timeoutMs?: number;
  flushIntervalMs?: number;
  maxItems?: number;
  maxBytes?: number;
}

export interface HttpCallbackSender extends CollabCallbacks {
  /** Items handed over and not yet acknowledged (buffered or in flight). */
  pendingCount(): number;
  /** Of those, the ones in the buffer: their retries are spent, and they wait for the next success or flush. */
  bufferedCount(): number;
  close(): void;
}

interface Deferred {
  resolve: () => void;
  reject: (error: Error) => void;
}
type Entry =
  | { kind: 'snapshot'; item: SnapshotReadyItem; bytes: number; done: Deferred }
  | { kind: 'disconnect'; payload: UserDisconnectedPayload; bytes: number; done: Deferred };
type Outcome = 'ok' | 'retryable' | 'rejected';

const PATHS = { snapshot: '/internal/callbacks/snapshot-ready', disconnect: '/internal/callbacks/user-disconnected' } as const;

/**
 * The callbacks (docs/collab-protocol.md, "Callbacks") over HTTP: at-least-once delivery, retry after 1/2/4 s
 * on network errors, timeouts, 5xx, 408 and 429; then an in-memory buffer (1000 items / 64 MiB, dropping the
 * oldest periodic snapshots, then the oldest disconnect notices) flushed with the next success of the same kind
 * and every 30 s.
 * Each returned promise settles when its items are acknowledged (or dropped); sync never waits on it.
 */
export function createHttpCallbackSender(options: HttpCallbackOptions): HttpCallbackSender {
  const delays = options.retryDelaysMs ?? [1000, 2000, 4000];
  const timeoutMs = options.timeoutMs ?? 5000;
  const maxItems = options.maxItems ?? 1000;
  const maxBytes = options.maxBytes ?? 64 * 1024 * 1024;
  const buffer: Entry[] = [];
  let inFlight = 0;
  let closed = false;
  const controllers = new Set<AbortController>();
  const sleeps = new Set<{ timer: NodeJS.Timeout; wake: () => void }>();

  async function post(path: string, body: unknown): Promise<Outcome> {
    if (closed) return 'retryable';
    const controller = new AbortController();
    controllers.add(controller);
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    try {
      const res = await fetch(new URL(path, options.baseUrl), {
        method: 'POST',
        headers: { 'content-type': 'application/json', [INTERNAL_SECRET_HEADER]: options.internalSecret },
        body: JSON.stringify(body),
        signal: controller.signal,
      });
      await res.arrayBuffer().catch(() => undefined);
      if (res.ok) return 'ok';
      if (res.status >= 500 || res.status === 408 || res.status === 429) return 'retryable';
      options.log.warn('callback refused; dropping', { path, status: res.status });
      return 'rejected';
    } catch {
      return 'retryable';
    } finally {
      clearTimeout(timer);
      controllers.delete(controller);
    }
  }

  function sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const entry = { timer: setTimeout(() => done(), ms), wake: () => done() };
      const done = (): void => {
        clearTimeout(entry.timer);
        sleeps.delete(entry);
        resolve();
      };
      sleeps.add(entry);
    });
  }

  async function postWithRetry(path: string, body: unknown): Promise<Outcome> {
    let outcome = await post(path, body);
    for (const delay of delays) {
      if (outcome !== 'retryable' || closed) break;
      await sleep(delay);
      outcome = await post(path, body);
    }
    return outcome;
  }

  function settle(entries: Entry[], outcome: Outcome): void {
    if (outcome === 'ok') for (const e of entries) e.done.resolve();
    else if (outcome === 'rejected') for (const e of entries) e.done.reject(new Error('callback refused by the control plane'));
    else keep(entries);
  }

  function keep(entries: Entry[]): void {
    if (closed) {
      for (const e of entries) e.done.reject(new Error('callback sender closed'));
      return;
    }
    buffer.push(...entries);
    const over = (): boolean => buffer.length > maxItems || buffer.reduce((n, e) => n + e.bytes, 0) > maxBytes;
    while (over()) {
      let victim = buffer.findIndex((e) => e.kind === 'snapshot' && e.item.trigger === 'periodic');
      if (victim < 0) victim = buffer.findIndex((e) => e.kind === 'disconnect');
      if (victim < 0) break; // only snapshots that are never dropped remain
      const [dropped] = buffer.splice(victim, 1);
      options.log.warn('callback buffer full; dropping the oldest item', { kind: dropped!.kind });
      dropped!.done.reject(new Error('dropped from the full callback buffer'));
    }
  }

  function takeBuffered<K extends Entry['kind']>(kind: K): Extract<Entry, { kind: K }>[] {
    const taken = buffer.filter((e) => e.kind === kind) as Extract<Entry, { kind: K }>[];
    for (const e of taken) buffer.splice(buffer.indexOf(e), 1);
    return taken;
  }

  async function sendSnapshots(fresh: Extract<Entry, { kind: 'snapshot' }>[], retry: boolean): Promise<void> {
    const all = [...takeBuffered('snapshot'), ...fresh].sort((a, b) => a.item.takenAt.localeCompare(b.item.takenAt));
    if (all.length === 0) return;
    inFlight += all.length;
    const body = { snapshots: all.map((e) => e.item) };
    const outcome = retry ? await postWithRetry(PATHS.snapshot, body) : await post(PATHS.snapshot, body);
    inFlight -= all.length;
    settle(all, outcome);
  }

  async function sendDisconnect(entry: Extract<Entry, { kind: 'disconnect' }>, retry: boolean): Promise<Outcome> {
    inFlight++;
    const outcome = retry ? await postWithRetry(PATHS.disconnect, entry.payload) : await post(PATHS.disconnect, entry.payload);
    inFlight--;
    settle([entry], outcome);
    return outcome;
  }

  async function flushDisconnects(): Promise<void> {
    for (const entry of takeBuffered('disconnect')) {
      if ((await sendDisconnect(entry, false)) !== 'ok') break;
    }
  }

  const flushTimer = setInterval(() => {
    if (buffer.length === 0) return;
    void sendSnapshots([], false).then(flushDisconnects);
  }, options.flushIntervalMs ?? 30_000);
  flushTimer.unref();

  function deferred(): { promise: Promise<void>; done: Deferred } {
    let done!: Deferred;
    const promise = new Promise<void>((resolve, reject) => (done = { resolve, reject }));
    return { promise, done };
  }

  return {
    async snapshotReady(payload): Promise<CallbackAckResponse> {
      const entries = payload.snapshots.map((item) => {
        const d = deferred();
        return { entry: { kind: 'snapshot' as const, item, bytes: item.bytes.length, done: d.done }, promise: d.promise };
      });
      void sendSnapshots(entries.map((e) => e.entry), true);
      await Promise.all(entries.map((e) => e.promise));
      return { received: entries.length };
    },
    async userDisconnected(payload): Promise<CallbackAckResponse> {
      const d = deferred();
      const entry = { kind: 'disconnect' as const, payload, bytes: 256, done: d.done };
      void sendDisconnect(entry, true).then((outcome) => (outcome === 'ok' ? flushDisconnects() : undefined));
      await d.promise;
      return { received: 1 };
    },
    pendingCount: () => buffer.length + inFlight,
    bufferedCount: () => buffer.length,
    close() {
      closed = true;
      clearInterval(flushTimer);
      for (const c of controllers) c.abort();
      for (const s of sleeps) s.wake();
      for (const e of buffer.splice(0)) e.done.reject(new Error('callback sender closed'));
    },
  };
}
