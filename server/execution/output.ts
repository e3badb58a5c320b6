// Output handling: the 1 MiB combined cap and 64 KiB returned per stream (the comparison rule is in
// server/protocol/output-compare.ts).

/** Combined stdout+stderr above this kills the program with OUTPUT_LIMIT. */
export const OUTPUT_LIMIT_BYTES = 1024 * 1024;
/** `stdout`/`stderr`/`actualOutput` are returned truncated to this many UTF-8 bytes. */
export const RETURNED_OUTPUT_BYTES = 64 * 1024;

export interface TruncatedText {
  text: string;
  truncated: boolean;
}

/** Decodes at most `maxBytes` bytes, cutting back to a character boundary so the text stays ≤ `maxBytes` as UTF-8. */
export function truncateUtf8(bytes: Buffer, maxBytes = RETURNED_OUTPUT_BYTES): TruncatedText {
  if (bytes.length <= maxBytes) return { text: bytes.toString('utf8'), truncated: false };
  let end = maxBytes;
  // Continuation bytes are 10xxxxxx: never split a multi-byte character.
  while (end > 0 && (bytes[end]! & 0xc0) === 0x80) end--;
  return { text: bytes.subarray(0, end).toString('utf8'), truncated: true };
}

/**
 * Collects a child's stdout and stderr up to the combined cap. Everything up to the cap is kept (the judge
 * compares the whole stdout); `onOverflow` fires once when the cap is crossed so the caller can kill the child.
 */
export class OutputCollector {
  readonly #stdout: Buffer[] = [];
  readonly #stderr: Buffer[] = [];
  #total = 0;
  #overflowed = false;
  readonly #limit: number;
  readonly #onOverflow: () => void;

  constructor(limitBytes: number, onOverflow: () => void) {
    this.#limit = limitBytes;
    this.#onOverflow = onOverflow;
  }

  get overflowed(): boolean {
    return this.#overflowed;
  }

  push(stream: 'stdout' | 'stderr', chunk: Buffer): void {
    if (this.#overflowed) return;
    const room = this.#limit - this.#total;
    const kept = chunk.length > room ? chunk.subarray(0, room) : chunk;
    (stream === 'stdout' ? this.#stdout : this.#stderr).push(kept);
    this.#total += kept.length;
    if (chunk.length > room) {
      this.#overflowed = true;
      this.#onOverflow();
    }
  }

  stdout(): Buffer {
    return Buffer.concat(this.#stdout);
  }

  stderr(): Buffer {
    return Buffer.concat(this.#stderr);
  }
}
