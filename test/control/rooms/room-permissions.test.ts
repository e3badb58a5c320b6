// The room endpoints' permission matrix as one table: every role (H host, I interviewer, C candidate,
// S spectator, A admin who is not a participant, U any other user) against every room endpoint. Allowed
// calls must get past the permission check (most send an invalid body on purpose, so they stop at
// validation, which the error order puts after permission, and change nothing); refused calls get ROOM_FORBIDDEN
// (ADMIN_FORBIDDEN on admin routes).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pollUntil } from '../../support/poll.ts';
import { ADMIN, loginAdmin, type ApiResponse } from '../api.ts';
import { as, createRoom, inProcess, join, people, type Person, type RoomServer } from './room-fixture.ts';

type Letter = 'H' | 'I' | 'C' | 'S' | 'A' | 'U';
/** Host last: its allowed calls may be the destructive ones (DELETE room). */
const ORDER: readonly Letter[] = ['I', 'C', 'S', 'A', 'U', 'H'];

interface Row {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  path: string;
  body?: unknown;
  allowed: string;
  /** Undo an allowed call's effect (e.g. rejoin after leave). */
  after?: (who: Letter, res: ApiResponse) => Promise<void>;
  forbidden?: 'ROOM_FORBIDDEN' | 'ADMIN_FORBIDDEN';
  /** Callers for whom the row has no meaning (a non-participant has no `:self` participant: not found comes before permission). */
  skip?: string;
}

describe('permission matrix (room endpoints)', () => {
  let server: RoomServer;
  const who = {} as Record<Letter, { token: string; id: string }>;
  let spare: Person;
  let room: any;
  let peer: any;
  let swapId: string;
  let runId: string;
  let peerWho: Partial<Record<Letter, { token: string; id: string }>> = {};

  beforeAll(async () => {
    server = await inProcess.start({ adminEmail: ADMIN.email, adminPassword: ADMIN.password });
    const [h, i, c, s, u, x, ph, pc] = await people(server, ['Hana', 'Ivan', 'Cleo', 'Sam', 'Uma', 'Xavi', 'Pat', 'Quinn'] as const);
    const admin = await loginAdmin(server);
    Object.assign(who, { H: h, I: i, C: c, S: s, U: u, A: { token: admin.accessToken, id: admin.user.id } });
    spare = x;
    room = await createRoom(server, h, { mode: 'interview', config: { maxParticipants: 10 } });
    await join(server, c, room);
    await join(server, i, room, 'spectator');
    await join(server, s, room);
    await join(server, x, room);
    await as(server, h).patch(`/v1/rooms/${room.id}/participants/${i.id}`, { role: 'interviewer' });
    await as(server, h).post(`/v1/rooms/${room.id}/control/phase`, { to: 'wrapup' });
    const run = await as(server, h).post(`/v1/rooms/${room.id}/run`, { code: 'print(1)', language: 'python' });
    runId = run.body.id;
    await pollUntil(async () => (await as(server, h).get(`/v1/runs/${runId}`)).body.status, (st) => st === 'completed', { timeoutMs: 60_000 });

    // Peer room for the swap answer: Pat (host) asks, Quinn (candidate) answers. H/I/C/S of the table are
    // not in it, so they map onto its members below.
    peer = await createRoom(server, ph, { mode: 'peer', config: { maxParticipants: 3 } });
    await join(server, pc, peer);
    swapId = (await as(server, ph).post(`/v1/rooms/${peer.id}/control/role-swap`)).body.id;
    peerWho = { H: ph, C: pc };
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('allows exactly the permitted roles on every room endpoint', async () => {
    const R = () => `/v1/rooms/${room.id}`;
    const rejoin = async (l: Letter) => {
      await as(server, who[l]).post(`${R()}/join`, {});
    };
    const rows: Row[] = [
      { method: 'GET', path: R(), allowed: 'HICSA' },
      { method: 'GET', path: `${R()}/participants`, allowed: 'HICSA' },
      { method: 'POST', path: `${R()}/join`, body: { role: 'host' }, allowed: 'HICSAU' },
      { method: 'PATCH', path: `${R()}/participants/${spare.id}`, body: { muted: 'loud' }, allowed: 'H' },
      { method: 'PATCH', path: `${R()}/participants/:self`, body: { muted: 'loud' }, allowed: 'HICS', skip: 'AU' },
      { method: 'DELETE', path: `${R()}/participants/${spare.id}`, body: { reason: 5 }, allowed: 'H' },
      { method: 'POST', path: `${R()}/control/phase`, body: { to: 'later' }, allowed: 'HI' },
      { method: 'POST', path: `${R()}/control/problem`, body: {}, allowed: 'HIC' },
      { method: 'PATCH', path: `${R()}/settings`, body: { name: '' }, allowed: 'H' },
      { method: 'POST', path: `${R()}/control/timer/pause`, allowed: 'HI' },
      { method: 'POST', path: `${R()}/control/timer/resume`, allowed: 'HI' },
      { method: 'POST', path: `${R()}/control/snapshot`, allowed: 'HI' },
      { method: 'POST', path: `${R()}/control/role-swap`, allowed: 'HC' },
      { method: 'POST', path: `${R()}/media/token`, allowed: 'HICS' },
      { method: 'POST', path: `${R()}/feedback`, body: {}, allowed: 'HIC' },
      { method: 'GET', path: `${R()}/feedback`, allowed: 'HIA' },
      { method: 'GET', path: `${R()}/feedback/mine`, allowed: 'HIC' },
      { method: 'POST', path: `${R()}/run`, body: {}, allowed: 'HIC' },
      { method: 'POST', path: `${R()}/submit`, body: { language: 'cobol' }, allowed: 'HIC' },
      { method: 'GET', path: `${R()}/runs`, allowed: 'HICSA' },
      { method: 'GET', path: `${R()}/submissions`, allowed: 'HICSA' },
      { method: 'GET', path: `/v1/runs/${runId}`, allowed: 'HICSA' },
      { method: 'POST', path: `/v1/admin/rooms/${room.id}/close`, body: {}, allowed: 'A', forbidden: 'ADMIN_FORBIDDEN' },
      { method: 'POST', path: `${R()}/control/lock`, allowed: 'HI' },
      { method: 'POST', path: `${R()}/control/unlock`, allowed: 'HI' },
      { method: 'POST', path: `${R()}/leave`, allowed: 'HICS', after: rejoin },
      { method: 'DELETE', path: R(), allowed: 'H' },
    ];
    const mismatches: string[] = [];
    for (const row of rows) {
      for (const letter of ORDER) {
        if (row.skip?.includes(letter)) continue;
        const caller = who[letter];
        const path = row.path.replace(':self', caller.id);
        const api = as(server, caller);
        const res =
          row.method === 'GET'
            ? await api.get(path)
            : row.method === 'POST'
              ? await api.post(path, row.body)
              : row.method === 'PATCH'
                ? await api.patch(path, row.body)
                : await api.delete(path, row.body);
        const refused = res.status === 403 && res.body?.code === (row.forbidden ?? 'ROOM_FORBIDDEN');
        const expectAllowed = row.allowed.includes(letter);
        const passedAuth = ![401, 404, 500].includes(res.status) && !(res.status === 403 && /FORBIDDEN$/.test(res.body?.code));
        if (expectAllowed ? !passedAuth : !refused) {
          mismatches.push(`${letter} ${row.method} ${row.path} → ${res.status} ${res.body?.code ?? ''} (expected ${expectAllowed ? 'allowed' : 'refused'})`);
        }
        if (expectAllowed && row.after) await row.after(letter, res);
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('role-swap answers: only the counterpart of a peer-mode request', async () => {
    const path = `/v1/rooms/${peer.id}/control/role-swap/${swapId}`;
    // The requester (H) and everyone else are refused; the counterpart (C) gets past permission to validation.
    for (const caller of [peerWho.H!, who.I, who.S, who.A, who.U]) {
      const res = await as(server, caller).post(path, { accept: 'maybe' });
      expect([res.status, res.body.code]).toEqual([403, 'ROOM_FORBIDDEN']);
    }
    const counterpart = await as(server, peerWho.C!).post(path, { accept: 'maybe' });
    expect([counterpart.status, counterpart.body.code]).toEqual([400, 'VALIDATION_FAILED']);
  });
});
