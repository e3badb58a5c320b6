import type { ServerMode } from './protocol/index.ts';
import type { Mailer } from './control/index.ts';
import type { SandboxPolicy } from './execution/index.ts';
import type { AiProviderOptions } from './ai/index.ts';
import type { WebClientState } from './http/static-files.ts';

export interface LiveKitOptions {
  url: string;
  apiKey: string;
  apiSecret: string;
}

/** Everything the server needs, passed in: nothing is read from process.env here (the CLI maps env/flags). */
export interface ServerOptions {
  /** Bind address. Default 127.0.0.1. Embedded mode refuses anything but loopback. */
  host?: string;
  /** Default 3000; 0 picks a free port. */
  port?: number;
  /**
   * The server's public origin (`https://interviews.example.com`, no trailing slash): every absolute URL the
   * server hands out (JoinRoomResponse.collabUrl, ...) is built from it, never from a request's Host header.
   * Default: the bound address, `http://HOST:PORT` with the real port.
   */
  publicUrl?: string;
  /**
   * This process's name among the server processes sharing one database (`/v1/health` reports it as `nodeId`).
   * Default: the host name and the port (`host-3000`; the process id in place of port 0).
   */
  nodeId?: string;
  /**
   * With redisUrl: the origin the other server processes reach this one at (`http://10.0.0.5:3000`), for the
   * `/collab` sockets and room calls they forward to a room's owner. Default: the bound address, with the host
   * name in place of a wildcard address.
   */
  internalUrl?: string;
  /**
   * PostgreSQL (`postgres://user:pass@host:5432/db`) for everything durable, instead of the SQLite files in
   * dataDir. Several server processes may share one (hosted scale-out, with redisUrl).
   */
  databaseUrl?: string;
  /**
   * Redis (`redis://host:6379`): several server processes share one databaseUrl and this Redis (room
   * ownership, node presence, room locks and clock fan-out, rate limits; see server/cluster/). Needs the same
   * jwtSecret and internalSecret in every process, and the in-process collab plane.
   */
  redisUrl?: string;
  /** Directory for the SQLite files and generated secrets; created if missing. */
  dataDir: string;
  mode?: ServerMode;
  jwtSecret?: string;
  internalSecret?: string;
  /** REST rate limits and the collab plane's message and connection-attempt limits. Default true. */
  rateLimits?: boolean;
  adminEmail?: string;
  adminPassword?: string;
  livekit?: LiveKitOptions;
  /**
   * Outgoing email (password reset). Absent: one over smtpUrl when that is set; otherwise no email is sent, and
   * forgot-password still answers the same.
   */
  mailer?: Mailer;
  /**
   * Hosted mode: the SMTP server reset emails go through (SYNCODE_SMTP_URL), `smtp://user:pass@host:587` (STARTTLS
   * when offered) or `smtps://user:pass@host:465`, credentials URL-encoded. The reset link is built from publicUrl.
   */
  smtpUrl?: string;
  /** Their From header (SYNCODE_MAIL_FROM). Default: `SynCode <no-reply@HOST>`, HOST publicUrl's host name. */
  mailFrom?: string;
  /** Directory of the built web client served at `/`; null serves none. Default: dist/renderer. */
  webRoot?: string | null;
  /** Whether the web client in webRoot can be served yet (the CLI builds it on first start). Default: ready. */
  webClientState?: () => WebClientState;
  /** Directory of bundled problems seeded on start. Default: resources/problems. */
  problemsDir?: string | null;
  /**
   * Embedded mode: a per-launch secret every HTTP request and WebSocket upgrade must carry in the
   * `x-syncode-launch-secret` header, so other local programs and web pages cannot use the server.
   */
  launchSecret?: string;
  /**
   * Reverse proxies (addresses and CIDRs): only for requests whose socket peer is one of them is the client
   * address taken from X-Forwarded-For, for rate limits and the audit log. Default: none.
   */
  trustedProxies?: string[];
  /** Origins allowed to send requests (checked when an Origin header is present). Default: any in hosted, loopback in embedded. */
  allowedOrigins?: string[];
  /**
   * CORS for /v1: origins whose browser pages may call the API. Entries: an exact origin,
   * `loopback` (any 127.0.0.1 / localhost / [::1] port, and the app's own origin) or `*`. Default: none.
   */
  corsOrigins?: string[];
  /**
   * Split deployment: the collab plane runs as its own process. The server then
   * starts no in-process collab plane, drives the collab process at `baseUrl` (internal HTTP API, with
   * `internalSecret`), answers its callbacks at `/internal/callbacks/*`, and gives clients `publicUrl`
   * (`ws(s)://…/collab`) as JoinRoomResponse.collabUrl.
   */
  externalCollab?: { baseUrl: string; publicUrl: string };
  /** Role-swap request expiry (60 s). For tests only. */
  roleSwapTtlMs?: number;
  /** A collab document without connections is unloaded after this long. Default 300000. */
  documentIdleTtlMs?: number;
  /** Periodic snapshot interval of a live room's documents. Default 30000. */
  snapshotIntervalMs?: number;
  /**
   * Execution plane (server/execution): worker count (default: CPU cores), the sandbox policy (default `isolated`
   * in hosted mode, `auto` in embedded mode; see SandboxPolicy) and the bubblewrap binary (default /usr/bin/bwrap).
   */
  execution?: { workers?: number; sandbox?: SandboxPolicy; bwrapPath?: string };
  /**
   * The AI provider (SYNCODE_AI_BASE_URL, SYNCODE_AI_API_KEY, SYNCODE_AI_MODEL, SYNCODE_AI_REQUESTS_PER_DAY; in the
   * desktop app, its AI settings). Absent: every AI endpoint answers 503 AI_UNAVAILABLE and reports are `unavailable`.
   */
  ai?: AiProviderOptions;
  /**
   * Hosted mode: the bearer token `GET /metrics` requires (SYNCODE_METRICS_TOKEN). Absent: /metrics answers only
   * requests from loopback or a trusted proxy's network (see docs/operations.md). Embedded mode never serves it.
   */
  metricsToken?: string;
  /** Where log lines go. Default: JSON lines on stderr at `logLevel`, each with `nodeId` (server/logger.ts). */
  log?: Logger;
  /** The default logger's level (SYNCODE_LOG_LEVEL). Default `info`. */
  logLevel?: LogLevel;
}

/** `debug` logs what `info` does today: the Logger has no debug entries yet. */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';

export interface Logger {
  info(message: string, data?: Record<string, unknown>): void;
  warn(message: string, data?: Record<string, unknown>): void;
  error(message: string, data?: Record<string, unknown>): void;
}

export interface RunningServer {
  /** `http://HOST:PORT` with the real port. */
  url: string;
  port: number;
  /** Stops accepting, closes sockets with 1001, flushes the stores, releases everything. */
  close(): Promise<void>;
}
