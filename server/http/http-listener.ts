// The one HTTP server both the full server and the collab-only server listen with: create, listen (a
// taken port rejects with a StartupError and leaves nothing listening), report the bound URL, close.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import type { Duplex } from 'node:stream';
import { StartupError } from '../config/startup-error.ts';
import { REQUEST_ID_HEADER } from '../protocol/http-headers.ts';
import { nodeHttp } from './node-http.ts';

export interface HttpListener {
  /** `http://HOST:PORT` as bound (the real port when 0 was asked). Throws before `listen` resolved. */
  url(): string;
  port(): number;
  listen(port: number, host: string): Promise<void>;
  /** Stops accepting and cuts idle and open HTTP connections; resolves once the server has closed. */
  close(): Promise<void>;
}

export function createHttpListener(
  onRequest: (req: IncomingMessage, res: ServerResponse) => void,
  onUpgrade: (req: IncomingMessage, socket: Duplex, head: Buffer) => void,
): HttpListener {
  const server = nodeHttp.createServer(onRequest);
  server.on('upgrade', onUpgrade);
  server.on('clientError', answerMalformedRequest);
  let bound: { host: string; port: number } | undefined;
  let closing: Promise<void> | undefined;

  const require = (): { host: string; port: number } => {
    if (!bound) throw new Error('The HTTP server is not listening yet.');
    return bound;
  };
  return {
    url() {
      const { host, port } = require();
      return `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
    },
    port: () => require().port,
    async listen(port, host) {
      await new Promise<void>((resolve, reject) => {
        const onError = (error: NodeJS.ErrnoException) => reject(listenFailure(error, host, port));
        server.once('error', onError);
        server.listen(port, host, () => {
          server.off('error', onError);
          resolve();
        });
      });
      const address = server.address();
      bound = { host, port: typeof address === 'object' && address ? address.port : port };
    },
    close() {
      closing ??= new Promise<void>((resolve) => {
        if (!server.listening) return resolve();
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closing;
    },
  };
}

/**
 * An address that cannot be bound is the operator's to fix: a StartupError (the CLIs exit 2) that says which and
 * what to do, keeping Node's `code` (EADDRINUSE, ...) for callers that retry elsewhere. Other errors pass as they are.
 */
function listenFailure(error: NodeJS.ErrnoException, host: string, port: number): Error {
  const where = `${host}:${port}`;
  const reasons: Record<string, string> = {
    EADDRINUSE: `${where} is already in use (another server on this port?): stop it, or choose another port with --port or PORT`,
    EACCES: `no permission to listen on ${where} (ports below 1024 need privileges): choose another port with --port or PORT`,
    EADDRNOTAVAIL: `${host} is not an address of this machine: choose another with --host or HOST`,
  };
  const reason = error.code === undefined ? undefined : reasons[error.code];
  return reason === undefined ? error : Object.assign(new StartupError(reason, { cause: error }), { code: error.code });
}

/**
 * A request Node's parser refused before any handler saw it: too large a request line and headers (over Node's
 * 16 KiB), or not HTTP. It gets the taxonomy's 400 VALIDATION_FAILED with the reason, instead of a connection
 * closed without an answer; a connection that is already gone is only released.
 */
function answerMalformedRequest(error: NodeJS.ErrnoException, socket: Duplex): void {
  if (error.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy();
    return;
  }
  const message =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? `The request's URL and headers are larger than ${nodeHttp.maxHeaderSize / 1024} KiB.`
      : 'The request is not valid HTTP.';
  const requestId = randomUUID();
  const body = JSON.stringify({ code: 'VALIDATION_FAILED', message, requestId });
  const head = [
    'HTTP/1.1 400 Bad Request',
    'Connection: close',
    'Content-Type: application/json; charset=utf-8',
    `Content-Length: ${Buffer.byteLength(body)}`,
    `${REQUEST_ID_HEADER}: ${requestId}`,
  ];
  socket.end(`${head.join('\r\n')}\r\n\r\n${body}`);
}
