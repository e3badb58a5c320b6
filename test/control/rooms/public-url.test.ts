// Absolute URLs come from the configured public URL (SYNCODE_PUBLIC_URL → ServerOptions.publicUrl) or, by
// default, the bound address; never from the request's Host or X-Forwarded-Proto headers.
import { request } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { createRoom, inProcess, join, people, type RoomServer } from './room-fixture.ts';

/** POST /v1/rooms/:roomId/join with a forged Host (fetch cannot send one): the JSON body. */
function joinWithHost(server: RoomServer, token: string, room: { id: string; code: string }, host: string): Promise<any> {
  const body = JSON.stringify({ code: room.code });
  return new Promise((resolve, reject) => {
    const req = request(
      `${server.url}/v1/rooms/${room.id}/join`,
      {
        method: 'POST',
        headers: {
          host,
          'x-forwarded-proto': 'https',
          authorization: `Bearer ${token}`,
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
        },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => (res.statusCode === 200 ? resolve(JSON.parse(text)) : reject(new Error(`${res.statusCode} ${text}`))));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

describe('collabUrl never comes from the Host header', () => {
  let server: RoomServer | undefined;
  afterEach(async () => {
    await server?.stop();
    server = undefined;
  });

  it('defaults to the bound address (the real port when 0 was asked)', async () => {
    server = await inProcess.start({ port: 0 });
    const [host, ann] = await people(server, ['Hana', 'Ann'] as const);
    const room = await createRoom(server, host);
    const joined = await joinWithHost(server, ann.token, room, 'attacker.example');
    expect(joined.collabUrl).toBe(`ws://127.0.0.1:${server.port}/collab`);
  });

  it('uses the configured public URL (https → wss)', async () => {
    server = await inProcess.start({ publicUrl: 'https://interviews.example.com' });
    const [host, ann] = await people(server, ['Hana', 'Ann'] as const);
    const room = await createRoom(server, host);
    expect((await joinWithHost(server, ann.token, room, 'attacker.example')).collabUrl).toBe('wss://interviews.example.com/collab');
    expect((await join(server, host, room)).collabUrl).toBe('wss://interviews.example.com/collab');
  });
});
