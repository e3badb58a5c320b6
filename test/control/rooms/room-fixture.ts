// Room tests run against a real server twice: with the in-process collab plane, and with the collab plane
// as its own server behind the internal HTTP API (split deployment). Both must look the same on /v1 and
// /collab (docs/collab-protocol.md, "Deployments").
import { afterAll, beforeAll } from 'vitest';
import { startCollabServer, type RunningCollabServer } from '../../../server/collab/index.ts';
import { silentLogger } from '../../../server/logger.ts';
import type { ServerOptions } from '../../../server/server-options.ts';
import { onFreePort } from '../../support/free-port.ts';
import { startTestServer, type TestServer } from '../../support/test-server.ts';
import { makeTempDir } from '../../support/temp-dir.ts';
import { call, registerUser, type ApiResponse } from '../api.ts';

export const JWT_SECRET = 'rooms-test-jwt-secret-0123456789abcdef0123';
export const INTERNAL_SECRET = 'rooms-test-internal-secret-0123456789abcd';

export interface RoomServer extends TestServer {
  /** The standalone collab server in split mode. */
  collab?: RunningCollabServer;
}

export interface CollabMode {
  name: 'in-process' | 'http';
  start(options?: Partial<ServerOptions>): Promise<RoomServer>;
}

const base: Partial<ServerOptions> = { jwtSecret: JWT_SECRET, internalSecret: INTERNAL_SECRET, rateLimits: false, webRoot: null };

export const inProcess: CollabMode = {
  name: 'in-process',
  start: (options = {}) => startTestServer({ ...base, ...options }),
};

/**
 * Split deployment: the collab server first (its callbacks go to the main server's port, reserved up front),
 * then the main server with `externalCollab`. `stop()` closes both.
 */
export const overHttp: CollabMode = {
  name: 'http',
  start: (options = {}) => (options.port === undefined ? onFreePort((port) => startSplit(port, options)) : startSplit(options.port, options)),
};

/** The split deployment with the main server on `port`; nothing is left running when it throws. */
async function startSplit(port: number, options: Partial<ServerOptions>): Promise<RoomServer> {
  const collabDir = makeTempDir('syncode-collab-');
  const collab = await startCollabServer({
    dataDir: collabDir.path,
    jwtSecret: JWT_SECRET,
    internalSecret: INTERNAL_SECRET,
    callbacks: { baseUrl: `http://127.0.0.1:${port}`, retryDelaysMs: [50, 100, 200], flushIntervalMs: 500 },
    log: silentLogger,
  });
  const closeCollab = async () => {
    await collab.close();
    collabDir.remove();
  };
  let server: TestServer;
  try {
    server = await startTestServer({
      ...base,
      ...options,
      port,
      externalCollab: { baseUrl: collab.url, publicUrl: `ws://127.0.0.1:${collab.port}/collab` },
    });
  } catch (error) {
    await closeCollab();
    throw error;
  }
  return {
    ...server,
    collab,
    async stop() {
      await collab.close();
      await server.stop();
      collabDir.remove();
    },
  };
}

export const COLLAB_MODES: readonly CollabMode[] = [inProcess, overHttp];

export interface Person {
  id: string;
  token: string;
  name: string;
}

export async function person(server: { url: string }, name: string): Promise<Person> {
  const tokens = await registerUser(server as TestServer, name);
  return { id: tokens.user.id, token: tokens.accessToken, name };
}

/** Registers several people at once, in order. */
export async function people<const N extends readonly string[]>(server: { url: string }, names: N): Promise<{ [K in keyof N]: Person }> {
  return (await Promise.all(names.map((n) => person(server, n)))) as { [K in keyof N]: Person };
}

export interface RoomCast {
  server: RoomServer;
  /** Hana, who creates the rooms. */
  host: Person;
  ann: Person;
  bob: Person;
  cid: Person;
}

/**
 * For the enclosing describe block: a server of `mode` with Hana, Ann, Bob and Cid registered, started before
 * its tests and stopped after them. The fields are set in `beforeAll`: read them inside the tests.
 */
export function useRoomCast(mode: CollabMode): RoomCast {
  const cast = {} as RoomCast;
  beforeAll(async () => {
    cast.server = await mode.start();
    [cast.host, cast.ann, cast.bob, cast.cid] = await people(cast.server, ['Hana', 'Ann', 'Bob', 'Cid'] as const);
  });
  afterAll(async () => {
    await cast.server?.stop();
  });
  return cast;
}

/** `as(user).post(path, body)`: authenticated JSON calls. */
export function as(server: { url: string }, who: { token: string }) {
  return {
    get: <T = any>(path: string): Promise<ApiResponse<T>> => call<T>(server, 'GET', path, { token: who.token }),
    post: <T = any>(path: string, body?: unknown): Promise<ApiResponse<T>> => call<T>(server, 'POST', path, { token: who.token, body }),
    patch: <T = any>(path: string, body?: unknown): Promise<ApiResponse<T>> => call<T>(server, 'PATCH', path, { token: who.token, body }),
    delete: <T = any>(path: string, body?: unknown): Promise<ApiResponse<T>> => call<T>(server, 'DELETE', path, { token: who.token, body }),
  };
}

/** Creates a room as `host` and returns its RoomDetail. */
export async function createRoom(server: { url: string }, host: Person, body: Record<string, unknown> = { mode: 'interview' }): Promise<any> {
  const res = await as(server, host).post('/v1/rooms', body);
  if (res.status !== 201) throw new Error(`create room failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** Joins with the room's invite code; returns the JoinRoomResponse. */
export async function join(server: { url: string }, who: Person, room: { id: string; code: string }, role?: string): Promise<any> {
  const res = await as(server, who).post(`/v1/rooms/${room.id}/join`, { code: room.code, ...(role ? { role } : {}) });
  if (res.status !== 200) throw new Error(`join failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** A problem of the bundled bank (seeded on start) by slug. */
export async function problemBySlug(server: { url: string }, who: Person, slug: string): Promise<any> {
  const res = await as(server, who).get(`/v1/problems?q=${encodeURIComponent(slug)}&limit=100`);
  const found = (res.body.items as any[]).find((p) => p.slug === slug);
  if (!found) throw new Error(`problem ${slug} not in the bank`);
  return (await as(server, who).get(`/v1/problems/${found.id}`)).body;
}

export function expectError(res: ApiResponse, status: number, code: string): void {
  if (res.status !== status || res.body?.code !== code) {
    throw new Error(`expected ${status} ${code}, got ${res.status} ${JSON.stringify(res.body)}`);
  }
}
