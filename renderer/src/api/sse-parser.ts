// A text/event-stream parser for responses read with fetch (EventSource cannot send an Authorization
// header). It follows the HTML standard's rules for the parts our server uses and the ones a proxy may
// introduce: CRLF/LF/CR line ends split anywhere across chunks, a leading BOM, comments, multi-line data,
// `event` and `id` fields; `retry` is ignored (the caller decides how to retry).

export interface SseEvent {
  /** `message` when the event names no type. */
  event: string;
  data: string;
  /** The last event id seen on the stream, `''` if none. */
  id: string;
}

export interface SseParser {
  /** Feeds decoded text; complete events are delivered in order. */
  feed(text: string): void;
}

export function createSseParser(onEvent: (event: SseEvent) => void): SseParser {
  let buffer = '';
  let started = false;
  /** The last line ended in CR: an LF right after it (maybe in the next chunk) ends nothing more. */
  let afterCr = false;
  let type = '';
  let data: string[] = [];
  let lastId = '';

  const line = (text: string): void => {
    if (text === '') {
      if (data.length > 0) onEvent({ event: type || 'message', data: data.join('\n'), id: lastId });
      type = '';
      data = [];
      return;
    }
    if (text.startsWith(':')) return;
    const colon = text.indexOf(':');
    const field = colon === -1 ? text : text.slice(0, colon);
    let value = colon === -1 ? '' : text.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'event') type = value;
    else if (field === 'data') data.push(value);
    else if (field === 'id' && !value.includes('\0')) lastId = value;
  };

  return {
    feed(text) {
      if (!started && text.length > 0) {
        started = true;
        if (text.startsWith('\uFEFF')) text = text.slice(1);
      }
      buffer += text;
      let start = 0;
      for (let i = 0; i < buffer.length; i++) {
        const c = buffer[i];
        if (c === '\n' && afterCr) {
          afterCr = false;
          start = i + 1;
          continue;
        }
        afterCr = c === '\r';
        if (c === '\r' || c === '\n') {
          line(buffer.slice(start, i));
          start = i + 1;
        }
      }
      buffer = buffer.slice(start);
    },
  };
}

/** Reads a response body to its end, delivering each event; rejects if the connection breaks or the fetch is aborted. */
export async function readSse(body: ReadableStream<Uint8Array>, onEvent: (event: SseEvent) => void): Promise<void> {
  const parser = createSseParser(onEvent);
  // `stream: true` keeps a multi-byte character split between chunks for the next one.
  const decoder = new TextDecoder();
  const reader = body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return parser.feed(decoder.decode());
      parser.feed(decoder.decode(value, { stream: true }));
    }
  } finally {
    reader.releaseLock();
  }
}
