// Writes a `text/event-stream` response (server-sent events) from an async sequence of named events, each
// `data` one line of JSON. Headers go out at once and every event is written as soon as it is produced
// (no buffering: Nagle off, and `X-Accel-Buffering: no` for nginx in front). The sequence is left when the
// client goes away (the caller's signal); a failure inside it ends the stream with one `error` event.
import type { ServerResponse } from 'node:http';

export interface StreamEvent {
  event: string;
  data: unknown;
}

export async function sendEventStream(res: ServerResponse, status: number, events: AsyncIterable<StreamEvent>, onFailure: (error: unknown) => void): Promise<void> {
  res.socket?.setNoDelay(true);
  res.writeHead(status, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-store',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
  });
  res.flushHeaders();
  try {
    for await (const { event, data } of events) {
      if (res.destroyed) break;
      res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
    }
  } catch (error) {
    onFailure(error);
    if (!res.destroyed) res.write(`event: error\ndata: ${JSON.stringify({ code: 'INTERNAL', message: 'An unexpected error occurred.' })}\n\n`);
  }
  res.end();
}
