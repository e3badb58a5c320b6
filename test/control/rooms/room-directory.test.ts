// The rooms side of the user, admin and problem endpoints (RoomDirectory): force close, bans kick,
// account deletion leaves, active room, admin listing and counts, PROBLEM_IN_USE; plus the 24 h auto-finish.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CloseCode } from '../../../server/protocol/index.ts';
import { openServerDatabase } from '../../../server/storage/sql/index.ts';
import { pollUntil } from '../../support/poll.ts';
import { makeTempDir } from '../../support/temp-dir.ts';
import { testDatabaseUrl } from '../../support/test-database.ts';
import { ADMIN, loginAdmin } from '../api.ts';
import { connectSynced } from './room-client.ts';
import { as, createRoom, expectError, inProcess, join, people, problemBySlug, type RoomServer } from './room-fixture.ts';

describe('rooms through the user, admin and problem endpoints', () => {
  let server: RoomServer;
  let admin: { token: string; id: string };

  beforeAll(async () => {
    server = await inProcess.start({ adminEmail: ADMIN.email, adminPassword: ADMIN.password });
    const login = await loginAdmin(server);
    admin = { token: login.accessToken, id: login.user.id };
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('admin force close: room-closed "force-closed" then 4003, audited, ROOM_CLOSED on a second close', async () => {
    const [host, ann] = await people(server, ['Hana', 'Ann'] as const);
    const room = await createRoom(server, host, { mode: 'interview', name: 'Closed by admin' });
    const client = await connectSynced(await join(server, ann, room));
    try {
      const listed = await as(server, admin).get('/v1/admin/rooms?status=waiting');
      expect(listed.body.items.find((r: any) => r.id === room.id)).toMatchObject({ hostName: 'Hana', participantCount: 2, mode: 'interview' });
      expect((await as(server, admin).post(`/v1/admin/rooms/${room.id}/close`, { reason: 'abuse' })).status).toBe(204);
      await pollUntil(() => client.closes, (c) => c.includes(CloseCode.ROOM_CLOSED.code), { what: 'close 4003' });
      expect(client.eventsOf('room-closed')).toEqual([expect.objectContaining({ reason: 'force-closed' })]);
      expect((await as(server, host).get(`/v1/rooms/${room.id}`)).body.status).toBe('finished');
      expectError(await as(server, admin).post(`/v1/admin/rooms/${room.id}/close`, { reason: 'again' }), 409, 'ROOM_CLOSED');
      const audit = await as(server, admin).get(`/v1/admin/audit-logs?action=admin.room-closed&targetId=${room.id}`);
      expect(audit.body.items).toEqual([expect.objectContaining({ actorId: admin.id, details: { reason: 'abuse' } })]);
    } finally {
      client.destroy();
    }
  });

  it('a ban kicks the user from every open room; account deletion leaves them', async () => {
    const [host, ann, bob] = await people(server, ['Hana', 'Ann', 'Bob'] as const);
    const room = await createRoom(server, host, { mode: 'interview', config: { maxParticipants: 5 } });
    const annClient = await connectSynced(await join(server, ann, room));
    await join(server, bob, room);
    try {
      expect((await as(server, ann).get('/v1/users/me/active-room')).body.room).toMatchObject({ id: room.id, myRole: 'candidate' });
      const ban = await as(server, admin).patch(`/v1/admin/users/${ann.id}`, { banned: true, banReason: 'cheating' });
      expect(ban.status).toBe(200);
      await pollUntil(() => annClient.closes, (c) => c.includes(CloseCode.KICKED.code), { what: 'close 4002' });
      const all = (await as(server, host).get(`/v1/rooms/${room.id}/participants?includeLeft=true`)).body.items;
      expect(all.map((p: any) => p.userId)).not.toContain(ann.id);

      const del = await as(server, bob).delete('/v1/users/me', { password: 'correct horse battery' });
      expect(del.status).toBe(204);
      const left = (await as(server, host).get(`/v1/rooms/${room.id}/participants?includeLeft=true`)).body.items;
      expect(left.find((p: any) => p.userId === bob.id)).toMatchObject({ state: 'left', displayName: 'Deleted user' });
      expect((await as(server, host).get('/v1/users/me/active-room')).body.room.id).toBe(room.id);
    } finally {
      annClient.destroy();
    }
  });

  it('a problem selected in an open room cannot be deleted; dashboard counts rooms by status', async () => {
    const [host] = await people(server, ['Hana'] as const);
    const problem = await problemBySlug(server, host, 'binary-search');
    const room = await createRoom(server, host, { mode: 'practice', problemId: problem.id });
    expectError(await as(server, admin).delete(`/v1/problems/${problem.id}`), 409, 'PROBLEM_IN_USE');
    const stats = (await as(server, admin).get('/v1/admin/stats')).body.rooms;
    expect(stats.byStatus.waiting).toBeGreaterThanOrEqual(1);
    expect(stats.active).toBe(stats.byStatus.waiting + stats.byStatus.warmup + stats.byStatus.coding + stats.byStatus.wrapup);
    expect(stats.createdLast24h).toBeGreaterThanOrEqual(1);
    await as(server, host).delete(`/v1/rooms/${room.id}`);
    expect((await as(server, admin).delete(`/v1/problems/${problem.id}`)).status).toBe(204);
    // The deleted problem stays readable through the room that used it.
    expect((await as(server, host).get(`/v1/sessions/${room.id}`)).body.problem.id).toBe(problem.id);
  });
});

describe('24 h auto-finish', () => {
  it('finishes a room 24 h after creation, also when that passed while the server was down', async () => {
    const dir = makeTempDir('syncode-rooms-age-');
    const data = { dataDir: dir.path, databaseUrl: await testDatabaseUrl() };
    let server = await inProcess.start(data);
    const [host] = await people(server, ['Hana'] as const);
    const room = await createRoom(server, host, { mode: 'interview' });
    await server.close();
    const db = openServerDatabase(data.databaseUrl, dir.path, 'syncode.sqlite');
    try {
      await db.run('UPDATE rooms SET created_at = ? WHERE id = ?', [Date.now() - 25 * 60 * 60 * 1000, room.id]);
    } finally {
      await db.close();
    }
    server = await inProcess.start(data);
    try {
      await pollUntil(async () => (await as(server, host).get(`/v1/rooms/${room.id}`)).body.status, (s) => s === 'finished', {
        what: 'auto-finish',
      });
    } finally {
      await server.stop();
      dir.remove();
    }
  });
});
