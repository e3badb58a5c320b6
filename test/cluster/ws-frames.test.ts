import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket, WebSocketServer } from 'ws';
import { closeFrame, FrameBoundary } from '../../server/cluster/ws-frames.ts';

/** One frame as RFC 6455 lays it out (opcode binary), with a masking key when `masked`. */
function frame(payloadLength: number, masked = false): Buffer {
  const head =
    payloadLength < 126
      ? Buffer.from([0x82, payloadLength])
      : payloadLength < 65536
        ? Buffer.from([0x82, 126, payloadLength >> 8, payloadLength & 0xff])
        : Buffer.concat([Buffer.from([0x82, 127]), (() => { const b = Buffer.alloc(8); b.writeBigUInt64BE(BigInt(payloadLength)); return b; })()]);
  if (masked) head[1]! |= 0x80;
  return Buffer.concat([head, masked ? Buffer.from([1, 2, 3, 4]) : Buffer.alloc(0), Buffer.alloc(payloadLength, 7)]);
}

/**
 * Walks the stream the way the draining proxy does: up to the end of the frame in progress, then one byte
 * further to find the next; returns the offsets found to be frame boundaries.
 */
function boundariesFound(stream: Buffer, chunkSize: number): number[] {
  const tracker = new FrameBoundary();
  const found: number[] = [];
  let offset = 0;
  for (let start = 0; start < stream.length; start += chunkSize) {
    let chunk = stream.subarray(start, start + chunkSize);
    while (chunk.length > 0) {
      const n = tracker.consume(chunk, true);
      offset += n;
      chunk = chunk.subarray(n);
      if (tracker.atBoundary && chunk.length > 0) {
        found.push(offset);
        offset += tracker.consume(chunk.subarray(0, 1));
        chunk = chunk.subarray(1);
      }
    }
  }
  if (tracker.atBoundary) found.push(offset);
  return found;
}

describe('WebSocket frame boundaries (the proxy inserts its close frame only between frames)', () => {
  it('finds every boundary of small, 16-bit, 64-bit and masked frames, however the stream is chunked', () => {
    const frames = [frame(0), frame(5), frame(125), frame(126), frame(300, true), frame(70_000), frame(3, true)];
    const stream = Buffer.concat(frames);
    const expected = [0];
    for (const f of frames) expected.push(expected.at(-1)! + f.length);
    for (const chunkSize of [1, 2, 3, 7, 64, 1000, stream.length]) {
      expect(boundariesFound(stream, chunkSize), `chunks of ${chunkSize}`).toEqual(expected);
    }
  });

  describe('the close frame', () => {
    let server: Server | undefined;
    afterEach(() => server?.close());

    it('is read by a real client as 1012 service-restart', async () => {
      server = createServer();
      const wss = new WebSocketServer({ noServer: true });
      server.on('upgrade', (req, socket, head) => {
        wss.handleUpgrade(req, socket, head, () => {
          // Written raw, as the proxy writes it, past the library.
          socket.end(closeFrame(1012, 'service-restart'));
        });
      });
      server.listen(0, '127.0.0.1');
      await once(server, 'listening');
      const client = new WebSocket(`ws://127.0.0.1:${(server.address() as AddressInfo).port}`);
      const [code, reason] = (await once(client, 'close')) as [number, Buffer];
      expect(code).toBe(1012);
      expect(reason.toString()).toBe('service-restart');
      wss.close();
    });
  });
});
