// A participant's `muted` mirrors a media mute (docs/control-plane.md, "Media mute"): with LiveKit configured, PATCH { muted } also mutes the participant's
// published audio tracks through LiveKit's RoomService, and never fails because of LiveKit.
//
// LiveKit is an external service that cannot run here, so the one fake in this file stands in for it: a real
// HTTP listener on 127.0.0.1 that speaks the part of LiveKit's Twirp API that livekit-server-sdk's
// RoomServiceClient calls for this (POST /twirp/livekit.RoomService/GetParticipant and MutePublishedTrack,
// JSON bodies, `Authorization: Bearer <JWT>`), and records every request. Everything else is real.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Logger } from '../../../server/server-options.ts';
import { connectSynced, type RoomClient } from './room-client.ts';
import { as, createRoom, inProcess, join, people, type Person, type RoomServer } from './room-fixture.ts';

const API_KEY = 'APIfakeLiveKit';
const API_SECRET = 'fake-livekit-secret-0123456789abcdef0123456789';

interface TwirpCall {
  method: string;
  contentType: string | undefined;
  authorization: string | undefined;
  body: any;
}

/** What the fake answers: `tracks` per identity in the media room (absent: not connected), or no answer at all. */
interface FakeLiveKit {
  url: string;
  calls: TwirpCall[];
  tracks: Map<string, { sid: string; type: 'AUDIO' | 'VIDEO' }[]>;
  hang: boolean;
  close(): Promise<void>;
}

async function startFakeLiveKit(): Promise<FakeLiveKit> {
  const fake = { calls: [] as TwirpCall[], tracks: new Map(), hang: false } as FakeLiveKit;
  const reply = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  };
  const handle = (req: IncomingMessage, res: ServerResponse, raw: string) => {
    const method = /^\/twirp\/livekit\.RoomService\/(\w+)$/.exec(req.url ?? '')?.[1] ?? req.url ?? '';
    const body = JSON.parse(raw || '{}');
    fake.calls.push({ method, contentType: req.headers['content-type'], authorization: req.headers.authorization, body });
    if (fake.hang) return; // never answers: the SDK's request timeout has to end the wait
    const tracks = fake.tracks.get(body.identity);
    switch (method) {
      case 'GetParticipant':
        if (!tracks) return reply(res, 404, { code: 'not_found', msg: 'participant does not exist' });
        return reply(res, 200, { sid: `PA_${body.identity}`, identity: body.identity, state: 'ACTIVE', tracks });
      case 'MutePublishedTrack': {
        const track = tracks?.find((t) => t.sid === body.trackSid);
        if (!track) return reply(res, 404, { code: 'not_found', msg: 'track does not exist' });
        return reply(res, 200, { track: { ...track, muted: body.muted ?? false } });
      }
      default:
        return reply(res, 404, { code: 'bad_route', msg: `no handler for ${req.url}` });
    }
  };
  const server: Server = createServer((req, res) => {
    let raw = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (raw += chunk));
    req.on('end', () => handle(req, res, raw));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  fake.url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  fake.close = () =>
    new Promise<void>((resolve) => {
      if (!server.listening) return resolve();
      server.close(() => resolve());
      server.closeAllConnections();
    });
  return fake;
}

describe('server-side media mute over LiveKit', () => {
  let fake: FakeLiveKit;
  let server: RoomServer;
  let host: Person;
  let ann: Person;
  const warnings: { message: string; data?: Record<string, unknown> }[] = [];
  const log: Logger = { info() {}, error() {}, warn: (message, data) => warnings.push({ message, data }) };

  beforeAll(async () => {
    fake = await startFakeLiveKit();
    server = await inProcess.start({ livekit: { url: fake.url.replace('http', 'ws'), apiKey: API_KEY, apiSecret: API_SECRET }, log });
    [host, ann] = await people(server, ['Hana', 'Ann'] as const);
  });
  afterAll(async () => {
    await server?.stop();
    await fake?.close();
  });

  /** A room with Ann as candidate, and Hana's synced collab client that receives the room events. */
  async function interview(): Promise<{ room: any; watcher: RoomClient }> {
    const room = await createRoom(server, host, { mode: 'interview' });
    await join(server, ann, room);
    return { room, watcher: await connectSynced(await join(server, host, room)) };
  }

  /** The MutePublishedTrack requests as LiveKit reads them: proto3 JSON leaves out `muted: false` (the default). */
  function mutes() {
    return fake.calls.filter((c) => c.method === 'MutePublishedTrack').map((c) => ({ ...c.body, muted: c.body.muted ?? false }));
  }

  it('mutes and unmutes the published audio track (not the video) as the room admin of that room', async () => {
    const { room, watcher } = await interview();
    try {
      fake.calls.length = 0;
      fake.tracks.set(ann.id, [
        { sid: 'TR_ann_video', type: 'VIDEO' },
        { sid: 'TR_ann_mic', type: 'AUDIO' },
      ]);
      const res = await as(server, ann).patch(`/v1/rooms/${room.id}/participants/${ann.id}`, { muted: true });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ userId: ann.id, muted: true });
      // The response waits for LiveKit, so the calls are there already.
      expect(fake.calls.map((c) => c.method)).toEqual(['GetParticipant', 'MutePublishedTrack']);
      expect(fake.calls[0]!.body).toEqual({ room: room.id, identity: ann.id });
      expect(mutes()).toEqual([{ room: room.id, identity: ann.id, trackSid: 'TR_ann_mic', muted: true }]);
      for (const call of fake.calls) {
        expect(call.contentType).toMatch(/^application\/json/);
        const { payload } = await jwtVerify(call.authorization!.replace(/^Bearer /, ''), new TextEncoder().encode(API_SECRET));
        expect(payload).toMatchObject({ iss: API_KEY, video: { roomAdmin: true, room: room.id } });
      }
      await expect.poll(() => watcher.eventsOf('participant-updated')).toEqual([expect.objectContaining({ userId: ann.id, muted: true })]);

      fake.calls.length = 0;
      expect((await as(server, host).patch(`/v1/rooms/${room.id}/participants/${ann.id}`, { muted: false })).body.muted).toBe(false);
      expect(mutes()).toEqual([{ room: room.id, identity: ann.id, trackSid: 'TR_ann_mic', muted: false }]);
      expect(warnings).toEqual([]);
    } finally {
      watcher.destroy();
    }
  });

  it('does nothing on LiveKit for a participant not in the media room, with only video, or for a role-only PATCH', async () => {
    const { room, watcher } = await interview();
    try {
      fake.calls.length = 0;
      fake.tracks.delete(ann.id);
      expect((await as(server, ann).patch(`/v1/rooms/${room.id}/participants/${ann.id}`, { muted: true })).status).toBe(200);
      fake.tracks.set(ann.id, [{ sid: 'TR_ann_video', type: 'VIDEO' }]);
      expect((await as(server, ann).patch(`/v1/rooms/${room.id}/participants/${ann.id}`, { muted: false })).status).toBe(200);
      expect(fake.calls.map((c) => c.method)).toEqual(['GetParticipant', 'GetParticipant']);
      expect((await as(server, host).patch(`/v1/rooms/${room.id}/participants/${ann.id}`, { role: 'interviewer' })).status).toBe(200);
      expect(fake.calls).toHaveLength(2);
      expect(warnings).toEqual([]);
    } finally {
      watcher.destroy();
    }
  });

  it('a LiveKit that does not answer costs at most its request timeout: 200, stored and broadcast, a warning', async () => {
    const { room, watcher } = await interview();
    try {
      fake.calls.length = 0;
      fake.hang = true;
      const res = await as(server, ann).patch(`/v1/rooms/${room.id}/participants/${ann.id}`, { muted: true });
      fake.hang = false;
      expect(res.status).toBe(200);
      expect(res.body.muted).toBe(true);
      expect(fake.calls.map((c) => c.method)).toEqual(['GetParticipant']);
      await expect.poll(() => watcher.eventsOf('participant-updated')).toEqual([expect.objectContaining({ userId: ann.id, muted: true })]);
      expect(warnings.splice(0)).toEqual([{ message: expect.stringMatching(/LiveKit mute failed/), data: expect.objectContaining({ roomId: room.id, userId: ann.id, muted: true }) }]);
    } finally {
      watcher.destroy();
    }
  });

  // Runs last in this block: it takes the fake down for good.
  it('with LiveKit down the PATCH still answers 200, the mute is stored and broadcast, and a warning is logged', async () => {
    const { room, watcher } = await interview();
    try {
      await fake.close();
      const res = await as(server, ann).patch(`/v1/rooms/${room.id}/participants/${ann.id}`, { muted: true });
      expect(res.status).toBe(200);
      expect(res.body.muted).toBe(true);
      await expect.poll(() => watcher.eventsOf('participant-updated')).toEqual([expect.objectContaining({ userId: ann.id, muted: true })]);
      const stored = await as(server, host).get(`/v1/rooms/${room.id}/participants`);
      expect(stored.body.items.find((p: any) => p.userId === ann.id).muted).toBe(true);
      expect(warnings.splice(0)).toEqual([{ message: expect.stringMatching(/LiveKit mute failed/), data: expect.objectContaining({ roomId: room.id, userId: ann.id, muted: true }) }]);
    } finally {
      watcher.destroy();
    }
  });
});
