// The /collab proxy: a connection that reaches a process which does not own its room is piped, upgrade
// request and then raw bytes, to the owner's internal address. The owner runs the whole handshake (token,
// room, limits) and speaks to the client through the pipe, so the client sees one contract. The request
// carries the internal secret, which marks it as a hop from a peer: the owner never proxies it again.
// When this process drains, each piped connection gets a 1012 close frame between two of the owner's frames.
import type { IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { nodeHttp } from '../http/node-http.ts';
import { CloseCode, INTERNAL_SECRET_HEADER } from '../protocol/index.ts';
import { closeFrame, FrameBoundary } from './ws-frames.ts';

/** How long the owner may take to answer the upgrade before it counts as unreachable. */
const OWNER_ANSWER_TIMEOUT_MS = 3000;
/** After the close frame, how long the client gets to close its side before the socket is cut. */
const CLOSE_GRACE_MS = 1000;

interface Pipe {
  client: Duplex;
  upstream: Socket;
  /** Set while draining: resolves once the client socket is gone. */
  closed: Promise<void>;
  close(): void;
}

export class CollabProxy {
  readonly #internalSecret: string;
  readonly #pipes = new Set<Pipe>();

  constructor(internalSecret: string) {
    this.#internalSecret = internalSecret;
  }

  get size(): number {
    return this.#pipes.size;
  }

  /**
   * Pipes the upgrade through to the owner at `ownerUrl`. Resolves true once the owner answered (101, or an
   * HTTP refusal relayed to the client as is); false when the owner could not be reached, with nothing
   * written to the client socket, so the caller can still answer it.
   */
  pipe(req: IncomingMessage, client: Duplex, head: Buffer, ownerUrl: string): Promise<boolean> {
    const target = new URL(req.url ?? '/', ownerUrl);
    const request = (target.protocol === 'https:' ? httpsRequest : nodeHttp.request)(target, {
      method: 'GET',
      headers: { ...req.headers, [INTERNAL_SECRET_HEADER]: this.#internalSecret },
    });
    return new Promise<boolean>((resolve) => {
      let settled = false;
      const settle = (reached: boolean): void => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        client.off('close', abandon);
        resolve(reached);
      };
      const timer = setTimeout(() => {
        request.destroy();
        settle(false);
      }, OWNER_ANSWER_TIMEOUT_MS);
      // The client gave up while the owner was being asked.
      const abandon = (): void => {
        request.destroy();
        settle(true);
      };
      client.once('close', abandon);
      request.on('error', () => settle(false));
      request.on('response', (res) => {
        settle(true);
        client.write(`HTTP/1.1 ${res.statusCode} ${res.statusMessage}\r\n${headerLines(res.rawHeaders)}\r\n`);
        res.pipe(client);
      });
      request.on('upgrade', (res, upstream, upstreamHead) => {
        settle(true);
        client.write(`HTTP/1.1 101 ${res.statusMessage || 'Switching Protocols'}\r\n${headerLines(res.rawHeaders)}\r\n`);
        this.#connect(client, upstream, upstreamHead, head);
      });
      request.end();
    });
  }

  /** Ends every piped connection with 1012 (drain); resolves once their client sockets are closed. */
  async closeAll(): Promise<void> {
    const pipes = [...this.#pipes];
    for (const p of pipes) p.close();
    await Promise.all(pipes.map((p) => p.closed));
  }

  #connect(client: Duplex, upstream: Socket, upstreamHead: Buffer, clientHead: Buffer): void {
    const frames = new FrameBoundary();
    let closing = false;
    let resolveClosed!: () => void;
    const closed = new Promise<void>((r) => (resolveClosed = r));
    const end = (): void => {
      upstream.destroy();
      client.destroy();
    };
    const finish = (): void => {
      upstream.off('data', forward);
      client.unpipe(upstream);
      upstream.destroy();
      const { code, reason } = CloseCode.SERVICE_RESTART;
      client.end(closeFrame(code, reason));
      setTimeout(() => client.destroy(), CLOSE_GRACE_MS).unref();
    };
    const forward = (chunk: Buffer): void => {
      if (closing) {
        // Only the rest of the frame in progress, then the close frame.
        const upTo = frames.consume(chunk, true);
        if (upTo > 0) client.write(chunk.subarray(0, upTo));
        if (frames.atBoundary) finish();
        return;
      }
      frames.consume(chunk);
      if (!client.write(chunk)) {
        upstream.pause();
        client.once('drain', () => upstream.resume());
      }
    };
    const pipe: Pipe = {
      client,
      upstream,
      closed,
      close() {
        if (closing) return;
        closing = true;
        if (frames.atBoundary) finish();
        // The owner's frame in progress never completes: cut the connection instead.
        else setTimeout(() => client.destroy(), CLOSE_GRACE_MS).unref();
      },
    };
    this.#pipes.add(pipe);
    client.on('close', () => {
      this.#pipes.delete(pipe);
      upstream.destroy();
      resolveClosed();
    });
    upstream.on('close', () => {
      if (closing && frames.atBoundary) return; // finish() sends the close frame
      // What the owner sent last (its close frame) still goes out before the socket closes.
      client.end();
      setTimeout(() => client.destroy(), CLOSE_GRACE_MS).unref();
    });
    client.on('error', end);
    upstream.on('error', end);
    upstream.setNoDelay(true);
    (client as Socket).setNoDelay?.(true);
    if (clientHead.length > 0) upstream.write(clientHead);
    if (upstreamHead.length > 0) forward(upstreamHead);
    upstream.on('data', forward);
    client.pipe(upstream);
  }
}

function headerLines(raw: string[]): string {
  let lines = '';
  for (let i = 0; i + 1 < raw.length; i += 2) lines += `${raw[i]}: ${raw[i + 1]}\r\n`;
  return lines;
}
