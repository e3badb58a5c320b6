// The one HTTP server both the full server and the collab-only server listen with: create, listen (a
// taken port rejects and leaves nothing listening), report the bound URL, close.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
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
  server.on('clientError', (_error, socket) => socket.destroy());
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
        server.once('error', reject);
        server.listen(port, host, () => {
          server.off('error', reject);
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
