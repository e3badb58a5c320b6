// run 30/min, submit 10/min and static analysis 20/min (the AI bucket) per user, counted before validation (in the error order, rate limits come
// right after the transport checks), so invalid bodies are enough to reach them without running anything.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createRoom, inProcess, people, type Person, type RoomServer } from './room-fixture.ts';

describe('run, submit and analysis rate limits', () => {
  let server: RoomServer;
  let host: Person;
  let other: Person;
  let room: any;

  beforeAll(async () => {
    server = await inProcess.start({ rateLimits: true, mode: 'hosted' });
    [host, other] = await people(server, ['Hana', 'Olga'] as const);
    room = await createRoom(server, host, { mode: 'interview' });
  });
  afterAll(async () => {
    await server?.stop();
  });

  for (const [kind, limit, body] of [
    ['run', 30, {}],
    ['submit', 10, { language: 'cobol' }],
    ['analysis', 20, {}],
  ] as const) {
    it(`allows ${limit} ${kind} requests per minute per user, then 429 with Retry-After`, async () => {
      const statuses: number[] = [];
      for (let i = 0; i < limit; i++) statuses.push((await as(server, host).post(`/v1/rooms/${room.id}/${kind}`, body)).status);
      expect(new Set(statuses)).toEqual(new Set([400]));
      const limited = await as(server, host).post(`/v1/rooms/${room.id}/${kind}`, body);
      expect(limited.status).toBe(429);
      expect(limited.body).toMatchObject({ code: 'RATE_LIMITED', details: { limit, windowMs: 60000 } });
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
      // The counter is per user.
      expect((await as(server, other).post(`/v1/rooms/${room.id}/${kind}`, body)).status).toBe(403);
    });
  }
});
