import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { isValidCorsEntry } from './http/cors.ts';
import { isValidNetwork } from './http/client-ip.ts';
import { requireStrongSecret } from './config/secrets.ts';
import { LOG_LEVELS } from './logger.ts';
import type { LogLevel, ServerOptions } from './server-options.ts';

/**
 * Maps flags and environment variables to ServerOptions. Flags override environment variables. Throws with
 * a readable message on bad input (the CLI exits 2).
 */
export function optionsFromCli(argv: string[], env: NodeJS.ProcessEnv): ServerOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      host: { type: 'string' },
      port: { type: 'string' },
      'data-dir': { type: 'string' },
      'web-root': { type: 'string' },
      mode: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help) throw new CliHelp();
  const port = parsePort(values.port ?? env.PORT ?? '3000');
  const mode = values.mode ?? 'hosted';
  if (mode !== 'hosted' && mode !== 'embedded') throw new Error(`Invalid mode: ${mode} (hosted or embedded)`);
  const rateLimits = env.SYNCODE_RATE_LIMITS ?? 'on';
  if (rateLimits !== 'on' && rateLimits !== 'off') throw new Error('SYNCODE_RATE_LIMITS must be "on" or "off"');
  const options: ServerOptions = {
    host: values.host ?? env.HOST ?? '127.0.0.1',
    port,
    dataDir: resolve(values['data-dir'] ?? env.SYNCODE_DATA_DIR ?? './data'),
    mode,
    rateLimits: rateLimits === 'on',
  };
  const webRoot = values['web-root'] ?? env.SYNCODE_WEB_ROOT;
  if (webRoot) options.webRoot = resolve(webRoot);
  requireStrongSecret('SYNCODE_JWT_SECRET', env.SYNCODE_JWT_SECRET);
  requireStrongSecret('SYNCODE_INTERNAL_SECRET', env.SYNCODE_INTERNAL_SECRET);
  if (env.SYNCODE_JWT_SECRET) options.jwtSecret = env.SYNCODE_JWT_SECRET;
  if (env.SYNCODE_INTERNAL_SECRET) options.internalSecret = env.SYNCODE_INTERNAL_SECRET;
  if (env.SYNCODE_ADMIN_EMAIL && env.SYNCODE_ADMIN_PASSWORD) {
    options.adminEmail = env.SYNCODE_ADMIN_EMAIL;
    options.adminPassword = env.SYNCODE_ADMIN_PASSWORD;
  }
  if (env.LIVEKIT_URL && env.LIVEKIT_API_KEY && env.LIVEKIT_API_SECRET) {
    options.livekit = { url: env.LIVEKIT_URL, apiKey: env.LIVEKIT_API_KEY, apiSecret: env.LIVEKIT_API_SECRET };
  }
  if (env.SYNCODE_CORS_ORIGINS) options.corsOrigins = corsOriginsFrom(env.SYNCODE_CORS_ORIGINS);
  if (env.SYNCODE_TRUSTED_PROXIES) options.trustedProxies = trustedProxiesFrom(env.SYNCODE_TRUSTED_PROXIES);
  if (env.SYNCODE_COLLAB_URL) options.externalCollab = externalCollabFrom(env.SYNCODE_COLLAB_URL, env.SYNCODE_COLLAB_PUBLIC_URL);
  else if (env.SYNCODE_COLLAB_PUBLIC_URL) throw new Error('SYNCODE_COLLAB_PUBLIC_URL needs SYNCODE_COLLAB_URL (the collab process\'s internal URL)');
  if (env.SYNCODE_DATABASE_URL) options.databaseUrl = serviceUrlFrom('SYNCODE_DATABASE_URL', env.SYNCODE_DATABASE_URL, ['postgres:', 'postgresql:']);
  if (env.SYNCODE_REDIS_URL) options.redisUrl = serviceUrlFrom('SYNCODE_REDIS_URL', env.SYNCODE_REDIS_URL, ['redis:', 'rediss:']);
  if (options.redisUrl && !options.databaseUrl) throw new Error('SYNCODE_REDIS_URL needs SYNCODE_DATABASE_URL: processes that share live state must share one database');
  if (options.redisUrl && !(options.jwtSecret && options.internalSecret)) {
    throw new Error('SYNCODE_REDIS_URL needs SYNCODE_JWT_SECRET and SYNCODE_INTERNAL_SECRET: every process must sign and check the same tokens');
  }
  if (options.redisUrl && options.externalCollab) throw new Error('SYNCODE_REDIS_URL runs the collab plane in every process: it cannot be combined with SYNCODE_COLLAB_URL');
  if (env.SYNCODE_INTERNAL_URL) {
    if (!options.redisUrl) throw new Error('SYNCODE_INTERNAL_URL needs SYNCODE_REDIS_URL (it is the address other server processes reach this one at)');
    options.internalUrl = originFrom('SYNCODE_INTERNAL_URL', env.SYNCODE_INTERNAL_URL);
  }
  if (env.SYNCODE_NODE_ID) options.nodeId = nodeIdFrom(env.SYNCODE_NODE_ID);
  if (env.SYNCODE_PUBLIC_URL) options.publicUrl = originFrom('SYNCODE_PUBLIC_URL', env.SYNCODE_PUBLIC_URL);
  if (env.SYNCODE_SMTP_URL) options.smtpUrl = smtpUrlFrom(env.SYNCODE_SMTP_URL);
  if (env.SYNCODE_MAIL_FROM) {
    if (!options.smtpUrl) throw new Error('SYNCODE_MAIL_FROM needs SYNCODE_SMTP_URL (the SMTP server reset emails go through)');
    options.mailFrom = senderFrom(env.SYNCODE_MAIL_FROM);
  }
  if (env.SYNCODE_EXEC_WORKERS) options.execution = { workers: positiveInteger('SYNCODE_EXEC_WORKERS', env.SYNCODE_EXEC_WORKERS) };
  if (env.SYNCODE_SANDBOX) options.execution = { ...options.execution, sandbox: sandboxFrom(env.SYNCODE_SANDBOX) };
  if (env.SYNCODE_LOG_LEVEL) options.logLevel = logLevelFrom(env.SYNCODE_LOG_LEVEL);
  requireStrongSecret('SYNCODE_METRICS_TOKEN', env.SYNCODE_METRICS_TOKEN);
  if (env.SYNCODE_METRICS_TOKEN) options.metricsToken = env.SYNCODE_METRICS_TOKEN;
  const ai = aiFrom(env);
  if (ai) options.ai = ai;
  return options;
}

/** `https://app.example.com, loopback`: exact origins, `loopback` or `*` (server/http/cors.ts); empty entries are skipped. */
function corsOriginsFrom(text: string): string[] {
  const entries = text.split(',').map((e) => e.trim()).filter((e) => e !== '');
  const bad = entries.find((e) => !isValidCorsEntry(e));
  if (bad !== undefined) {
    throw new Error(`SYNCODE_CORS_ORIGINS: "${bad}" is not an origin (scheme://host[:port], no path or trailing slash), "loopback" or "*"`);
  }
  return entries;
}

/** A short printable name: letters, digits, `.`, `_`, `-` (it appears in logs, metrics and Redis keys). */
function nodeIdFrom(text: string): string {
  if (!/^[A-Za-z0-9._-]{1,64}$/.test(text)) throw new Error(`SYNCODE_NODE_ID: "${text}" must be 1–64 letters, digits, ".", "_" or "-"`);
  return text;
}

/** `10.0.0.0/8, 192.168.1.5, fd00::/8`: addresses and CIDRs of reverse proxies; empty entries are skipped. */
function trustedProxiesFrom(text: string): string[] {
  const entries = text.split(',').map((e) => e.trim()).filter((e) => e !== '');
  const bad = entries.find((e) => !isValidNetwork(e));
  if (bad !== undefined) throw new Error(`SYNCODE_TRUSTED_PROXIES: "${bad}" is not an IPv4/IPv6 address or CIDR`);
  return entries;
}

/**
 * Split deployment: the internal base URL of the collab process (only its origin is used: the client calls
 * absolute /internal/... paths) and the public `ws(s)://…/collab` URL, by default derived from the internal one.
 */
function externalCollabFrom(baseText: string, publicText: string | undefined): { baseUrl: string; publicUrl: string } {
  const base = parseUrl('SYNCODE_COLLAB_URL', baseText, ['http:', 'https:']);
  if (base.pathname !== '/') throw new Error(`SYNCODE_COLLAB_URL must have no path: ${baseText}`);
  const publicUrl = publicText
    ? parseUrl('SYNCODE_COLLAB_PUBLIC_URL', publicText, ['ws:', 'wss:']).href.replace(/\/+$/, '')
    : `${base.origin.replace(/^http/, 'ws')}/collab`;
  if (!publicUrl.endsWith('/collab')) throw new Error(`SYNCODE_COLLAB_PUBLIC_URL must end with /collab: ${publicText}`);
  return { baseUrl: base.origin, publicUrl };
}

/** `https://interviews.example.com`: an http(s) origin, kept without a trailing slash. */
function originFrom(name: string, text: string): string {
  const url = parseUrl(name, text, ['http:', 'https:']);
  if (url.pathname !== '/') throw new Error(`${name} must be an origin, with no path: ${text}`);
  return url.origin;
}

/** A database or Redis URL (credentials and options allowed); the text is kept as given. */
function serviceUrlFrom(name: string, text: string, protocols: string[]): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new Error(`${name} is not a URL`);
  }
  if (!protocols.includes(url.protocol)) throw new Error(`${name} must be a ${protocols.join(' or ')} URL`);
  return text;
}

/**
 * `smtp://user:pass@host:587` (STARTTLS when offered) or `smtps://user:pass@host:465`, credentials URL-encoded;
 * the text is kept as given, and never quoted in a message: it holds a password.
 */
function smtpUrlFrom(text: string): string {
  serviceUrlFrom('SYNCODE_SMTP_URL', text, ['smtp:', 'smtps:']);
  const url = new URL(text);
  if (url.hostname === '') throw new Error('SYNCODE_SMTP_URL has no host (smtp://user:pass@host:587)');
  if ((url.pathname !== '' && url.pathname !== '/') || url.search !== '' || url.hash !== '') {
    throw new Error('SYNCODE_SMTP_URL must have no path, query or fragment');
  }
  try {
    decodeURIComponent(url.username);
    decodeURIComponent(url.password);
  } catch {
    throw new Error('SYNCODE_SMTP_URL: the user name and password must be URL-encoded');
  }
  return text;
}

const ADDRESS = String.raw`[^\s<>@",;]+@[^\s<>@",;]+`;
const SENDER = new RegExp(String.raw`^(?:${ADDRESS}|(?:[^<>@",;\r\n]*|"[^"\r\n]*")\s*<${ADDRESS}>)$`);

/**
 * `no-reply@example.com` or `SynCode <no-reply@example.com>` (the name bare or in double quotes): one address on
 * one line, as it becomes the From header.
 */
function senderFrom(text: string): string {
  if (!SENDER.test(text)) throw new Error(`SYNCODE_MAIL_FROM must be an address or "Name <address>": ${text}`);
  return text;
}

function parseUrl(name: string, text: string, protocols: string[]): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new Error(`${name} is not a URL: ${text}`);
  }
  if (!protocols.includes(url.protocol)) throw new Error(`${name} must be a ${protocols.join(' or ')} URL: ${text}`);
  if (url.search !== '' || url.hash !== '' || url.username !== '' || url.password !== '') {
    throw new Error(`${name} must have no query, fragment or credentials: ${text}`);
  }
  return url;
}

/** SYNCODE_AI_*: the provider is configured by its base URL; the key, model and daily allowance are optional. */
function aiFrom(env: NodeJS.ProcessEnv): ServerOptions['ai'] {
  if (!env.SYNCODE_AI_BASE_URL) {
    const stray = ['SYNCODE_AI_API_KEY', 'SYNCODE_AI_MODEL', 'SYNCODE_AI_REQUESTS_PER_DAY'].find((name) => env[name]);
    if (stray) throw new Error(`${stray} needs SYNCODE_AI_BASE_URL (the provider's OpenAI-compatible URL, e.g. http://127.0.0.1:11434/v1)`);
    return undefined;
  }
  const url = parseUrl('SYNCODE_AI_BASE_URL', env.SYNCODE_AI_BASE_URL, ['http:', 'https:']);
  return {
    baseUrl: url.href.replace(/\/+$/, ''),
    ...(env.SYNCODE_AI_API_KEY ? { apiKey: env.SYNCODE_AI_API_KEY } : {}),
    ...(env.SYNCODE_AI_MODEL ? { model: env.SYNCODE_AI_MODEL } : {}),
    ...(env.SYNCODE_AI_REQUESTS_PER_DAY ? { requestsPerDay: positiveInteger('SYNCODE_AI_REQUESTS_PER_DAY', env.SYNCODE_AI_REQUESTS_PER_DAY) } : {}),
  };
}

/** A TCP port (0 = any free one); throws `Invalid port: …` otherwise. Shared with the collab CLI. */
export function parsePort(text: string): number {
  const port = Number(text);
  if (text.trim() === '' || !Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`Invalid port: ${text}`);
  return port;
}

function logLevelFrom(text: string): LogLevel {
  const level = LOG_LEVELS.find((l) => l === text);
  if (!level) throw new Error(`SYNCODE_LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}: ${text}`);
  return level;
}

/** `isolated` or `limited`; unset leaves the mode's default (hosted: isolated, embedded: isolated when possible). */
function sandboxFrom(text: string): 'isolated' | 'limited' {
  if (text !== 'isolated' && text !== 'limited') throw new Error(`SYNCODE_SANDBOX must be "isolated" or "limited": ${text}`);
  return text;
}

function positiveInteger(name: string, text: string): number {
  const value = Number(text);
  if (!/^[1-9]\d*$/.test(text) || !Number.isSafeInteger(value)) throw new Error(`${name} must be a positive integer: ${text}`);
  return value;
}

export class CliHelp extends Error {
  constructor() {
    super(`Usage: npm run server -- [--host 127.0.0.1] [--port 3000] [--data-dir ./data] [--mode hosted|embedded]
  [--web-root dist/renderer]
Environment: HOST, PORT, SYNCODE_DATA_DIR, SYNCODE_WEB_ROOT, SYNCODE_WEB_BUILD (on|off), SYNCODE_JWT_SECRET, SYNCODE_INTERNAL_SECRET,
  SYNCODE_ADMIN_EMAIL + SYNCODE_ADMIN_PASSWORD, SYNCODE_RATE_LIMITS (on|off),
  LIVEKIT_URL + LIVEKIT_API_KEY + LIVEKIT_API_SECRET, SYNCODE_CORS_ORIGINS (origins, loopback or *, comma-separated),
  SYNCODE_COLLAB_URL [+ SYNCODE_COLLAB_PUBLIC_URL] (split deployment), SYNCODE_EXEC_WORKERS,
  SYNCODE_DATABASE_URL (postgres://… : PostgreSQL instead of the SQLite files in the data directory),
  SYNCODE_REDIS_URL (redis://… : shared live state for several server processes; needs SYNCODE_DATABASE_URL and both secrets),
  SYNCODE_NODE_ID (this process's name among several; default host name and port),
  SYNCODE_INTERNAL_URL (with SYNCODE_REDIS_URL: the origin other server processes reach this one at; default the bound address),
  SYNCODE_PUBLIC_URL (the public origin absolute URLs are built from; default http://HOST:PORT as bound),
  SYNCODE_SMTP_URL (smtp://user:pass@host:587 or smtps://…:465 : password reset emails, linking to SYNCODE_PUBLIC_URL),
  SYNCODE_MAIL_FROM (their From: address or "Name <address>"; default SynCode <no-reply@host of SYNCODE_PUBLIC_URL>),
  SYNCODE_TRUSTED_PROXIES (addresses/CIDRs of reverse proxies, comma-separated), SYNCODE_SANDBOX (isolated|limited),
  SYNCODE_AI_BASE_URL [+ SYNCODE_AI_API_KEY, SYNCODE_AI_MODEL, SYNCODE_AI_REQUESTS_PER_DAY] (OpenAI-compatible AI provider),
  SYNCODE_LOG_LEVEL (debug|info|warn|error|silent), SYNCODE_METRICS_TOKEN (bearer token for GET /metrics).
  Flags override environment variables.`);
  }
}
