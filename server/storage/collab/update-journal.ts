// The SQLite collab store's journal of accepted updates (docs/collab.md, "Write-ahead and group commit"): an
// append-only file that a commit writes with one write(2), so that an update is committed (survives kill -9) without
// a SQLite transaction per commit. The store moves the journal's rows into collab_log in large batches and then
// empties the file; at open it moves whatever a killed process left behind.
import { closeSync, ftruncateSync, openSync, readFileSync, writeSync } from 'node:fs';
import { crc32 } from 'node:zlib';
import { DATA_FILE_MODE } from '../../config/data-dir.ts';

/** One collab_log row, with its id already assigned. */
export interface JournalRow {
  id: number;
  docKey: number;
  authorKey: number | null;
  acceptedAt: number;
  bytes: Uint8Array;
}

/**
 * Record layout, little-endian: u32 length of `bytes`, u32 CRC-32 of everything after it, f64 id, u32 doc key,
 * i32 author key (-1 for none), f64 acceptedAt, then `bytes`. A record is written whole or, when the process died
 * inside write(2), its torn tail fails the length or CRC check and is dropped with everything after it: such an
 * update was never acknowledged or relayed.
 */
const HEADER_BYTES = 32;

export class UpdateJournal {
  readonly #fd: number;
  #bytes = 0;

  private constructor(fd: number, bytes: number) {
    this.#fd = fd;
    this.#bytes = bytes;
  }

  /** Opens (creating) the journal and returns it with the rows a previous process left in it. */
  static open(file: string): { journal: UpdateJournal; rows: JournalRow[] } {
    const fd = openSync(file, 'a+', DATA_FILE_MODE);
    const content = readFileSync(fd);
    return { journal: new UpdateJournal(fd, content.length), rows: decode(content) };
  }

  /** Bytes in the file (written since the last `clear()`). */
  get size(): number {
    return this.#bytes;
  }

  /**
   * Appends the rows with one write; when it returns they survive the process. A write that fails (a full disk)
   * is cut off again, so that no torn record hides the records appended after it from the next open.
   */
  append(rows: readonly JournalRow[]): void {
    const buffer = encode(rows);
    try {
      let written = 0;
      while (written < buffer.length) written += writeSync(this.#fd, buffer, written);
    } catch (error) {
      ftruncateSync(this.#fd, this.#bytes);
      throw error;
    }
    this.#bytes += buffer.length;
  }

  /** Empties the file: call only once every row in it is committed elsewhere. */
  clear(): void {
    ftruncateSync(this.#fd, 0);
    this.#bytes = 0;
  }

  close(): void {
    closeSync(this.#fd);
  }
}

function encode(rows: readonly JournalRow[]): Buffer {
  let total = 0;
  for (const r of rows) total += HEADER_BYTES + r.bytes.length;
  const buffer = Buffer.allocUnsafe(total);
  let at = 0;
  for (const r of rows) {
    buffer.writeUInt32LE(r.bytes.length, at);
    buffer.writeDoubleLE(r.id, at + 8);
    buffer.writeUInt32LE(r.docKey, at + 16);
    buffer.writeInt32LE(r.authorKey ?? -1, at + 20);
    buffer.writeDoubleLE(r.acceptedAt, at + 24);
    buffer.set(r.bytes, at + HEADER_BYTES);
    const end = at + HEADER_BYTES + r.bytes.length;
    buffer.writeUInt32LE(crc32(buffer.subarray(at + 8, end)), at + 4);
    at = end;
  }
  return buffer;
}

function decode(file: Buffer): JournalRow[] {
  const rows: JournalRow[] = [];
  let at = 0;
  while (at + HEADER_BYTES <= file.length) {
    const end = at + HEADER_BYTES + file.readUInt32LE(at);
    if (end > file.length || crc32(file.subarray(at + 8, end)) !== file.readUInt32LE(at + 4)) break;
    const authorKey = file.readInt32LE(at + 20);
    rows.push({
      id: file.readDoubleLE(at + 8),
      docKey: file.readUInt32LE(at + 16),
      authorKey: authorKey < 0 ? null : authorKey,
      acceptedAt: file.readDoubleLE(at + 24),
      bytes: new Uint8Array(file.subarray(at + HEADER_BYTES, end)),
    });
    at = end;
  }
  return rows;
}
