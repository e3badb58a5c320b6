// Just enough of RFC 6455 framing for a byte-level WebSocket proxy to end a piped connection cleanly: where
// the frames of a stream begin and end (the proxy may only insert a frame between two frames), and a close
// frame to insert. Payloads are never read.

/** Follows frame boundaries over a stream of bytes, chunk by chunk. */
export class FrameBoundary {
  #header: number[] = [];
  #payloadLeft = 0;

  /** True between two frames. */
  get atBoundary(): boolean {
    return this.#payloadLeft === 0 && this.#header.length === 0;
  }

  /**
   * Follows `chunk` through; with `stopAtBoundary`, stops at the first frame boundary (at once when already at
   * one). Returns how many bytes of the chunk were consumed.
   */
  consume(chunk: Uint8Array, stopAtBoundary = false): number {
    let i = 0;
    while (i < chunk.length) {
      if (stopAtBoundary && this.atBoundary) break;
      if (this.#payloadLeft > 0) {
        const take = Math.min(this.#payloadLeft, chunk.length - i);
        this.#payloadLeft -= take;
        i += take;
        continue;
      }
      this.#header.push(chunk[i++]!);
      const size = headerSize(this.#header);
      if (size !== null && this.#header.length === size) {
        this.#payloadLeft = payloadSize(this.#header);
        this.#header = [];
      }
    }
    return i;
  }
}

/** A close frame as a server sends it (unmasked). The reason is a short ASCII slug. */
export function closeFrame(code: number, reason: string): Buffer {
  const text = Buffer.from(reason, 'utf8').subarray(0, 123);
  return Buffer.concat([Buffer.from([0x88, 2 + text.length, code >> 8, code & 0xff]), text]);
}

/** The header's full size once its first two bytes are known: base, extended length, masking key. */
function headerSize(header: number[]): number | null {
  if (header.length < 2) return null;
  const length7 = header[1]! & 0x7f;
  const extended = length7 === 126 ? 2 : length7 === 127 ? 8 : 0;
  return 2 + extended + (header[1]! & 0x80 ? 4 : 0);
}

function payloadSize(header: number[]): number {
  const length7 = header[1]! & 0x7f;
  if (length7 < 126) return length7;
  let size = 0;
  for (let i = 2; i < (length7 === 126 ? 4 : 10); i++) size = size * 256 + header[i]!;
  return size;
}
