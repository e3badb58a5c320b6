// The renderer's text/event-stream parser (renderer/src/api/sse-parser.ts): what the AI panel reads the
// streamed reply with. The same stream must give the same events however the network splits it.
import { describe, expect, it } from 'vitest';
import { createSseParser, readSse, type SseEvent } from '../../renderer/src/api/sse-parser.ts';

function parse(...chunks: string[]): SseEvent[] {
  const events: SseEvent[] = [];
  const parser = createSseParser((e) => events.push(e));
  for (const c of chunks) parser.feed(c);
  return events;
}

/** What the AI stream endpoint sends: deltas, then done. */
const STREAM =
  'event: delta\ndata: {"content":"Hel"}\n\n' +
  ': keep-alive\n\n' +
  'event: delta\ndata: {"content":"lo, wörld 👋"}\n\n' +
  'event: done\ndata: {"id":"j1","status":"completed"}\n\n';

const EXPECTED: SseEvent[] = [
  { event: 'delta', data: '{"content":"Hel"}', id: '' },
  { event: 'delta', data: '{"content":"lo, wörld 👋"}', id: '' },
  { event: 'done', data: '{"id":"j1","status":"completed"}', id: '' },
];

/** A seeded PRNG (mulberry32), so a failing split is reproducible. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('SSE parser', () => {
  it('reads typed events and skips comments', () => {
    expect(parse(STREAM)).toEqual(EXPECTED);
  });

  it('gives the same events for every split of the stream, with LF, CRLF or CR line ends', () => {
    for (const eol of ['\n', '\r\n', '\r']) {
      const text = STREAM.replaceAll('\n', eol);
      expect(parse(...[...text]), `one character at a time, ${JSON.stringify(eol)}`).toEqual(EXPECTED);
      const next = random(eol.length * 7919);
      for (let round = 0; round < 200; round++) {
        const chunks: string[] = [];
        for (let at = 0; at < text.length; ) {
          const size = 1 + Math.floor(next() * 12);
          chunks.push(text.slice(at, at + size));
          at += size;
        }
        expect(parse(...chunks), `round ${round}: ${JSON.stringify(chunks)}`).toEqual(EXPECTED);
      }
    }
  });

  it('does not end an event early when a CRLF is split between chunks', () => {
    expect(parse('data: a\r', '\ndata: b\r\n\r\n')).toEqual([{ event: 'message', data: 'a\nb', id: '' }]);
  });

  it('follows the field rules: one leading space removed, bare fields, multi-line data, ids, BOM, unknown fields', () => {
    const events = parse('\uFEFFdata:  two spaces\n\n', 'data\n\n', 'id: 7\nevent: x\ndata: a\ndata: b\nretry: 10\nfoo: bar\n\n', 'event: empty\n\n');
    expect(events).toEqual([
      { event: 'message', data: ' two spaces', id: '' },
      { event: 'message', data: '', id: '' },
      { event: 'x', data: 'a\nb', id: '7' },
    ]);
  });

  it('does not deliver an event whose blank line has not arrived', () => {
    expect(parse('event: done\ndata: {"id":"j1"}\n')).toEqual([]);
  });

  it('reads a byte stream whose chunks split multi-byte characters', async () => {
    const bytes = new TextEncoder().encode(STREAM);
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let at = 0; at < bytes.length; at += 5) controller.enqueue(bytes.slice(at, at + 5));
        controller.close();
      },
    });
    const events: SseEvent[] = [];
    await readSse(body, (e) => events.push(e));
    expect(events).toEqual(EXPECTED);
  });

  it('rejects when the connection breaks mid-stream, after delivering what was complete', async () => {
    let pulls = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (pulls++ === 0) controller.enqueue(new TextEncoder().encode('event: delta\ndata: {"content":"x"}\n\nevent: delta\ndata: {"con'));
        else controller.error(new TypeError('network error'));
      },
    });
    const events: SseEvent[] = [];
    await expect(readSse(body, (e) => events.push(e))).rejects.toThrow(/network error/);
    expect(events).toEqual([{ event: 'delta', data: '{"content":"x"}', id: '' }]);
  });
});
