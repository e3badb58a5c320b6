import type { IncomingMessage } from 'node:http';
import { AppError } from '../protocol/index.ts';

export const MAX_JSON_BODY_BYTES = 1024 * 1024;

/**
 * Reads and parses a JSON request body with the transport checks, in this order: 413 (too large),
 * 415 (not application/json), 400 (malformed). Returns `undefined` when
 * the request carries no body.
 */
export async function readJsonBody(req: IncomingMessage, limit = MAX_JSON_BODY_BYTES): Promise<unknown> {
  const declared = req.headers['content-length'];
  const hasBody = (declared !== undefined && declared !== '0') || req.headers['transfer-encoding'] !== undefined;
  if (!hasBody) return undefined;
  if (declared !== undefined && Number(declared) > limit) {
    req.resume();
    throw new AppError('VALIDATION_PAYLOAD_TOO_LARGE', `The body exceeds ${limit} bytes.`);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) {
      req.resume();
      throw new AppError('VALIDATION_PAYLOAD_TOO_LARGE', `The body exceeds ${limit} bytes.`);
    }
    chunks.push(chunk);
  }
  if (size === 0) return undefined;
  const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/json') {
    throw new AppError('VALIDATION_UNSUPPORTED_MEDIA_TYPE', 'Request bodies must be application/json.');
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
  } catch {
    throw new AppError('VALIDATION_MALFORMED_JSON', 'The body is not valid JSON.');
  }
}
