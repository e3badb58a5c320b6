// Runs the embedded server in a child process (Electron utilityProcess; tests inject child_process.fork):
// start with a per-launch secret, wait for a typed `ready` under a timeout, restart with back-off when it
// crashes, stop it cleanly on quit. Every state change is reported (the renderer's `server-status`).
import { randomBytes } from 'node:crypto';
import type { EmbeddedServerStatus } from '../preload/api.ts';
import {
  isEmbeddedChildMessage,
  type EmbeddedAiProvider,
  type EmbeddedChildMessage,
  type EmbeddedParentMessage,
} from '../server/protocol/embedded-messages.ts';

/** The few operations the supervisor needs from a forked child, whichever API forked it. */
export interface EmbeddedChild {
  postMessage(message: EmbeddedParentMessage): void;
  onMessage(listener: (message: unknown) => void): void;
  onExit(listener: (code: number | null) => void): void;
  kill(): void;
}

export type ForkEmbedded = (entryPath: string) => EmbeddedChild;

export interface SupervisorOptions {
  fork: ForkEmbedded;
  /** server/embedded/embedded-entry.ts in development, its bundle when packaged. */
  entryPath: string;
  dataDir: string;
  webRoot: string | null;
  problemsDir?: string | null;
  /** The port the last launch used (kept in settings): the same origin keeps the renderer's storage. */
  preferredPort?: number;
  /** The AI provider of the desktop settings, passed to the server at start; `restart` replaces it. */
  ai?: EmbeddedAiProvider | null;
  onStatus: (status: EmbeddedServerStatus) => void;
  /** Default 20000: a cold start on a slow disk migrates and seeds the database first. */
  readyTimeoutMs?: number;
  /** Grace period for a clean stop before the child is killed. Default 5000. */
  stopTimeoutMs?: number;
  /** Restart delays: initial, doubled per consecutive failure, capped. Default 500 ms → 30 s. */
  backoff?: { initialMs: number; maxMs: number };
  /** Consecutive failed starts/crashes before giving up (`failed`). Default 6. */
  maxRestarts?: number;
  /** A child that stayed ready this long resets the failure count. Default 60000. */
  stableAfterMs?: number;
}

export interface ServerSupervisor {
  /** The per-launch secret main adds to the renderer's requests (`x-syncode-launch-secret`). */
  readonly launchSecret: string;
  status(): EmbeddedServerStatus;
  /** Resolves with the URL once the first start is ready; rejects when the supervisor gives up. */
  ready(): Promise<string>;
  /**
   * Stops the server cleanly and starts it again with `ai` (the AI settings changed). It asks for the same
   * port, so the renderer keeps its origin, its storage and its tokens; open sockets reconnect by themselves.
   * Resolves with the URL once the new server is ready; rejects if it never gets there or on close.
   */
  restart(ai: EmbeddedAiProvider | null): Promise<string>;
  close(): Promise<void>;
}

export function startServerSupervisor(options: SupervisorOptions): ServerSupervisor {
  const launchSecret = randomBytes(32).toString('base64url');
  const readyTimeoutMs = options.readyTimeoutMs ?? 20_000;
  const stopTimeoutMs = options.stopTimeoutMs ?? 5_000;
  const backoff = options.backoff ?? { initialMs: 500, maxMs: 30_000 };
  const maxRestarts = options.maxRestarts ?? 6;
  const stableAfterMs = options.stableAfterMs ?? 60_000;

  let status: EmbeddedServerStatus = { state: 'starting', url: null, message: null };
  let child: EmbeddedChild | null = null;
  let lastPort = options.preferredPort ?? 0;
  let ai = options.ai ?? null;
  /** restart() calls run one after the other; each waits for its own server's ready. */
  let restartQueue: Promise<unknown> = Promise.resolve();
  let readyWaiters: { resolve: (url: string) => void; reject: (e: Error) => void }[] = [];
  const settleWaiters = (settle: (w: (typeof readyWaiters)[number]) => void): void => {
    const waiters = readyWaiters;
    readyWaiters = [];
    waiters.forEach(settle);
  };
  let failures = 0;
  let readyAt = 0;
  let timer: NodeJS.Timeout | null = null;
  let closing: Promise<void> | null = null;
  let settleFirst: { resolve: (url: string) => void; reject: (e: Error) => void } | null = null;
  const firstReady = new Promise<string>((resolve, reject) => (settleFirst = { resolve, reject }));
  firstReady.catch(() => {}); // callers that never ask must not see an unhandled rejection

  const setStatus = (next: EmbeddedServerStatus): void => {
    status = next;
    options.onStatus(next);
  };
  const clearTimer = (): void => {
    if (timer) clearTimeout(timer);
    timer = null;
  };

  const launch = (): void => {
    const c = options.fork(options.entryPath);
    child = c;
    let settled = false;
    const fail = (reason: string): void => {
      if (settled || child !== c || closing) return;
      settled = true;
      clearTimer();
      child = null;
      c.kill();
      scheduleRestart(reason);
    };
    c.onMessage((raw) => {
      if (child !== c || !isEmbeddedChildMessage(raw)) return;
      const message: EmbeddedChildMessage = raw;
      switch (message.type) {
        case 'ready':
          if (settled) return;
          settled = true;
          clearTimer();
          lastPort = message.port;
          readyAt = Date.now();
          setStatus({ state: 'ready', url: message.url, message: null });
          settleFirst?.resolve(message.url);
          settleFirst = null;
          settleWaiters((w) => w.resolve(message.url));
          return;
        case 'failed':
          fail(`embedded server failed to start: ${message.message}`);
          return;
        case 'stopped':
          return;
      }
    });
    c.onExit((code) => {
      if (child !== c || closing) return;
      if (settled) {
        // A crash after ready: a long healthy run starts the back-off from scratch.
        if (Date.now() - readyAt >= stableAfterMs) failures = 0;
        child = null;
        scheduleRestart(`embedded server exited (code ${code ?? 'signal'})`);
      } else {
        fail(`embedded server exited before ready (code ${code ?? 'signal'})`);
      }
    });
    timer = setTimeout(() => fail(`embedded server not ready after ${readyTimeoutMs} ms`), readyTimeoutMs);
    c.postMessage({
      type: 'start',
      options: {
        dataDir: options.dataDir,
        launchSecret,
        port: lastPort,
        webRoot: options.webRoot,
        ...(options.problemsDir !== undefined ? { problemsDir: options.problemsDir } : {}),
        ...(ai ? { ai } : {}),
      },
    });
  };

  const scheduleRestart = (reason: string): void => {
    failures += 1;
    if (failures > maxRestarts) {
      setStatus({ state: 'failed', url: null, message: `${reason}; gave up after ${maxRestarts} restarts` });
      settleFirst?.reject(new Error(reason));
      settleFirst = null;
      settleWaiters((w) => w.reject(new Error(reason)));
      return;
    }
    const delay = Math.min(backoff.maxMs, backoff.initialMs * 2 ** (failures - 1));
    setStatus({ state: 'restarting', url: null, message: `${reason}; restart ${failures} in ${delay} ms` });
    timer = setTimeout(() => {
      timer = null;
      setStatus({ state: 'starting', url: null, message: null });
      launch();
    }, delay);
  };

  const stopChild = (c: EmbeddedChild): Promise<void> =>
    new Promise<void>((resolve) => {
      const kill = setTimeout(() => c.kill(), stopTimeoutMs);
      c.onExit(() => {
        clearTimeout(kill);
        resolve();
      });
      c.postMessage({ type: 'stop' });
    });

  setStatus(status);
  launch();

  return {
    launchSecret,
    status: () => status,
    ready: () => firstReady,
    restart(next) {
      const run = restartQueue.catch(() => {}).then(async () => {
        if (closing) throw new Error('supervisor closed');
        ai = next;
        clearTimer(); // a pending crash restart is replaced by this one
        const c = child;
        child = null;
        setStatus({ state: 'restarting', url: null, message: 'applying new settings' });
        if (c) await stopChild(c);
        if (closing) throw new Error('supervisor closed');
        failures = 0;
        const ready = new Promise<string>((resolve, reject) => readyWaiters.push({ resolve, reject }));
        setStatus({ state: 'starting', url: null, message: null });
        launch();
        return ready;
      });
      restartQueue = run;
      return run;
    },
    close() {
      closing ??= (async () => {
        clearTimer();
        const c = child;
        child = null;
        if (c) await stopChild(c);
        setStatus({ state: 'stopped', url: null, message: null });
        settleFirst?.reject(new Error('supervisor closed'));
        settleFirst = null;
        settleWaiters((w) => w.reject(new Error('supervisor closed')));
      })();
      return closing;
    },
  };
}
