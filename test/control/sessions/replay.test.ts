// GET /v1/sessions/:id/replay/:doc against a real server, with the collab plane in-process and split: an
// interview is typed by two people over real y-websocket clients, a spectator and a locked candidate try to
// write (rejected), and the pages of the log must rebuild every step of both documents — never holding the
// rejected text — with the right authors, in order, while live and after the finish.
import { describe, expect, it } from 'vitest';
import { YKeyValue } from 'y-utility/y-keyvalue';
import * as Y from 'yjs';
import { zReplayPage, type ReplayUpdate } from '../../../server/protocol/api/sessions.ts';
import { pollUntil } from '../../support/poll.ts';
import { boxRecord } from '../../support/tldraw-records.ts';
import { ADMIN, loginAdmin } from '../api.ts';
import { connectSynced, type RoomClient } from '../rooms/room-client.ts';
import { as, COLLAB_MODES, createRoom, expectError, join, people, type Person, type RoomServer } from '../rooms/room-fixture.ts';

const REJECTED = ['SPECTATOR-SECRET', 'LOCKED-SECRET'];

/** Every page of the replay, `limit` updates at a time, following `nextAfter`. */
async function readAll(server: RoomServer, who: Person | { token: string }, sessionId: string, doc: string, limit: number): Promise<ReplayUpdate[][]> {
  const pages: ReplayUpdate[][] = [];
  let after: number | null = 0;
  while (after !== null) {
    const res = await as(server, who).get(`/v1/sessions/${sessionId}/replay/${doc}?after=${after}&limit=${limit}`);
    expect(res.status).toBe(200);
    const page = zReplayPage.parse(res.body);
    pages.push(page.items);
    after = page.nextAfter;
  }
  return pages;
}

/** The code text after each update, applied in order to one empty Y.Doc. */
function textSteps(updates: ReplayUpdate[]): string[] {
  const doc = new Y.Doc();
  const steps = updates.map((u) => {
    Y.applyUpdate(doc, Buffer.from(u.update, 'base64'));
    return doc.getText('code').toString();
  });
  doc.destroy();
  return steps;
}

describe.each(COLLAB_MODES)('session replay ($name collab plane)', (mode) => {
  it('pages rebuild both documents exactly, with authors and order, never the rejected text; participants and admins only', async () => {
    const server = await mode.start({ adminEmail: ADMIN.email, adminPassword: ADMIN.password });
    const clients: RoomClient[] = [];
    try {
      const [host, ann, bob, eve] = await people(server, ['Hana', 'Ann', 'Bob', 'Eve'] as const);
      const room = await createRoom(server, host, { mode: 'interview', language: 'python', name: 'Replayed' });
      const hostJoin = await join(server, host, room);
      const annJoin = await join(server, ann, room, 'candidate');
      const bobJoin = await join(server, bob, room, 'spectator');
      const R = `/v1/rooms/${room.id}`;
      await as(server, host).post(`${R}/control/phase`, { to: 'coding' });

      const hostCode = await connectSynced(hostJoin, 'code');
      const annCode = await connectSynced(annJoin, 'code');
      const annBoard = await connectSynced(annJoin, 'whiteboard');
      const bobCode = await connectSynced(bobJoin, 'code');
      clients.push(hostCode, annCode, annBoard, bobCode);
      const annText = annCode.ydoc.getText('code');

      // Ann types keystroke by keystroke, Hana adds a line, Ann deletes a character.
      for (const ch of 'def f():') annText.insert(annText.length, ch);
      await pollUntil(() => hostCode.text(), (t) => t.endsWith('def f():'), { what: "Ann's typing at the host" });
      hostCode.ydoc.getText('code').insert(hostCode.text().length, '\n    return 1');
      await pollUntil(() => annCode.text(), (t) => t.endsWith('return 1'), { what: "Hana's line at Ann" });
      annText.delete(annText.length - 1, 1);
      annText.insert(annText.length, '2');

      // Rejected: a spectator's write, and the candidate's write while the editor is locked.
      bobCode.ydoc.getText('code').insert(0, REJECTED[0]!);
      await pollUntil(() => bobCode.eventsOf('update-rejected').length, (n) => n === 1, { what: 'spectator rejected' });
      await as(server, host).post(`${R}/control/lock`);
      await pollUntil(() => annCode.eventsOf('editor-lock').length, (n) => n >= 1, { what: 'lock seen' });
      annText.insert(0, REJECTED[1]!);
      await pollUntil(() => annCode.eventsOf('update-rejected').length, (n) => n === 1, { what: 'locked write rejected' });
      await as(server, host).post(`${R}/control/unlock`);

      const box = boxRecord('box1', 10, 20);
      new YKeyValue<unknown>(annBoard.ydoc.getArray('tldraw')).set(box.id, box);
      const liveText = await pollUntil(() => hostCode.text(), (t) => t.endsWith('return 2'), { what: 'final edit at the host' });
      expect(liveText).not.toContain('SECRET');

      // While live: paged three at a time, the log rebuilds the host's text; ascending seq, authors right.
      const pages = await pollUntil(
        () => readAll(server, ann, room.id, 'code', 3),
        (p) => textSteps(p.flat()).at(-1) === liveText,
        { what: 'replay reaches the live text' },
      );
      const log = pages.flat();
      expect(pages.slice(0, -1).every((p) => p.length === 3)).toBe(true);
      expect(log.map((u) => u.seq)).toEqual([...log.map((u) => u.seq)].sort((a, b) => a - b));
      expect(new Set(log.map((u) => u.seq)).size).toBe(log.length);
      expect(log.map((u) => Date.parse(u.at))).toEqual(log.map((u) => Date.parse(u.at)).sort((a, b) => a - b));
      expect(log[0]!.userId).toBeNull(); // the server's initial state (meta and starter code)
      const steps = textSteps(log);
      for (const text of steps) for (const secret of REJECTED) expect(text).not.toContain(secret);
      // Keystroke level: one update per typed character of Ann's, in her order, then Hana's line as hers.
      const typed = 'def f():';
      for (let i = 1; i <= typed.length; i++) expect(steps).toContain(typed.slice(0, i));
      const authorOf = (text: string) => log[steps.indexOf(text)]!.userId;
      expect(authorOf('d')).toBe(ann.id);
      expect(authorOf('def f():\n    return 1')).toBe(host.id);
      expect(authorOf('def f():\n    return ')).toBe(ann.id);
      expect(new Set(log.map((u) => u.userId))).toEqual(new Set([null, ann.id, host.id]));

      // The whiteboard's log rebuilds its records, authored by Ann.
      const board = await pollUntil(() => readAll(server, host, room.id, 'whiteboard', 1000), (p) => p.flat().length > 0);
      const wb = new Y.Doc();
      for (const u of board.flat()) Y.applyUpdate(wb, Buffer.from(u.update, 'base64'));
      expect(new YKeyValue<unknown>(wb.getArray('tldraw')).get(box.id)).toEqual(box);
      expect(board.flat().every((u) => u.userId === ann.id)).toBe(true);

      // After the finish: the same log, and it ends at the session-end snapshot's text.
      for (const c of clients.splice(0)) c.destroy();
      await as(server, host).post(`${R}/control/phase`, { to: 'finished' });
      const finished = (await readAll(server, bob, room.id, 'code', 5000)).flat();
      expect(finished).toEqual(log);
      const end = await as(server, ann).get(`/v1/sessions/${room.id}/snapshots?trigger=session-end`);
      const snapshot = new Y.Doc();
      Y.applyUpdate(snapshot, Buffer.from(end.body.items[0].bytes, 'base64'));
      expect(textSteps(finished).at(-1)).toBe(snapshot.getText('code').toString());
      const after = (await as(server, ann).get(`/v1/sessions/${room.id}/replay/code?after=${log.at(-2)!.seq}`)).body;
      expect(after).toEqual({ items: [log.at(-1)], nextAfter: null });

      // Who may read, and bad input.
      const admin = { token: (await loginAdmin(server)).accessToken };
      expect((await as(server, admin).get(`/v1/sessions/${room.id}/replay/code?limit=1`)).body.items).toEqual([log[0]]);
      expectError(await as(server, eve).get(`/v1/sessions/${room.id}/replay/code`), 403, 'SESSION_FORBIDDEN');
      expectError(await as(server, eve).get(`/v1/sessions/${crypto.randomUUID()}/replay/code`), 404, 'SESSION_NOT_FOUND');
      expectError(await as(server, { token: 'nope' }).get(`/v1/sessions/${room.id}/replay/code`), 401, 'AUTH_UNAUTHENTICATED');
      expectError(await as(server, ann).get(`/v1/sessions/${room.id}/replay/audio`), 400, 'VALIDATION_FAILED');
      for (const q of ['limit=0', 'limit=5001', 'after=-1', 'after=x']) {
        expectError(await as(server, ann).get(`/v1/sessions/${room.id}/replay/code?${q}`), 400, 'VALIDATION_FAILED');
      }
    } finally {
      for (const c of clients) c.destroy();
      await server.stop();
    }
  });
});
